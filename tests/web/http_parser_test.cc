// The strict request parser (web/http_parser.h): one row per rule of RFC
// 9112 that it enforces, each with why it matters.
#include "web/http_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace casepanel::web {
namespace {

using namespace std::string_literals;

constexpr std::size_t kMaxHead = 16 * 1024;

struct HeadCase {
  std::string input;
  HeadParse::State state;
  int status = 0;  // when failed
  std::string why;
};

TEST(HttpParser, RequestHeadsAreParsedStrictly) {
  using S = HeadParse::State;
  const HeadCase cases[] = {
      {.input = "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
       .state = S::complete,
       .why = "the smallest valid HTTP/1.1 request"},
      {.input = "GET / HTTP/1.0\r\n\r\n", .state = S::complete, .why = "HTTP/1.0 needs no Host"},
      {.input = "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
       .state = S::complete,
       .why = "RFC 9112 2.2: empty lines before the request line are ignored"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\n",
       .state = S::incomplete,
       .why = "no blank line yet: more is to come"},
      {.input = "GET / HTTP/1.1\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "RFC 9112 3.2: an HTTP/1.1 request without Host"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "two Hosts: which one routes the request is ambiguous"},
      {.input = "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 505,
       .why = "a well-formed version we do not speak"},
      {.input = "GET / HTTP/1.1x\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a malformed version"},
      {.input = "GET / FOO/1.1\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "not HTTP at all"},
      {.input = "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "two spaces: the target would be empty"},
      {.input = "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a third space in the request line"},
      {.input = "G(T / HTTP/1.1\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a method must be a token"},
      {.input = "GET /a\x01 HTTP/1.1\r\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a control character in the target"},
      {.input = "GET / HTTP/1.1\r\nHost a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a header line without a colon"},
      {.input = "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "RFC 9112 5.1: whitespace before the colon (a smuggling vector)"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "RFC 9112 5.2: obs-fold is refused, not unfolded"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\x01\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a control character in a value"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\0c\r\n\r\n"s,
       .state = S::failed,
       .status = 400,
       .why = "a NUL in a value"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a bare CR inside a line"},
      {.input = "GET / HTTP/1.1\nHost: a\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a bare LF ending a line"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
                "Transfer-Encoding: chunked\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "RFC 9112 6.1: Content-Length with Transfer-Encoding (request smuggling)"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "several Content-Length fields, even equal ones"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a list of lengths"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a negative length"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "a length that overflows"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
       .state = S::failed,
       .status = 501,
       .why = "a transfer coding other than exactly chunked"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                "Transfer-Encoding: chunked\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "two Transfer-Encoding fields"},
      {.input = "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
       .state = S::failed,
       .status = 400,
       .why = "RFC 9112 6.1: HTTP/1.0 has no chunked encoding"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nExpect: something\r\n\r\n",
       .state = S::failed,
       .status = 417,
       .why = "an expectation we cannot meet"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + std::string(kMaxHead, 'a') + "\r\n\r\n",
       .state = S::failed,
       .status = 431,
       .why = "a head over the limit, complete"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + std::string(kMaxHead, 'a'),
       .state = S::failed,
       .status = 431,
       .why = "a head over the limit is refused before it ends"},
  };
  for (const HeadCase& c : cases) {
    const HeadParse p = parse_request_head(c.input, kMaxHead);
    EXPECT_EQ(p.state, c.state) << c.why;
    if (c.state == S::failed) {
      EXPECT_EQ(p.status, c.status) << c.why;
    }
  }
}

TEST(HttpParser, TooManyFieldsAre431) {
  std::string input = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 100; ++i) {
    input += "X-" + std::to_string(i) + ": v\r\n";
  }
  const HeadParse p = parse_request_head(input + "\r\n", kMaxHead);
  EXPECT_EQ(p.state, HeadParse::State::failed);
  EXPECT_EQ(p.status, 431);
}

struct FramingCase {
  std::string input;
  BodyFraming framing;
  std::uint64_t length = 0;
  Persistence persistence = Persistence::keep_alive;
  bool expect_continue = false;
  std::string why;
};

TEST(HttpParser, FramingAndPersistenceFollowTheHead) {
  const FramingCase cases[] = {
      {.input = "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
       .framing = BodyFraming::none,
       .why = "no length: no body"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n",
       .framing = BodyFraming::content_length,
       .length = 12,
       .why = "a declared length"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\ncontent-length: 0\r\n\r\n",
       .framing = BodyFraming::none,
       .why = "field names are case-insensitive; zero is no body"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n",
       .framing = BodyFraming::chunked,
       .why = "transfer codings are case-insensitive"},
      {.input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
       .framing = BodyFraming::none,
       .persistence = Persistence::close,
       .why = "Connection: close is honoured"},
      {.input = "GET / HTTP/1.0\r\n\r\n",
       .framing = BodyFraming::none,
       .persistence = Persistence::close,
       .why = "HTTP/1.0 closes unless asked"},
      {.input = "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
       .framing = BodyFraming::none,
       .why = "an HTTP/1.0 client that asks for keep-alive gets it"},
      {.input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
       .framing = BodyFraming::content_length,
       .length = 5,
       .expect_continue = true,
       .why = "curl waits for 100 Continue before an upload"},
      {.input = "POST / HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
       .framing = BodyFraming::content_length,
       .length = 5,
       .persistence = Persistence::close,
       .why = "RFC 9110 10.1.1: HTTP/1.0's 100-continue is ignored"},
  };
  for (const FramingCase& c : cases) {
    const HeadParse p = parse_request_head(c.input, kMaxHead);
    ASSERT_EQ(p.state, HeadParse::State::complete) << c.why;
    EXPECT_EQ(p.head.framing, c.framing) << c.why;
    EXPECT_EQ(p.head.content_length, c.length) << c.why;
    EXPECT_EQ(p.head.persistence, c.persistence) << c.why;
    EXPECT_EQ(p.head.expect_continue, c.expect_continue) << c.why;
  }
}

TEST(HttpParser, ConsumedEndsAtTheBlankLineSoPipelinedRequestsFollow) {
  const std::string first = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n";
  const HeadParse p = parse_request_head(first + "GET /b HTTP/1.1\r\n", kMaxHead);
  ASSERT_EQ(p.state, HeadParse::State::complete);
  EXPECT_EQ(p.consumed, first.size());
  EXPECT_EQ(p.head.target, "/a");
  EXPECT_EQ(*p.head.field("host"), "a");
}

struct TargetCase {
  std::string target;
  std::optional<std::string> path;
  std::string query = {};
  std::string why;
};

TEST(HttpParser, TargetsSplitIntoADecodedPathAndARawQuery) {
  const TargetCase cases[] = {
      {.target = "/children/5?tab=history",
       .path = "/children/5",
       .query = "tab=history",
       .why = "path and query"},
      {.target = "/a%20b+c", .path = "/a b+c", .why = "'+' in a path is a plus"},
      {.target = "/requests/x%0d%0aSet-Cookie:%20a",
       .path = "/requests/x\r\nSet-Cookie: a",
       .why = "CR and LF decode (Site encodes them again before any header)"},
      {.target = "/a%00b", .path = std::nullopt, .why = "a decoded NUL"},
      {.target = "/a%zz", .path = std::nullopt, .why = "a malformed escape"},
      {.target = "/a%2", .path = std::nullopt, .why = "a truncated escape"},
      {.target = "http://evil.example/",
       .path = std::nullopt,
       .why = "absolute-form is for proxies"},
      {.target = "*", .path = std::nullopt, .why = "asterisk-form: no OPTIONS here"},
  };
  for (const TargetCase& c : cases) {
    const auto t = split_target(c.target);
    ASSERT_EQ(t.has_value(), c.path.has_value()) << c.why;
    if (t) {
      EXPECT_EQ(t->path, *c.path) << c.why;
      EXPECT_EQ(t->query, c.query) << c.why;
    }
  }
}

struct ChunkedCase {
  std::string input;
  ChunkedDecoder::Status status;
  std::string body = {};
  std::size_t rest = 0;  // bytes left after the body
  std::string why;
};

TEST(HttpParser, ChunkedBodiesAreDecodedWithinTheirLimit) {
  using S = ChunkedDecoder::Status;
  const ChunkedCase cases[] = {
      {.input = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
       .status = S::done,
       .body = "hello world",
       .why = "two chunks"},
      {.input = "5;name=value\r\nhello\r\n0\r\nX-Trailer: t\r\n\r\nGET",
       .status = S::done,
       .body = "hello",
       .rest = 3,
       .why = "extensions and trailers are dropped; a pipelined "
              "request is left"},
      {.input = "A\r\n0123456789\r\n0\r\n\r\n",
       .status = S::done,
       .body = "0123456789",
       .why = "hex sizes in upper case"},
      {.input = "5\r\nhel", .status = S::more, .body = "hel", .why = "more to come"},
      {.input = "x\r\n", .status = S::malformed, .why = "a size that is not hex"},
      {.input = "\r\n", .status = S::malformed, .why = "no size"},
      {.input = "-1\r\n", .status = S::malformed, .why = "a negative size"},
      {.input = "11111111111111111\r\n", .status = S::malformed, .why = "17 hex digits"},
      {.input = "5\r\nhelloXY",
       .status = S::malformed,
       .body = "hello",
       .why = "no CRLF after the data"},
      {.input = "5\nhello\r\n", .status = S::malformed, .why = "a bare LF after the size"},
      {.input = "65\r\n", .status = S::too_large, .why = "101 bytes with a limit of 100"},
      {.input = "ffffffffffffffff\r\n",
       .status = S::too_large,
       .why = "the largest size does not wrap around the limit"},
      {.input = "32\r\n" + std::string(50, 'a') + "\r\n33\r\n",
       .status = S::too_large,
       .body = std::string(50, 'a'),
       .why = "the sum of the chunks counts"},
  };
  for (const ChunkedCase& c : cases) {
    ChunkedDecoder decoder(100);
    std::string body;
    std::size_t consumed = 0;
    EXPECT_EQ(decoder.feed(c.input, body, consumed), c.status) << c.why;
    EXPECT_EQ(body, c.body) << c.why;
    if (c.status == S::done) {
      EXPECT_EQ(c.input.size() - consumed, c.rest) << c.why;
    }
  }
}

TEST(HttpParser, AChunkedBodyDecodesTheSameByteByByte) {
  const std::string input = "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nT: 1\r\n\r\n";
  ChunkedDecoder decoder(100);
  std::string body;
  ChunkedDecoder::Status status = ChunkedDecoder::Status::more;
  for (std::size_t i = 0; i < input.size(); ++i) {
    std::size_t consumed = 0;
    status = decoder.feed(std::string_view(input).substr(i, 1), body, consumed);
    ASSERT_EQ(consumed, 1u);
    if (i + 1 < input.size()) {
      ASSERT_EQ(status, ChunkedDecoder::Status::more) << i;
    }
  }
  EXPECT_EQ(status, ChunkedDecoder::Status::done);
  EXPECT_EQ(body, "hello world");
}

}  // namespace
}  // namespace casepanel::web
