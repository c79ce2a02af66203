// One client connection as the HTTP server's I/O thread (web/server.cc)
// holds it: the bytes read and still to write, the request being read, and
// where the connection stands. Each connection carries one request at a time:
//
//   head --whole head--> body --whole body--> handling --answer ready--> writing
//     ^   `--no body--------------------------^                            |
//     `--keep-alive: next request (idle until its first byte)--------------+
//                                  lingering <--answer closes the connection
//
// Every phase but handling has a deadline; lingering reads and drops what the
// client still sends until it passes, so that closing does not reset the
// connection before the client has read the answer. Owned and touched by
// the I/O thread only, as are the functions below.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "web/http_parser.h"
#include "web/http_workers.h"

namespace casepanel::web {

using Clock = std::chrono::steady_clock;

enum class Phase { head, body, handling, writing, lingering };

struct Connection {
  int fd = -1;
  std::uint64_t id = 0;
  std::string peer;
  Phase phase = Phase::head;
  bool idle = false;  // keep-alive: no byte of the next request yet
  Clock::time_point deadline;
  std::uint32_t events = 0;  // the epoll interest set now
  std::string in;
  Outgoing out;
  RequestHead head;
  Target target;
  std::string body;
  std::optional<ChunkedDecoder> chunked;
  bool upload = false;
  int served = 0;
};

struct ServerConfig;  // web/server.h

// The phases in which the connection reads what the client sends.
inline bool reading(const Connection& c) {
  return c.phase == Phase::head || c.phase == Phase::body || c.phase == Phase::lingering;
}

// The largest body the request may carry: a form's, or a file's with room
// for a multipart form's other fields and part headers.
std::size_t body_limit(const Connection& c, const ServerConfig& config);
// 413, short and plain, and the connection closed: the rest of the body is
// never read.
WebResponse too_large(const Connection& c, const ServerConfig& config);
// The whole request read (head and body) as a job for the workers, the
// connection moved to `handling`; nullopt, and nothing changed but the
// path taken, when its query string cannot be read (the caller answers 400).
std::optional<HttpJob> take_request(Connection& c, const ServerConfig& config);

}  // namespace casepanel::web
