#include "web/server_raw.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace casepanel::web::testing_raw {

using Clock = std::chrono::steady_clock;

std::string RawResponse::header(const std::string& name) const {
  const std::string key = "\r\n" + name + ": ";
  const std::size_t at = head.find(key);
  if (at == std::string::npos) {
    return "";
  }
  const std::size_t start = at + key.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

int RawResponse::count(const std::string& name) const {
  int n = 0;
  const std::string key = "\r\n" + name + ":";
  for (std::size_t at = head.find(key); at != std::string::npos; at = head.find(key, at + 1)) {
    ++n;
  }
  return n;
}

RawConnection::RawConnection(int port, const std::string& source) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) {
    close(fd_);
  }
}

bool RawConnection::send(const std::string& bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::send(fd_, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
    if (n <= 0) {
      return false;
    }
    at += static_cast<std::size_t>(n);
  }
  return true;
}

bool RawConnection::fill(std::chrono::milliseconds wait) {
  pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
  if (poll(&p, 1, static_cast<int>(wait.count())) <= 0) {
    return true;  // nothing yet
  }
  char chunk[16384];
  const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<RawResponse> RawConnection::read_response(std::chrono::milliseconds wait,
                                                        ResponseTo to) {
  const auto until = Clock::now() + wait;
  auto left = [&] {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()));
  };
  while (true) {
    const std::size_t end = buffer_.find("\r\n\r\n");
    if (end != std::string::npos) {
      RawResponse r;
      r.head = buffer_.substr(0, end);
      r.status = std::atoi(r.head.substr(9, 3).c_str());
      const std::string length = r.header("Content-Length");
      // A 100 Continue and a HEAD answer have no body to wait for here.
      const std::size_t size = r.status == 100 || to == ResponseTo::head || length.empty()
                                   ? 0
                                   : std::strtoul(length.c_str(), nullptr, 10);
      if (buffer_.size() >= end + 4 + size) {
        r.body = buffer_.substr(end + 4, size);
        buffer_.erase(0, end + 4 + size);
        return r;
      }
    }
    if (eof_ || left().count() == 0 || !fill(left())) {
      return std::nullopt;
    }
  }
}

bool RawConnection::closed_within(std::chrono::milliseconds wait) {
  const auto until = Clock::now() + wait;
  while (!eof_ && Clock::now() < until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (!fill(left)) {
      break;
    }
    buffer_.clear();
  }
  return eof_;
}

bool RawConnection::quiet_for(std::chrono::milliseconds wait) {
  pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
  return poll(&p, 1, static_cast<int>(wait.count())) == 0;
}

}  // namespace casepanel::web::testing_raw
