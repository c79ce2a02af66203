// The strict HTTP/1.x request parser: a request head (request line and
// header fields) and a chunked body, from bytes to values, with no sockets,
// so that it can be table-tested and fuzzed. It follows RFC 9112 and refuses
// what request smuggling and header injection rely on, instead of guessing:
//   - a request line other than `METHOD SP origin-form SP HTTP/1.1|1.0`
//     (400; 505 for another HTTP version);
//   - a field line without a colon, a field name that is not a token, folded
//     lines (obs-fold), control characters in a value (400);
//   - Content-Length together with Transfer-Encoding, several Content-Length
//     fields, a Transfer-Encoding other than exactly `chunked` (400 / 501);
//   - a head over the configured size (431).
// Every refusal closes the connection: after a malformed head the server
// cannot know where the next request starts.
//
// Pure functions and a small value-type decoder: thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casepanel::web {

enum class HttpVersion { http10, http11 };
enum class BodyFraming { none, content_length, chunked };
enum class Persistence { keep_alive, close };

struct RequestHead {
  std::string method;
  std::string target;  // as sent: origin-form, "/path?query"
  HttpVersion version = HttpVersion::http11;
  // Field names lower-cased, values with surrounding whitespace removed, in
  // the order sent.
  std::vector<std::pair<std::string, std::string>> fields;
  BodyFraming framing = BodyFraming::none;
  std::uint64_t content_length = 0;  // when framing is content_length
  bool expect_continue = false;      // `Expect: 100-continue`
  Persistence persistence = Persistence::keep_alive;

  // The first value of a field (name in lower case), or nullptr.
  const std::string* field(std::string_view name) const;
};

struct HeadParse {
  enum class State { incomplete, complete, failed };
  State state = State::incomplete;
  RequestHead head;
  std::size_t consumed = 0;  // bytes of the head, its blank line included
  int status = 0;            // when failed: 400, 417, 431, 501 or 505
  std::string reason;        // when failed: for the log and the plain page
};

// The text without the optional white space (SP, HTAB) around it, as field
// values and parameters are read (RFC 9110 5.6.3). The form and multipart
// readers (wire.h) use it too.
std::string_view trim_ows(std::string_view text);

// Parses the head at the start of `input`. Incomplete while no blank line has
// come and `input` is within `max_head_bytes`; empty lines before the request
// line are skipped (RFC 9112 2.2).
HeadParse parse_request_head(std::string_view input, std::size_t max_head_bytes);

// A request target split and decoded: the path percent-decoded, the query as
// sent (after the first '?'), without its fragment.
struct Target {
  std::string path;
  std::string query;
};
// nullopt when the target is not origin-form, has a malformed %-escape, or
// decodes to a NUL.
std::optional<Target> split_target(std::string_view target);

// Decodes a chunked body as it arrives. Chunk extensions and trailer fields
// are read and dropped. A body whose chunks add up to more than `limit`
// bytes is refused as soon as the size line that crosses it is read.
class ChunkedDecoder {
 public:
  enum class Status { more, done, too_large, malformed };
  explicit ChunkedDecoder(std::size_t limit) : limit_(limit) {}

  // Consumes bytes from the front of `input` (sets `consumed`) and appends
  // the decoded data to `out`. After `done`, the bytes not consumed belong to
  // the next request.
  Status feed(std::string_view input, std::string& out, std::size_t& consumed);

 private:
  enum class Step { size_line, data, data_end, trailer };
  Status line(std::string_view text);

  std::size_t limit_;
  std::size_t total_ = 0;
  std::uint64_t remaining_ = 0;
  Step step_ = Step::size_line;
  std::string line_;  // a size or trailer line in progress
  std::size_t trailer_bytes_ = 0;
};

// RFC 9110 5.6.2: a token character.
bool is_token_char(unsigned char c);
bool is_token(std::string_view text);

}  // namespace casepanel::web
