#include "web/wire.h"

#include "core/text.h"
#include "web/http_parser.h"

#include <algorithm>
#include <cctype>

namespace casepanel::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// A header value of the form `type; name=value; name="quoted \"value\""`:
// its type and parameters (names lower-cased). False when malformed.
struct Parameters {
  std::string_view type;
  std::map<std::string, std::string> values;
};

bool parse_parameters(std::string_view text, Parameters& out) {
  const std::size_t semicolon = text.find(';');
  out.type = trim_ows(text.substr(0, semicolon));
  std::size_t at = semicolon;
  while (at != std::string_view::npos && at < text.size()) {
    ++at;  // past ';'
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) {
      ++at;
    }
    if (at == text.size()) {
      break;
    }
    const std::size_t equals = text.find('=', at);
    if (equals == std::string_view::npos) {
      return false;
    }
    std::string name(trim_ows(text.substr(at, equals - at)));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    at = equals + 1;
    std::string value;
    if (at < text.size() && text[at] == '"') {
      for (++at; at < text.size() && text[at] != '"'; ++at) {
        if (text[at] == '\\' && at + 1 < text.size()) {
          ++at;
        }
        value.push_back(text[at]);
      }
      if (at == text.size()) {
        return false;  // no closing quote
      }
      ++at;
      while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) {
        ++at;
      }
      if (at < text.size() && text[at] != ';') {
        return false;
      }
    } else {
      const std::size_t stop = text.find(';', at);
      value = std::string(trim_ows(text.substr(at, stop - at)));
      at = stop;
    }
    out.values.emplace(std::move(name), std::move(value));
  }
  return true;
}

// One part's head: its Content-Disposition parameters. False when a header
// line is malformed or the part is not form-data.
bool parse_part_head(std::string_view head, Parameters& disposition) {
  bool found = false;
  while (!head.empty()) {
    const std::size_t eol = head.find("\r\n");
    const std::string_view line = head.substr(0, eol);
    head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (line.empty() || line.front() == ' ' || line.front() == '\t' ||
        colon == std::string_view::npos) {
      return false;
    }
    if (core::ascii_iequals(trim_ows(line.substr(0, colon)), "content-disposition")) {
      if (found || !parse_parameters(line.substr(colon + 1), disposition)) {
        return false;
      }
      found = true;
    }
  }
  return found && core::ascii_iequals(disposition.type, "form-data") &&
         disposition.values.count("name") > 0;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, PlusIs plus) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return std::nullopt;
      }
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) {
        return std::nullopt;
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus == PlusIs::space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view text, std::string_view keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      out.push_back(c);
    } else if (std::string_view("-._~").find(c) != std::string_view::npos ||
               (c != '\0' && keep.find(c) != std::string_view::npos)) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

bool parse_urlencoded(std::string_view text, std::multimap<std::string, std::string>& out,
                      std::size_t max_fields) {
  std::multimap<std::string, std::string> fields;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const std::size_t equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), PlusIs::space);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1),
        PlusIs::space);
    if (!name || !value || fields.size() == max_fields) {
      return false;
    }
    fields.emplace(std::move(*name), std::move(*value));
  }
  out.merge(fields);
  return true;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    const std::size_t semicolon = header.find(';');
    const std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string_view name = trim_ows(pair.substr(0, equals));
    std::string_view value = trim_ows(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!name.empty()) {
      out.emplace(std::string(name), std::string(value));
    }
  }
  return out;
}

bool is_multipart(std::string_view content_type) {
  return core::ascii_iequals(trim_ows(content_type.substr(0, content_type.find(';'))),
                             "multipart/form-data");
}

bool is_urlencoded(std::string_view content_type) {
  const std::string_view type = trim_ows(content_type.substr(0, content_type.find(';')));
  return type.empty() || core::ascii_iequals(type, "application/x-www-form-urlencoded");
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  Parameters p;
  if (!parse_parameters(content_type, p) || !core::ascii_iequals(p.type, "multipart/form-data")) {
    return std::nullopt;
  }
  auto it = p.values.find("boundary");
  // RFC 2046 5.1.1: 1 to 70 characters; none of them a control character.
  if (it == p.values.end() || it->second.empty() || it->second.size() > 70 ||
      std::any_of(it->second.begin(), it->second.end(),
                  [](unsigned char c) { return c < 0x20 || c >= 0x7f; })) {
    return std::nullopt;
  }
  return it->second;
}

bool parse_multipart(std::string_view boundary, std::string_view body,
                     std::multimap<std::string, std::string>& form,
                     std::vector<UploadedFile>& files, std::size_t max_fields) {
  if (boundary.empty()) {
    return false;
  }
  const std::string delimiter = "\r\n--" + std::string(boundary);
  std::size_t at = 0;
  // The first delimiter may open the body (no preamble, no CRLF before it).
  if (body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
    at = delimiter.size() - 2;
  } else {
    const std::size_t first = body.find(delimiter);
    if (first == std::string_view::npos) {
      return false;
    }
    at = first + delimiter.size();
  }
  for (std::size_t parts = 0;; ++parts) {
    if (body.substr(at, 2) == "--") {
      return true;  // the close delimiter; an epilogue is ignored
    }
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) {
      ++at;
    }
    if (body.substr(at, 2) != "\r\n" || parts == max_fields) {
      return false;
    }
    at += 2;
    if (body.substr(at, 2) == "\r\n") {
      return false;  // a part without headers has no name
    }
    const std::size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) {
      return false;
    }
    Parameters disposition;
    if (!parse_part_head(body.substr(at, head_end - at), disposition)) {
      return false;
    }
    const std::size_t content = head_end + 4;
    const std::size_t next = body.find(delimiter, content);
    if (next == std::string_view::npos) {
      return false;
    }
    const std::string_view value = body.substr(content, next - content);
    if (auto name = disposition.values.find("filename"); name != disposition.values.end()) {
      files.push_back(UploadedFile{.field = disposition.values["name"],
                                   .file_name = name->second,
                                   .content = std::string(value)});
    } else {
      form.emplace(disposition.values["name"], std::string(value));
    }
    at = next + delimiter.size();
  }
}

}  // namespace casepanel::web
