// bench/http_engines: casepanel's own engine (web::Server) serving one fixed
// body, for the comparison with other engines (issue 17 §3,
// docs/http-server.md "Against other engines").
//
//   http_engine_casepanel BODY_FILE PORT [WORKERS]
//
// Every request, whatever its path, is answered 200 with the bytes of
// BODY_FILE as text/html; charset=utf-8. The server listens on 127.0.0.1 at
// PORT (0 picks a free one) and prints the line bench/http_engines/run waits
// for: "serving N bytes on http://127.0.0.1:PORT/". It is configured as
// `casepanel serve` configures it (ServerConfig's defaults are those of
// config/casepanel.toml: 8 workers and one I/O thread, keep-alive), except
// that every connection comes from one address here, so the per-client cap
// is lifted (max_connections_per_client = 0), as behind nginx. WORKERS, when
// given, replaces the 8 workers. It stops on SIGINT or SIGTERM.
#include <signal.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "web/server.h"

#include "fixed_body.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: http_engine_casepanel BODY_FILE PORT [WORKERS]\n";
    return 2;
  }
  // As `casepanel serve` does: the stop signals go to sigwait only, and the
  // allocator is set before any thread starts.
  sigset_t stop = casepanel::bench::block_stop_signals();
  casepanel::web::tune_allocator_for_serving();

  const auto body = std::make_shared<const std::string>(casepanel::bench::read_body(argv[1]));
  casepanel::web::ServerConfig config;
  config.port = std::stoi(argv[2]);
  config.max_connections_per_client = 0;
  if (argc == 4) {
    config.max_threads = std::stoi(argv[3]);
  }
  // The body is shared, never copied, as a page kept in memory is
  // (web/page_cache.h, web/outgoing.h).
  casepanel::web::Server server(
      [&body](casepanel::web::WebRequest&) {
        casepanel::web::WebResponse response;
        response.shared_body.add(body, *body);
        return response;
      },
      config);
  server.start();
  std::cout << "serving " << body->size() << " bytes on http://127.0.0.1:" << server.port() << "/"
            << std::endl;
  int signal = 0;
  sigwait(&stop, &signal);
  server.stop();
  return 0;
}
