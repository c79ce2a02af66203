// A raw HTTP/1.1 connection for the server tests: bytes in, responses out,
// from a chosen loopback source address (127.0.0.0/8 is all loopback, so a
// test can be several clients). Every wait is bounded by poll(), never a
// sleep.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace casepanel::web::testing_raw {

struct RawResponse {
  int status = 0;
  std::string head;  // status line and header lines, CRLF-separated
  std::string body;
  // The value of the first header `name` (case-sensitive), or "".
  std::string header(const std::string& name) const;
  // How many header lines are named `name`.
  int count(const std::string& name) const;
};

class RawConnection {
 public:
  // Connects to 127.0.0.1:port from `source` (any port).
  RawConnection(int port, const std::string& source = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // False when the server has closed (EPIPE, ECONNRESET).
  bool send(const std::string& bytes);
  // The next response, or nullopt when the connection closed or nothing
  // complete came within `wait`.
  // `ResponseTo::head`: the answer to a HEAD request, with no body after
  // its headers whatever its Content-Length says.
  enum class ResponseTo { get, head };
  std::optional<RawResponse> read_response(
      std::chrono::milliseconds wait = std::chrono::milliseconds(5000),
      ResponseTo to = ResponseTo::get);
  // True when the server closed the connection within `wait` (what it sent
  // before is read and dropped).
  bool closed_within(std::chrono::milliseconds wait);
  // True when nothing arrived and the connection is open after `wait`.
  bool quiet_for(std::chrono::milliseconds wait);
  int fd() const { return fd_; }

 private:
  // Reads what is there into buffer_, waiting up to `wait`; false on EOF or
  // error.
  bool fill(std::chrono::milliseconds wait);

  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

}  // namespace casepanel::web::testing_raw
