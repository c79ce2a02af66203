#include "web/server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "web/http_parser.h"
#include "web/http_response.h"
#include "web/http_workers.h"
#include "web/server_connection.h"
#include "web/server_socket.h"
#include "web/wire.h"

namespace casepanel::web {

namespace {

// epoll's data for the two descriptors that are not connections.
constexpr std::uint64_t kListener = 0;
constexpr std::uint64_t kWake = 1;
// Deadlines are checked this often: a coarse wheel of one slot.
constexpr auto kTick = std::chrono::milliseconds(200);
// After an answer that closes the connection, what the client still sends
// is read and dropped for this long, so that the close does not reset the
// connection before the client has read the answer.
constexpr auto kLinger = std::chrono::seconds(2);
// The most parts of the bytes to send given to one sendmsg (web/outgoing.h).
constexpr std::size_t kMostParts = 64;
}  // namespace

class Server::Engine {
 public:
  Engine(RequestHandler handler, ServerConfig config)
      : handler_(std::move(handler)), config_(std::move(config)) {
    listener_ = listen_on(config_.host, config_.port);
    port_ = bound_port(listener_);
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
  std::uint64_t served_here() const { return workers_ ? workers_->served_here() : 0; }

  void start() {
    if (io_.joinable()) {
      return;
    }
    stopping_ = false;
    // sendfile has no MSG_NOSIGNAL: a client gone mid-page would end the
    // process with SIGPIPE instead of failing the call with EPIPE.
    std::signal(SIGPIPE, SIG_IGN);
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
    std::string peer;
    for (int i = 0, fd = 0; i < 128 && (fd = accept_one(listener_, spare_, peer)) >= 0; ++i) {
      admit(fd, std::move(peer));
    }
  }

  void admit(int fd, std::string peer) {
    const int from_peer = per_client_[peer];
    if (connections_.size() >= static_cast<std::size_t>(config_.max_connections) ||
        (config_.max_connections_per_client > 0 &&
         from_peer >= config_.max_connections_per_client)) {
      // Best effort on a fresh socket: the answer fits its send buffer.
      WebResponse busy = protocol_error(503, "Too many connections. Try again shortly.\n");
      busy.headers.emplace_back("Retry-After", "5");
      send_and_forget(fd, busy);
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

  // Input stays asked for while a request is handled and answered, unread:
  // a client seldom sends before its answer, and two epoll_ctl calls a
  // request are saved. When it fires then (`hear` false), it is dropped
  // until the connection reads again.
  void interest(Connection& c, bool hear = true) {
    std::uint32_t events = hear ? (c.events & EPOLLIN) : 0;
    if (reading(c)) {
      events |= EPOLLIN;
    }
    if (!c.out.empty()) {
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
      if (reading(c)) {
        receive(c);
      } else {
        interest(c, false);  // read once this request is answered
      }
    }
  }

  // Reads what has come, and acts on it. False when the connection closed.
  bool receive(Connection& c) {
    char buffer[64 * 1024];
    while (reading(c)) {
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
    while (c.phase == Phase::head) {
      switch (advance_head(c)) {
        case Step::wait:
          return true;
        case Step::closed:
          return false;
        case Step::dispatched:
          return true;
        case Step::go_on:
          break;
      }
    }
    if (c.phase != Phase::body) {
      return true;
    }
    return c.chunked ? advance_chunked(c) : advance_sized(c);
  }

  // What reading a request head came to.
  enum class Step {
    wait,        // more bytes are needed
    closed,      // the connection closed (or was answered and closes)
    dispatched,  // a whole request went to the workers (or was refused)
    go_on,       // the body follows
  };

  Step advance_head(Connection& c) {
    if (c.in.empty()) {
      return Step::wait;
    }
    const Clock::time_point now = Clock::now();
    if (c.idle) {
      c.idle = false;
      c.deadline = now + std::chrono::seconds(config_.head_timeout_seconds);
    }
    HeadParse parsed = parse_request_head(c.in, config_.max_head_bytes);
    if (parsed.state == HeadParse::State::incomplete) {
      return Step::wait;
    }
    if (parsed.state == HeadParse::State::failed) {
      return answered(refuse(c, parsed.status, "Bad request: " + parsed.reason + ".\n"));
    }
    c.in.erase(0, parsed.consumed);
    c.head = std::move(parsed.head);
    auto target = split_target(c.head.target);
    if (!target) {
      return answered(refuse(c, 400, "Bad request: the address could not be read.\n"));
    }
    c.target = std::move(*target);
    if (c.head.framing == BodyFraming::none) {
      return answered(dispatch(c));
    }
    return start_body(c, now);
  }

  // A refusal or a dispatch: the connection is closed or in another phase.
  static Step answered(bool open) { return open ? Step::dispatched : Step::closed; }

  Step start_body(Connection& c, Clock::time_point now) {
    const std::string* type = c.head.field("content-type");
    c.upload = type != nullptr && is_multipart(*type);
    const std::size_t limit = body_limit(c, config_);
    if (c.head.framing == BodyFraming::content_length && c.head.content_length > limit) {
      return answered(reply(c, too_large(c, config_), Persistence::close));
    }
    if (c.head.framing == BodyFraming::chunked) {
      c.chunked.emplace(limit);
    }
    c.phase = Phase::body;
    c.deadline = now + std::chrono::seconds(config_.body_timeout_seconds);
    if (c.head.expect_continue) {
      c.out.add(nullptr, kContinue);  // a constant: nothing to keep
      if (!flush(c)) {
        return Step::closed;
      }
    }
    return Step::go_on;
  }

  bool advance_chunked(Connection& c) {
    std::size_t consumed = 0;
    const auto status = c.chunked->feed(c.in, c.body, consumed);
    c.in.erase(0, consumed);
    if (status == ChunkedDecoder::Status::more) {
      return true;
    }
    if (status == ChunkedDecoder::Status::too_large) {
      return reply(c, too_large(c, config_), Persistence::close);
    }
    if (status == ChunkedDecoder::Status::malformed) {
      return refuse(c, 400, "Bad request: a malformed chunked body.\n");
    }
    return dispatch(c);
  }

  bool advance_sized(Connection& c) {
    const std::size_t want = c.head.content_length - c.body.size();
    const std::size_t take = std::min(want, c.in.size());
    c.body.append(c.in, 0, take);
    c.in.erase(0, take);
    if (c.body.size() < c.head.content_length) {
      return true;
    }
    return dispatch(c);
  }

  bool refuse(Connection& c, int status, std::string text) {
    return reply(c, protocol_error(status, std::move(text)), Persistence::close);
  }

  // Writes an answer of the I/O thread's own.
  bool reply(Connection& c, const WebResponse& response, Persistence persistence) {
    const BodyMode mode = c.head.method == "HEAD" ? BodyMode::head_only : BodyMode::with_body;
    c.out.add(serialise_response(response, mode, persistence));
    c.head.persistence = persistence;
    return start_writing(c);
  }

  bool start_writing(Connection& c) {
    c.phase = Phase::writing;
    c.deadline = Clock::now() + std::chrono::seconds(config_.write_timeout_seconds);
    return flush(c);
  }

  bool dispatch(Connection& c) {
    std::optional<HttpJob> job = take_request(c, config_);
    if (!job) {
      return refuse(c, 400, "Bad request: the query string could not be read.\n");
    }
    HttpFinished done;  // a kept page or a static file: maybe by this thread
    switch (config_.io_thread_answers ? workers_->serve_here(*job, done)
                                      : HttpWorkers::Here::declined) {
      case HttpWorkers::Here::answered:
        return send(c, std::move(done));
      case HttpWorkers::Here::later:
        interest(c);
        return true;
      case HttpWorkers::Here::declined:
        break;
    }
    if (!workers_->submit(std::move(*job), static_cast<std::size_t>(config_.max_queued))) {
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
      send(*it->second, std::move(done));
    }
  }

  bool send(Connection& c, HttpFinished&& done) {
    c.out.add(std::move(done.bytes));
    c.head.persistence = done.persistence;
    return start_writing(c);
  }

  // Writes what is waiting; when a response is done, closes the connection
  // or starts reading the next request. False when the connection closed.
  bool flush(Connection& c) {
    while (!c.out.empty()) {
      ssize_t n = 0;
      if (const auto file = c.out.next_file()) {
        // A kept page's body: from the file to the socket, not through here.
        auto offset = static_cast<off_t>(file->offset);
        n = sendfile(c.fd, file->fd, &offset, file->length);
      } else {
        iovec parts[kMostParts];
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = c.out.gather(parts, kMostParts);
        const int more = c.out.file_after(message.msg_iovlen) ? MSG_MORE : 0;
        n = sendmsg(c.fd, &message, MSG_NOSIGNAL | more);
      }
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
      c.out.consume(static_cast<std::size_t>(n));
    }
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
        send_and_forget(c.fd, protocol_error(408, "The request took too long to arrive.\n"));
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
std::uint64_t Server::answered_by_io_thread() const { return engine_->served_here(); }

}  // namespace casepanel::web
