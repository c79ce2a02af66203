// bench/http_engines: Boost.Beast on Asio serving one fixed body, for the
// comparison with casepanel's engine (issue 17 §3, docs/http-server.md
// "Against other engines").
//
//   beast_server BODY_FILE PORT [THREADS]
//
// The shape of Beast's own example, http_server_async (Boost 1.74): an
// acceptor on a strand hands each connection to a session on a strand of
// its own, which reads a request, writes the answer and reads the next
// (keep-alive), with a 30 s deadline on every read; one io_context run by
// THREADS threads (default 2, this machine's cores). Every request is
// answered 200 with BODY_FILE's bytes as text/html; charset=utf-8, from
// memory (span_body: no copy per request). Listens on 127.0.0.1:PORT (0 picks
// a free port) and prints "serving N bytes on http://127.0.0.1:PORT/".
// Built by bench/http_engines/run with g++ -O2 -std=c++20 (Beast and Asio
// are headers only).
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/version.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "fixed_body.h"

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// One connection: read a request, answer it, read the next.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const std::string& body)
      : stream_(std::move(socket)), body_(body) {}

  void run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::do_read, shared_from_this()));
  }

 private:
  using Response = http::response<http::span_body<const char>>;

  void do_read() {
    request_ = {};
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      do_close();
      return;
    }
    response_ = std::make_unique<Response>(http::status::ok, request_.version());
    response_->set(http::field::server, BOOST_BEAST_VERSION_STRING);
    response_->set(http::field::content_type, "text/html; charset=utf-8");
    response_->body() = {body_.data(), body_.size()};
    response_->keep_alive(request_.keep_alive());
    response_->prepare_payload();
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    const bool close = response_->need_eof();
    response_.reset();
    if (ec || close) {
      do_close();
      return;
    }
    do_read();
  }

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const std::string& body_;
  http::request<http::string_body> request_;
  std::unique_ptr<Response> response_;
};

// Accepts connections and starts a session for each.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::endpoint endpoint, const std::string& body)
      : ioc_(ioc), acceptor_(net::make_strand(ioc)), body_(body) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

  void run() { do_accept(); }

 private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), body_)->run();
    }
    do_accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  const std::string& body_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: beast_server BODY_FILE PORT [THREADS]\n";
    return 2;
  }
  const std::string body = casepanel::bench::read_body(argv[1]);
  const auto port = static_cast<unsigned short>(std::stoi(argv[2]));
  const int threads = argc == 4 ? std::max(1, std::stoi(argv[3])) : 2;

  net::io_context ioc{threads};
  auto listener = std::make_shared<Listener>(
      ioc, tcp::endpoint{net::ip::make_address("127.0.0.1"), port}, body);
  listener->run();
  std::cout << "serving " << body.size() << " bytes on http://127.0.0.1:" << listener->port() << "/"
            << std::endl;

  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&ioc](const beast::error_code&, int) { ioc.stop(); });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) {
    pool.emplace_back([&ioc] { ioc.run(); });
  }
  ioc.run();
  for (std::thread& t : pool) {
    t.join();
  }
  return 0;
}
