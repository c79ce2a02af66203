#include "web/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <malloc.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "web/http_parser.h"
#include "web/http_response.h"
#include "web/http_workers.h"
#include "web/wire.h"

namespace casepanel::web {

void tune_allocator_for_serving() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
}

namespace {

using Clock = std::chrono::steady_clock;

// epoll's data for the two descriptors that are not connections.
constexpr std::uint64_t kListener = 0;
constexpr std::uint64_t kWake = 1;
// Deadlines are checked this often: a coarse wheel of one slot.
constexpr auto kTick = std::chrono::milliseconds(200);
// After an answer that closes the connection, what the client still sends
// is read and dropped for this long, so that the close does not reset the
// connection before the client has read the answer.
constexpr auto kLinger = std::chrono::seconds(2);
// Room for a multipart form's other fields and part headers beside its file.
constexpr std::size_t kMultipartOverhead = 64 * 1024;

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
  std::string out;
  std::size_t out_at = 0;
  RequestHead head;
  Target target;
  std::string body;
  std::optional<ChunkedDecoder> chunked;
  bool upload = false;
  int served = 0;
};

std::string peer_address(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
  }
  return text;
}

// 413, short and plain, and the connection closed: the rest of the body is
// never read.
WebResponse too_large(bool upload, std::size_t max_upload_bytes) {
  return protocol_error(413, upload ? "The file is too large: the limit is " +
                                          std::to_string(max_upload_bytes / (1024 * 1024)) +
                                          " MB.\nGo back and choose a smaller file.\n"
                                    : std::string("The form is too large.\n"));
}

int listen_on(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || found == nullptr) {
    throw std::runtime_error("cannot resolve the server address " + host);
  }
  const int fd = socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int on = 1;
  const bool ok = fd >= 0 && setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == 0 &&
                  bind(fd, found->ai_addr, found->ai_addrlen) == 0 && listen(fd, 1024) == 0;
  const int error = errno;
  freeaddrinfo(found);
  if (!ok) {
    if (fd >= 0) {
      close(fd);
    }
    throw std::runtime_error("cannot listen on " + host + ":" + service + ": " +
                             std::strerror(error));
  }
  return fd;
}

}  // namespace

