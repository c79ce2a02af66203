#include "web/server_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "web/http_response.h"

namespace casepanel::web {

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

int bound_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(addr).sin6_port
                                          : reinterpret_cast<sockaddr_in&>(addr).sin_port);
}

std::string peer_address(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
  }
  return text;
}

void shed_one(int listener, int& spare) {
  spdlog::warn("out of file descriptors: refusing a connection");
  if (spare >= 0) {
    close(spare);
    const int fd = accept(listener, nullptr, nullptr);
    if (fd >= 0) {
      close(fd);
    }
    spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
  }
}

int accept_one(int listener, int& spare, std::string& peer) {
  for (;;) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int fd =
        accept4(listener, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      peer = peer_address(addr);
      return fd;
    }
    if (errno == EINTR) {
      continue;
    }
    if (errno == EMFILE || errno == ENFILE) {
      shed_one(listener, spare);
    }
    return -1;
  }
}

void send_and_forget(int fd, const WebResponse& response) {
  Persistence close_it = Persistence::close;
  const std::string bytes = serialise_response(response, BodyMode::with_body, close_it).flat();
  [[maybe_unused]] const ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
}

std::string client_address(const std::string& peer, const std::string* x_real_ip,
                           const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
    return peer;
  }
  unsigned char buffer[sizeof(in6_addr)];
  if (x_real_ip != nullptr && (inet_pton(AF_INET, x_real_ip->c_str(), buffer) == 1 ||
                               inet_pton(AF_INET6, x_real_ip->c_str(), buffer) == 1)) {
    return *x_real_ip;
  }
  return peer;
}

}  // namespace casepanel::web
