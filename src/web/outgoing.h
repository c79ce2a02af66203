// Outgoing: bytes to send, as a list of parts that are never copied into one
// buffer. A part is a view into a string that something keeps alive: a
// response's own head and body, moved in, or a page kept in memory
// (web/page_cache.h), shared by every response that sends it, with the
// person's own CSRF token in its own part between the page's. The server
// hands the parts left to the kernel in one gather write (sendmsg) each time
// the socket takes more (issue 17: a kept page is not copied per request).
//
// Not thread-safe: one owner at a time (a worker, then the I/O thread); what
// the parts view is only read.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct iovec;  // <sys/uio.h>

namespace casepanel::web {

class Outgoing {
 public:
  Outgoing() = default;
  explicit Outgoing(std::string bytes) { add(std::move(bytes)); }

  // Appends bytes of its own.
  void add(std::string bytes);
  // Appends `part`, which `keeper` keeps alive.
  void add(std::shared_ptr<const void> keeper, std::string_view part);
  // Appends `length` bytes of the file `fd` from `offset`, which `keeper`
  // keeps open and unchanged: sent by sendfile, not copied into the socket
  // (a page kept in memory, web/page_cache.h).
  void add_file(std::shared_ptr<const void> keeper, int fd, std::size_t offset, std::size_t length);
  // Appends every part of `more` still to send.
  void add(Outgoing&& more);

  bool empty() const { return left_ == 0; }
  // The bytes still to send.
  std::size_t size() const { return left_; }
  // The bytes still to send, in one string.
  std::string flat() const;

  // The next part, when it is a file's: sent with sendfile, alone.
  struct FileRange {
    int fd = -1;
    std::size_t offset = 0, length = 0;
  };
  std::optional<FileRange> next_file() const;
  // Fills at most `most` iovecs with the parts still to send, in order, up
  // to the next file part; returns how many it filled.
  std::size_t gather(iovec* out, std::size_t most) const;
  // Whether a file part comes right after the first `n` parts still to send
  // (the gather write then says MSG_MORE).
  bool file_after(std::size_t n) const;
  // Drops the first `n` bytes still to send (n <= size()): they went.
  void consume(std::size_t n);

 private:
  struct Part {
    std::shared_ptr<const void> keeper;
    std::string_view bytes;  // a memory part
    FileRange file;          // a file part: file.fd >= 0
  };
  std::vector<Part> parts_;
  std::size_t first_ = 0;  // parts before it have gone
  std::size_t left_ = 0;
};

}  // namespace casepanel::web
