// bench/http_engines: libmicrohttpd serving one fixed body, for the
// comparison with casepanel's engine (issue 17 §3, docs/http-server.md
// "Against other engines").
//
//   mhd_server BODY_FILE PORT [THREADS]
//
// MHD's own threads and epoll (MHD_USE_INTERNAL_POLLING_THREAD |
// MHD_USE_EPOLL, which MHD_USE_EPOLL_LINUX_ONLY is the deprecated name of)
// with a pool of THREADS threads (default 2, this machine's cores), each
// accepting and serving its own connections. One persistent response,
// created once from BODY_FILE's bytes (MHD_RESPMEM_PERSISTENT: never copied),
// answers every request 200 as text/html; charset=utf-8, keep-alive. Listens
// on 127.0.0.1:PORT (0 picks a free port) and prints "serving N bytes on
// http://127.0.0.1:PORT/". Built by bench/http_engines/run with g++ -O2
// -std=c++20 -lmicrohttpd.
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "fixed_body.h"

namespace {

// Every request gets the one response. MHD calls this first when the head
// has arrived and again when the body (none, for a GET) has been read; a
// response queued at the first call is an early answer, after which MHD
// closes the connection, so it is queued at the second, as MHD's own
// examples do.
MHD_Result answer(void* cls, MHD_Connection* connection, const char*, const char*, const char*,
                  const char*, size_t* upload_data_size, void** request) {
  static int head_seen;
  if (*request == nullptr) {
    *request = &head_seen;
    return MHD_YES;
  }
  if (*upload_data_size != 0) {
    *upload_data_size = 0;  // a body, which nobody reads
    return MHD_YES;
  }
  return MHD_queue_response(connection, MHD_HTTP_OK, static_cast<MHD_Response*>(cls));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: mhd_server BODY_FILE PORT [THREADS]\n";
    return 2;
  }
  // Blocked before MHD starts its threads, so that only sigwait sees them.
  sigset_t stop = casepanel::bench::block_stop_signals();
  const std::string body = casepanel::bench::read_body(argv[1]);
  const int threads = argc == 4 ? std::max(1, std::stoi(argv[3])) : 2;

  MHD_Response* response = MHD_create_response_from_buffer(
      body.size(), const_cast<char*>(body.data()), MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "text/html; charset=utf-8");

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(argv[2])));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, nullptr, nullptr, &answer, response,
      MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(threads),
      MHD_OPTION_CONNECTION_LIMIT, 4096u, MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
  if (daemon == nullptr) {
    std::cerr << "mhd_server: MHD_start_daemon failed\n";
    return 1;
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  std::cout << "serving " << body.size() << " bytes on http://127.0.0.1:" << info->port << "/"
            << std::endl;

  int signal = 0;
  sigwait(&stop, &signal);
  MHD_stop_daemon(daemon);
  MHD_destroy_response(response);
  return 0;
}
