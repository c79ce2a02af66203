// bench/http_engines: libh2o (its own event loop, Debian's libh2o-evloop)
// serving one fixed body, for the comparison with casepanel's engine
// (issue 17 §3, docs/http-server.md "Against other engines").
//
//   h2o_server BODY_FILE PORT [THREADS]
//
// The shape of h2o's examples/libh2o/simple.c, on THREADS threads (default
// 2, this machine's cores) as the h2o server runs them: one global
// configuration, and on each thread an event loop and a context of its own,
// all watching one listening socket. Every request is answered 200 with
// BODY_FILE's bytes as text/html; charset=utf-8, from memory (one buffer,
// never copied), keep-alive. Listens on 127.0.0.1:PORT (0 picks a free port)
// and prints "serving N bytes on http://127.0.0.1:PORT/". Built by
// bench/http_engines/run with g++ -O2 -std=c++20 and pkg-config's
// libh2o-evloop.
#define H2O_USE_LIBUV 0
#include <arpa/inet.h>
#include <h2o.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "fixed_body.h"

namespace {

std::string body;
h2o_globalconf_t config;

int answer(h2o_handler_t*, h2o_req_t* req) {
  static h2o_generator_t generator = {nullptr, nullptr};
  req->res.status = 200;
  req->res.reason = "OK";
  req->res.content_length = body.size();
  h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_CONTENT_TYPE, nullptr,
                 H2O_STRLIT("text/html; charset=utf-8"));
  h2o_start_response(req, &generator);
  h2o_iovec_t buffer = h2o_iovec_init(body.data(), body.size());
  h2o_send(req, &buffer, 1, H2O_SEND_STATE_FINAL);
  return 0;
}

// What one thread owns: its loop, its context and its view of the listener.
struct Worker {
  h2o_context_t context{};
  h2o_accept_ctx_t accept{};
};

void on_accept(h2o_socket_t* listener, const char* error) {
  if (error != nullptr) {
    return;
  }
  auto* worker = static_cast<Worker*>(listener->data);
  // Another thread may have taken the connection first: then nothing comes.
  if (h2o_socket_t* sock = h2o_evloop_socket_accept(listener)) {
    h2o_accept(&worker->accept, sock);
  }
}

int listen_on(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(fd, SOMAXCONN) != 0) {
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port));
  }
  return fd;
}

int bound_port(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

void run(Worker& worker, int listener_fd) {
  h2o_context_init(&worker.context, h2o_evloop_create(), &config);
  worker.accept.ctx = &worker.context;
  worker.accept.hosts = config.hosts;
  // The loop owns the descriptor it is given: each thread gets its own copy.
  h2o_socket_t* listener =
      h2o_evloop_socket_create(worker.context.loop, dup(listener_fd), H2O_SOCKET_FLAG_DONT_READ);
  listener->data = &worker;
  h2o_socket_read_start(listener, on_accept);
  while (h2o_evloop_run(worker.context.loop, INT32_MAX) == 0) {
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: h2o_server BODY_FILE PORT [THREADS]\n";
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  body = casepanel::bench::read_body(argv[1]);
  const int threads = argc == 4 ? std::max(1, std::stoi(argv[3])) : 2;

  h2o_config_init(&config);
  h2o_hostconf_t* host =
      h2o_config_register_host(&config, h2o_iovec_init(H2O_STRLIT("default")), 65535);
  h2o_pathconf_t* path = h2o_config_register_path(host, "/", 0);
  h2o_create_handler(path, sizeof(h2o_handler_t))->on_req = answer;

  const int listener_fd = listen_on(std::stoi(argv[2]));
  std::cout << "serving " << body.size() << " bytes on http://127.0.0.1:" << bound_port(listener_fd)
            << "/" << std::endl;
  // The loops run until the process is stopped (SIGTERM's default action).
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>());
    pool.emplace_back(run, std::ref(*workers.back()), listener_fd);
  }
  for (std::thread& t : pool) {
    t.join();
  }
  return 0;
}
