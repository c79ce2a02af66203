// libFuzzer target: the request head parser, the target splitter, and the
// chunked decoder (web/http_parser.h) on outside bytes. The input is a
// request as it comes off the socket: its head, then (when the head says
// chunked) its body, fed to the decoder in two pieces to exercise resuming.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "web/http_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casepanel::web;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const HeadParse parsed = parse_request_head(input, 16 * 1024);
  if (parsed.state != HeadParse::State::complete) {
    return 0;
  }
  if (parsed.consumed > input.size()) {
    __builtin_trap();
  }
  (void)split_target(parsed.head.target);
  if (parsed.head.framing == BodyFraming::chunked) {
    const std::string_view body = input.substr(parsed.consumed);
    ChunkedDecoder decoder(64 * 1024);
    std::string out;
    std::size_t consumed = 0;
    const std::size_t half = body.size() / 2;
    auto status = decoder.feed(body.substr(0, half), out, consumed);
    if (consumed > half) {
      __builtin_trap();
    }
    if (status == ChunkedDecoder::Status::more) {
      status = decoder.feed(body.substr(consumed), out, consumed);
    }
    if (out.size() > 64 * 1024) {
      __builtin_trap();
    }
  }
  return 0;
}
