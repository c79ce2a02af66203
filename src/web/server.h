// The HTTP server: an event-driven HTTP/1.1 engine in front of a Site (or,
// for tests, any request handler).
//
// One I/O thread owns every socket: it accepts, reads, parses
// (web/http_parser.h), and writes responses without blocking, under Linux
// epoll. A fixed pool of `max_threads` workers runs the handler on complete
// requests and serialises the responses (web/http_response.h). So a client
// that sends slowly, or never reads its response, holds a few kilobytes and
// no thread, and every one of thousands of keep-alive connections is
// answered (POCO's thread-per-connection server answered only as many as it
// had threads, and 33 half-sent requests stopped it for a minute).
//
// Each connection carries one request at a time, in order (pipelining-safe),
// and every phase has a deadline: the request head, the body, an idle
// keep-alive connection, the writing of a response. Connections per client
// address and in all are capped. docs/http-server.md has the limits and the
// settings, and what nginx does in front.
//
// start() and stop() are for one thread (the owner); port() is safe anywhere
// once constructed. The handler must be thread-safe (Site::handle is).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/site.h"

namespace casepanel::web {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  // Worker threads running the handler; the I/O thread is one more.
  // (casepanel serve's default is two per core: cli/settings.cc.)
  int max_threads = 8;
  // Complete requests waiting for a worker; beyond it, 503 with Retry-After.
  int max_queued = 512;
  // The I/O thread answers a GET that needs no waiting itself (a kept page,
  // a static file: HttpWorkers::serve_here), saving two thread switches.
  // For a handler that throws core::WouldWait before anything would wait:
  // casepanel serve sets it on both engines (on PostgreSQL the reads are
  // presumed from memory: store/presumed_reads.h, docs/http-server.md).
  bool io_thread_answers = false;
  bool keep_alive = true;
  int max_keep_alive_requests = 1000;
  // An idle keep-alive connection is closed after this long.
  int keep_alive_timeout_seconds = 5;
  // The whole request head must arrive within this time of the connection's
  // start (or of the first byte of a keep-alive connection's next request).
  int head_timeout_seconds = 10;
  // The whole body must arrive within this time of the end of its head.
  int body_timeout_seconds = 60;
  // A response must be taken by the client within this time.
  int write_timeout_seconds = 30;
  // Connections in all, and from one client address (0: no per-client cap,
  // as behind a proxy, where every client has the proxy's address). Over
  // either cap a connection is answered 503 and closed at once.
  int max_connections = 4096;
  int max_connections_per_client = 64;
  // Proxies (nginx) whose X-Real-IP header names the client. A request from
  // any other address keeps its peer's address, whatever it claims: the
  // sign-in throttle and the audit log depend on it (docs/security.md).
  std::vector<std::string> trusted_proxies;
  // The request line and header fields together; larger: 431.
  std::size_t max_head_bytes = 16 * 1024;
  // The largest body of an ordinary form, and the largest file a
  // multipart/form-data form may carry (its body may be 64 KiB more, for the
  // other fields and the part headers). Larger bodies get 413 unread.
  std::size_t max_form_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 20 * 1024 * 1024;
};

// Sets glibc's allocator for serving pages, before any thread starts: blocks
// up to 1 MiB come from the heap (not a fresh mmap each), and up to 16 MiB
// of freed memory stays with the process instead of going back to the kernel
// after every page. A 115 KB page otherwise paid for page faults on every
// request: the child page took 0.94 ms of CPU, and 0.76 ms with these
// settings (docs/benchmarks.md). Two arenas at most: see server.cc. Call it
// from `serve` and from the benchmark.
void tune_allocator_for_serving();

// What the server calls for each complete request, on a worker thread.
using RequestHandler = std::function<WebResponse(WebRequest&)>;

class Server {
 public:
  // Binds and listens at once (throws std::runtime_error when it cannot);
  // serves from start() until stop().
  Server(const Site& site, ServerConfig config);
  Server(RequestHandler handler, ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void start();
  void stop();
  int port() const;  // the bound port (useful when configured as 0)
  // Requests the I/O thread answered itself (ServerConfig::io_thread_answers).
  std::uint64_t answered_by_io_thread() const;

 private:
  class Engine;
  std::unique_ptr<Engine> engine_;
};

}  // namespace casepanel::web
