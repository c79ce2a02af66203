#include "web/http_parser.h"

#include <algorithm>
#include <cctype>

#include "web/wire.h"

namespace casepanel::web {
namespace {

// More fields than any browser sends; a head with more is refused like an
// oversized one.
constexpr std::size_t kMaxFields = 100;
// A chunk-size line with its extensions, and the whole trailer section.
constexpr std::size_t kMaxChunkLine = 4096;
constexpr std::size_t kMaxTrailerBytes = 16 * 1024;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// RFC 9110 5.5: field-content is visible characters, obs-text, SP and HTAB;
// every other control character (CR, LF and NUL among them) is refused.
bool valid_field_value(std::string_view value) {
  return std::all_of(value.begin(), value.end(),
                     [](unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7f); });
}

HeadParse failure(int status, std::string reason) {
  HeadParse out;
  out.state = HeadParse::State::failed;
  out.status = status;
  out.reason = std::move(reason);
  return out;
}

// "HTTP/1.1" -> http11; another well-formed version -> 505; else 400.
int parse_version(std::string_view text, HttpVersion& out) {
  if (text.size() != 8 || text.substr(0, 5) != "HTTP/" || !std::isdigit(uint8_t(text[5])) ||
      text[6] != '.' || !std::isdigit(uint8_t(text[7]))) {
    return 400;
  }
  if (text == "HTTP/1.1") {
    out = HttpVersion::http11;
    return 0;
  }
  if (text == "HTTP/1.0") {
    out = HttpVersion::http10;
    return 0;
  }
  return 505;
}

bool valid_target_chars(std::string_view target) {
  return !target.empty() && std::all_of(target.begin(), target.end(),
                                        [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

std::size_t count_fields(const RequestHead& head, std::string_view name) {
  return static_cast<std::size_t>(
      std::count_if(head.fields.begin(), head.fields.end(),
                    [&](const auto& field) { return field.first == name; }));
}

// Applies the framing and connection rules of RFC 9112 6 and 9.
HeadParse settle(HeadParse out) {
  RequestHead& head = out.head;
  const std::size_t lengths = count_fields(head, "content-length");
  const std::size_t encodings = count_fields(head, "transfer-encoding");
  if (lengths > 1 || encodings > 1) {
    return failure(400, "several Content-Length or Transfer-Encoding fields");
  }
  if (lengths == 1 && encodings == 1) {
    return failure(400, "both Content-Length and Transfer-Encoding");
  }
  if (encodings == 1) {
    if (head.version == HttpVersion::http10) {
      return failure(400, "Transfer-Encoding in an HTTP/1.0 request");
    }
    if (lower(*head.field("transfer-encoding")) != "chunked") {
      return failure(501, "a Transfer-Encoding other than chunked");
    }
    head.framing = BodyFraming::chunked;
  }
  if (lengths == 1) {
    const std::string& text = *head.field("content-length");
    if (text.empty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
      return failure(400, "a malformed Content-Length");
    }
    head.content_length = std::stoull(text);
    head.framing = head.content_length > 0 ? BodyFraming::content_length : BodyFraming::none;
  }
  const std::size_t hosts = count_fields(head, "host");
  if (hosts > 1 || (hosts == 0 && head.version == HttpVersion::http11)) {
    return failure(400, "no Host field, or several");
  }
  bool close = false;
  bool keep_alive = false;
  for (const auto& [name, value] : head.fields) {
    if (name != "connection") {
      continue;
    }
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string option = lower(trim_ows(rest.substr(0, comma)));
      close = close || option == "close";
      keep_alive = keep_alive || option == "keep-alive";
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  const bool persistent = head.version == HttpVersion::http11 ? !close : keep_alive && !close;
  head.persistence = persistent ? Persistence::keep_alive : Persistence::close;
  if (const std::string* expect = head.field("expect")) {
    if (lower(*expect) != "100-continue") {
      return failure(417, "an expectation other than 100-continue");
    }
    // RFC 9110 10.1.1: an HTTP/1.0 client's 100-continue is ignored.
    head.expect_continue = head.version == HttpVersion::http11;
  }
  return out;
}

}  // namespace

std::string_view trim_ows(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_token_char(unsigned char c) {
  if (std::isalnum(c) != 0) {
    return c < 0x80;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return is_token_char(c); });
}

const std::string* RequestHead::field(std::string_view name) const {
  for (const auto& [n, v] : fields) {
    if (n == name) {
      return &v;
    }
  }
  return nullptr;
}

namespace {

// The request line: METHOD SP TARGET SP VERSION, nothing more; 0 or a status.
int parse_request_line(std::string_view line, RequestHead& head, std::string& why) {
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  why = "a malformed request line";
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return 400;
  }
  head.method = std::string(line.substr(0, sp1));
  head.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  if (!is_token(head.method) || !valid_target_chars(head.target)) {
    return 400;
  }
  why = "an unsupported HTTP version";
  return parse_version(line.substr(sp2 + 1), head.version);
}

// One field line: NAME ":" OWS VALUE OWS; 0 or a status.
int parse_field_line(std::string_view line, RequestHead& head, std::string& why) {
  if (line.front() == ' ' || line.front() == '\t') {
    why = "a folded header line";
    return 400;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
    why = "a header line without a field name and colon";
    return 400;
  }
  const std::string_view value = trim_ows(line.substr(colon + 1));
  if (!valid_field_value(value)) {
    why = "a control character in a header value";
    return 400;
  }
  if (head.fields.size() == kMaxFields) {
    why = "too many header fields";
    return 431;
  }
  head.fields.emplace_back(lower(line.substr(0, colon)), std::string(value));
  return 0;
}

}  // namespace

HeadParse parse_request_head(std::string_view input, std::size_t max_head_bytes) {
  std::size_t start = 0;
  while (input.substr(start, 2) == "\r\n") {
    start += 2;
  }
  const std::size_t end = input.find("\r\n\r\n", start);
  if (end == std::string_view::npos) {
    if (input.size() - start > max_head_bytes) {
      return failure(431, "the request head is too large");
    }
    return HeadParse{};
  }
  if (end + 4 - start > max_head_bytes) {
    return failure(431, "the request head is too large");
  }
  HeadParse out;
  out.state = HeadParse::State::complete;
  out.consumed = end + 4;
  std::string_view head = input.substr(start, end + 2 - start);
  for (bool first = true; !head.empty(); first = false) {
    const std::size_t eol = head.find("\r\n");
    const std::string_view line = head.substr(0, eol);
    head.remove_prefix(eol + 2);
    if (line.find_first_of("\r\n") != std::string_view::npos) {
      return failure(400, "a bare CR or LF in the head");
    }
    std::string why;
    const int status =
        first ? parse_request_line(line, out.head, why) : parse_field_line(line, out.head, why);
    if (status != 0) {
      return failure(status, why);
    }
  }
  return settle(std::move(out));
}

std::optional<Target> split_target(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return std::nullopt;
  }
  target = target.substr(0, target.find('#'));
  const std::size_t question = target.find('?');
  Target out;
  if (question != std::string_view::npos) {
    out.query = std::string(target.substr(question + 1));
  }
  auto path = percent_decode(target.substr(0, question), PlusIs::plus);
  if (!path || path->find('\0') != std::string::npos) {
    return std::nullopt;
  }
  out.path = std::move(*path);
  return out;
}

ChunkedDecoder::Status ChunkedDecoder::line(std::string_view text) {
  if (step_ == Step::trailer) {
    if (text.empty()) {
      return Status::done;
    }
    trailer_bytes_ += text.size() + 2;
    return trailer_bytes_ > kMaxTrailerBytes ? Status::malformed : Status::more;
  }
  const std::string_view size = trim_ows(text.substr(0, text.find(';')));
  if (size.empty() || size.size() > 16 ||
      !std::all_of(size.begin(), size.end(), [](unsigned char c) { return std::isxdigit(c); })) {
    return Status::malformed;
  }
  const std::uint64_t bytes = std::stoull(std::string(size), nullptr, 16);
  if (bytes > limit_ - total_) {
    return Status::too_large;
  }
  total_ += static_cast<std::size_t>(bytes);
  remaining_ = bytes;
  step_ = bytes == 0 ? Step::trailer : Step::data;
  return Status::more;
}

ChunkedDecoder::Status ChunkedDecoder::feed(std::string_view input, std::string& out,
                                            std::size_t& consumed) {
  consumed = 0;
  while (consumed < input.size()) {
    if (step_ == Step::data) {
      const auto n =
          static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, input.size() - consumed));
      out.append(input.substr(consumed, n));
      consumed += n;
      remaining_ -= n;
      if (remaining_ == 0) {
        step_ = Step::data_end;
      }
      continue;
    }
    if (step_ == Step::data_end) {
      line_.push_back(input[consumed++]);
      if (line_ == "\r") {
        continue;
      }
      if (line_ != "\r\n") {
        return Status::malformed;
      }
      line_.clear();
      step_ = Step::size_line;
      continue;
    }
    const std::size_t newline = input.find('\n', consumed);
    const std::size_t stop = newline == std::string_view::npos ? input.size() : newline + 1;
    line_.append(input.substr(consumed, stop - consumed));
    consumed = stop;
    if (line_.size() > kMaxChunkLine) {
      return Status::malformed;
    }
    if (newline == std::string_view::npos) {
      return Status::more;
    }
    if (line_.size() < 2 || line_[line_.size() - 2] != '\r') {
      return Status::malformed;
    }
    const Status s = line(std::string_view(line_).substr(0, line_.size() - 2));
    line_.clear();
    if (s != Status::more) {
      return s;
    }
  }
  return Status::more;
}

}  // namespace casepanel::web
