// The HTTP server: POCO's threaded HTTPServer in front of a Site. Threads,
// queue and keep-alive come from configuration (DESIGN.md: POCO's defaults
// drop connections under load).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "web/site.h"

namespace Poco::Net {
class HTTPServer;
}

namespace casepanel::web {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  int max_threads = 32;
  int max_queued = 512;
  bool keep_alive = true;
  int max_keep_alive_requests = 1000;
  int keep_alive_timeout_seconds = 10;
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
// settings (docs/benchmarks.md). Call it from `serve` and from the benchmark.
void tune_allocator_for_serving();

class Server {
 public:
  Server(const Site& site, ServerConfig config);
  ~Server();
  void start();
  void stop();
  int port() const;  // the bound port (useful when configured as 0)

 private:
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace casepanel::web