class Server::Engine {
 public:
  Engine(RequestHandler handler, ServerConfig config)
      : handler_(std::move(handler)), config_(std::move(config)) {
    listener_ = listen_on(config_.host, config_.port);
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(addr).sin6_port
                                             : reinterpret_cast<sockaddr_in&>(addr).sin_port);
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    spare_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (epoll_ < 0 || wake_ < 0) {
      throw std::runtime_error("cannot create the server's epoll or eventfd");
    }
    watch(listener_, kListener, EPOLLIN);
    watch(wake_, kWake, EPOLLIN);
  }

  ~Engine() {
    stop();
    for (int fd : {listener_, epoll_, wake_, spare_}) {
      if (fd >= 0) {
        close(fd);
      }
    }
  }

  int port() const { return port_; }

  void start() {
    if (io_.joinable()) {
      return;
    }
    stopping_ = false;
    workers_ = std::make_unique<HttpWorkers>(handler_, std::max(1, config_.max_threads), wake_);
    io_ = std::thread([this] { loop(); });
  }

  void stop() {
    if (!io_.joinable()) {
      return;
    }
    stopping_ = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(wake_, &one, sizeof one);
    io_.join();
    workers_->stop();
    workers_.reset();
    while (!connections_.empty()) {
      close_connection(*connections_.begin()->second);
    }
  }

 private:
  void watch(int fd, std::uint64_t key, std::uint32_t events) {
    epoll_event e{};
    e.events = events;
    e.data.u64 = key;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &e);
  }

  void loop() {
    epoll_event events[256];
    Clock::time_point next_tick = Clock::now() + kTick;
    while (!stopping_) {
      const int timeout = connections_.empty() ? -1 : static_cast<int>(kTick.count());
      const int n = epoll_wait(epoll_, events, 256, timeout);
      for (int i = 0; i < n; ++i) {
        const std::uint64_t key = events[i].data.u64;
        if (key == kListener) {
          accept_all();
        } else if (key == kWake) {
          finish_responses();
        } else if (auto it = connections_.find(key); it != connections_.end()) {
          on_event(*it->second, events[i].events);
        }
      }
      const Clock::time_point now = Clock::now();
      if (now >= next_tick) {
        expire(now);
        next_tick = now + kTick;
      }
    }
  }

  void accept_all() {
    for (int i = 0; i < 128; ++i) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd = accept4(listener_, reinterpret_cast<sockaddr*>(&addr), &len,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR) {
          continue;
        }
        if (errno == EMFILE || errno == ENFILE) {
          shed_one();
        }
        return;
      }
      admit(fd, peer_address(addr));
    }
  }

  // Out of descriptors: take the oldest waiting connection off the queue and
  // close it, so that the listener does not wake epoll again and again.
  void shed_one() {
    spdlog::warn("out of file descriptors: refusing a connection");
    if (spare_ >= 0) {
      close(spare_);
      const int fd = accept(listener_, nullptr, nullptr);
      if (fd >= 0) {
        close(fd);
      }
      spare_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
    }
  }

  void admit(int fd, std::string peer) {
    const int from_peer = per_client_[peer];
    if (connections_.size() >= static_cast<std::size_t>(config_.max_connections) ||
        (config_.max_connections_per_client > 0 &&
         from_peer >= config_.max_connections_per_client)) {
      // Best effort on a fresh socket: the answer fits its send buffer.
      Persistence close_it = Persistence::close;
      WebResponse busy = protocol_error(503, "Too many connections. Try again shortly.\n");
      busy.headers.emplace_back("Retry-After", "5");
      const std::string bytes = serialise_response(busy, BodyMode::with_body, close_it);
      [[maybe_unused]] const ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      close(fd);
      if (from_peer == 0) {
        per_client_.erase(peer);
      }
      return;
    }
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->id = next_id_++;
    c->peer = std::move(peer);
    c->deadline = Clock::now() + std::chrono::seconds(config_.head_timeout_seconds);
    c->events = EPOLLIN;
    ++per_client_[c->peer];
    watch(fd, c->id, EPOLLIN);
    connections_.emplace(c->id, std::move(c));
  }

  void close_connection(Connection& c) {
    close(c.fd);
    if (--per_client_[c.peer] <= 0) {
      per_client_.erase(c.peer);
    }
    connections_.erase(c.id);  // c is gone after this
  }

  void interest(Connection& c) {
    std::uint32_t events = 0;
    if (c.phase == Phase::head || c.phase == Phase::body || c.phase == Phase::lingering) {
      events |= EPOLLIN;
    }
    if (c.out_at < c.out.size()) {
      events |= EPOLLOUT;
    }
    if (events != c.events) {
      epoll_event e{};
      e.events = events;
      e.data.u64 = c.id;
      epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &e);
      c.events = events;
    }
  }

  void on_event(Connection& c, std::uint32_t events) {
    if ((events & (EPOLLERR | EPOLLHUP)) != 0) {
      close_connection(c);
      return;
    }
    if ((events & EPOLLOUT) != 0 && !flush(c)) {
      return;
    }
    if ((events & EPOLLIN) != 0) {
      receive(c);
    }
  }

  // Reads what has come, and acts on it. False when the connection closed.
  bool receive(Connection& c) {
    char buffer[64 * 1024];
    while (c.phase == Phase::head || c.phase == Phase::body || c.phase == Phase::lingering) {
      const ssize_t n = recv(c.fd, buffer, sizeof buffer, 0);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return true;
      }
      if (n <= 0) {
        close_connection(c);  // the client has gone (or reset)
        return false;
      }
      if (c.phase == Phase::lingering) {
        continue;
      }
      c.in.append(buffer, static_cast<std::size_t>(n));
      if (!advance(c)) {
        return false;
      }
    }
    return true;
  }

  // Moves the connection on as far as the bytes in `in` allow.
  bool advance(Connection& c) {
    const Clock::time_point now = Clock::now();
    while (true) {
      if (c.phase == Phase::head) {
        if (c.in.empty()) {
          return true;
        }
        if (c.idle) {
          c.idle = false;
          c.deadline = now + std::chrono::seconds(config_.head_timeout_seconds);
        }
        HeadParse parsed = parse_request_head(c.in, config_.max_head_bytes);
        if (parsed.state == HeadParse::State::incomplete) {
          return true;
        }
        if (parsed.state == HeadParse::State::failed) {
          return refuse(c, parsed.status, "Bad request: " + parsed.reason + ".\n");
        }
        c.in.erase(0, parsed.consumed);
        c.head = std::move(parsed.head);
        auto target = split_target(c.head.target);
        if (!target) {
          return refuse(c, 400, "Bad request: the address could not be read.\n");
        }
        c.target = std::move(*target);
        if (c.head.framing == BodyFraming::none) {
          return dispatch(c);
        }
        const std::string* type = c.head.field("content-type");
        c.upload = type != nullptr && is_multipart(*type);
        const std::size_t limit = body_limit(c);
        if (c.head.framing == BodyFraming::content_length && c.head.content_length > limit) {
          return reply(c, too_large(c.upload, config_.max_upload_bytes), Persistence::close);
        }
        if (c.head.framing == BodyFraming::chunked) {
          c.chunked.emplace(limit);
        }
        c.phase = Phase::body;
        c.deadline = now + std::chrono::seconds(config_.body_timeout_seconds);
        if (c.head.expect_continue) {
          c.out.append(kContinue);
          if (!flush(c)) {
            return false;
          }
        }
        continue;
      }
      if (c.phase != Phase::body) {
        return true;
      }
      if (c.chunked) {
        std::size_t consumed = 0;
        const auto status = c.chunked->feed(c.in, c.body, consumed);
        c.in.erase(0, consumed);
        if (status == ChunkedDecoder::Status::more) {
          return true;
        }
        if (status == ChunkedDecoder::Status::too_large) {
          return reply(c, too_large(c.upload, config_.max_upload_bytes), Persistence::close);
        }
        if (status == ChunkedDecoder::Status::malformed) {
          return refuse(c, 400, "Bad request: a malformed chunked body.\n");
        }
        return dispatch(c);
      }
      const std::size_t want = c.head.content_length - c.body.size();
      const std::size_t take = std::min(want, c.in.size());
      c.body.append(c.in, 0, take);
      c.in.erase(0, take);
      if (c.body.size() < c.head.content_length) {
        return true;
      }
      return dispatch(c);
    }
  }

  std::size_t body_limit(const Connection& c) const {
    return c.upload ? config_.max_upload_bytes + kMultipartOverhead : config_.max_form_bytes;
  }

  bool refuse(Connection& c, int status, std::string text) {
    return reply(c, protocol_error(status, std::move(text)), Persistence::close);
  }

  // Writes an answer of the I/O thread's own.
  bool reply(Connection& c, const WebResponse& response, Persistence persistence) {
    const BodyMode mode = c.head.method == "HEAD" ? BodyMode::head_only : BodyMode::with_body;
    c.out += serialise_response(response, mode, persistence);
    c.head.persistence = persistence;
    return start_writing(c);
  }

  bool start_writing(Connection& c) {
    c.phase = Phase::writing;
    c.deadline = Clock::now() + std::chrono::seconds(config_.write_timeout_seconds);
    return flush(c);
  }

  // The peer, or the client a trusted proxy names in X-Real-IP (only a
  // well-formed IPv4 or IPv6 address is taken).
  std::string client_address(const Connection& c) const {
    const auto& trusted = config_.trusted_proxies;
    if (std::find(trusted.begin(), trusted.end(), c.peer) == trusted.end()) {
      return c.peer;
    }
    const std::string* real = c.head.field("x-real-ip");
    unsigned char buffer[sizeof(in6_addr)];
    if (real != nullptr && (inet_pton(AF_INET, real->c_str(), buffer) == 1 ||
                            inet_pton(AF_INET6, real->c_str(), buffer) == 1)) {
      return *real;
    }
    return c.peer;
  }

  bool dispatch(Connection& c) {
    HttpJob job;
    job.connection = c.id;
    WebRequest& r = job.request;
    r.method = c.head.method;
    r.path = std::move(c.target.path);
    if (!parse_urlencoded(c.target.query, r.query)) {
      return refuse(c, 400, "Bad request: the query string could not be read.\n");
    }
    for (const auto& [name, value] : c.head.fields) {
      if (name == "cookie") {
        r.cookies.merge(parse_cookies(value));
      }
    }
    if (const std::string* authorization = c.head.field("authorization")) {
      r.authorization = *authorization;
    }
    r.client_address = client_address(c);
    if (const std::string* type = c.head.field("content-type")) {
      job.content_type = *type;
    }
    job.body = std::move(c.body);
    c.body.clear();
    c.chunked.reset();
    job.mode = r.method == "HEAD" ? BodyMode::head_only : BodyMode::with_body;
    ++c.served;
    job.persistence = config_.keep_alive && c.served < config_.max_keep_alive_requests
                          ? c.head.persistence
                          : Persistence::close;
    c.phase = Phase::handling;
    if (!workers_->submit(std::move(job), static_cast<std::size_t>(config_.max_queued))) {
      WebResponse busy = protocol_error(503, "The server is busy. Try again shortly.\n");
      busy.headers.emplace_back("Retry-After", "1");
      return reply(c, busy, Persistence::close);
    }
    interest(c);
    return true;
  }

  void finish_responses() {
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = read(wake_, &count, sizeof count);
    if (stopping_) {
      return;
    }
    for (HttpFinished& done : workers_->take_finished()) {
      auto it = connections_.find(done.connection);
      if (it == connections_.end()) {
        continue;  // the client went while its request was handled
      }
      Connection& c = *it->second;
      c.out += done.bytes;
      c.head.persistence = done.persistence;
      start_writing(c);
    }
  }

  // Writes what is waiting; when a response is done, closes the connection
  // or starts reading the next request. False when the connection closed.
  bool flush(Connection& c) {
    while (c.out_at < c.out.size()) {
      const ssize_t n = send(c.fd, c.out.data() + c.out_at, c.out.size() - c.out_at, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        interest(c);
        return true;
      }
      if (n < 0) {
        close_connection(c);
        return false;
      }
      c.out_at += static_cast<std::size_t>(n);
    }
    c.out.clear();
    c.out_at = 0;
    if (c.phase != Phase::writing) {
      interest(c);  // a 100 Continue went: back to the body
      return true;
    }
    if (c.head.persistence == Persistence::close) {
      shutdown(c.fd, SHUT_WR);
      c.phase = Phase::lingering;
      c.deadline = Clock::now() + kLinger;
      interest(c);
      return true;
    }
    c.phase = Phase::head;
    c.idle = true;
    c.head = RequestHead{};
    c.deadline = Clock::now() + std::chrono::seconds(config_.keep_alive_timeout_seconds);
    interest(c);
    // A pipelined request may be waiting already.
    return advance(c);
  }

  void expire(Clock::time_point now) {
    std::vector<std::uint64_t> late;
    for (const auto& [id, c] : connections_) {
      if (c->phase != Phase::handling && c->deadline <= now) {
        late.push_back(id);
      }
    }
    for (std::uint64_t id : late) {
      Connection& c = *connections_.at(id);
      if ((c.phase == Phase::head && !c.idle) || c.phase == Phase::body) {
        // Best effort: a client that sends this slowly may not read either.
        Persistence close_it = Persistence::close;
        const std::string bytes =
            serialise_response(protocol_error(408, "The request took too long to arrive.\n"),
                               BodyMode::with_body, close_it);
        [[maybe_unused]] const ssize_t n = send(c.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      }
      close_connection(c);
    }
  }

  RequestHandler handler_;
  ServerConfig config_;
  int listener_ = -1;
  int epoll_ = -1;
  int wake_ = -1;
  int spare_ = -1;  // a descriptor given up when the process runs out of them
  int port_ = 0;
  std::atomic<bool> stopping_ = false;
  std::unique_ptr<HttpWorkers> workers_;
  std::thread io_;
  // Only the I/O thread touches these.
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections_;
  std::unordered_map<std::string, int> per_client_;
  std::uint64_t next_id_ = 2;
};

Server::Server(const Site& site, ServerConfig config)
    : Server([&site](WebRequest& r) { return site.handle(r); }, std::move(config)) {}

Server::Server(RequestHandler handler, ServerConfig config)
    : engine_(std::make_unique<Engine>(std::move(handler), std::move(config))) {}

Server::~Server() = default;

void Server::start() { engine_->start(); }
void Server::stop() { engine_->stop(); }
int Server::port() const { return engine_->port(); }

}  // namespace casepanel::web
