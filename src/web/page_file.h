// PageFile: a kept page's body (web/page_cache.h) in a sealed in-memory file,
// so that the server sends it with sendfile (web/outgoing.h): the kernel takes
// the file's pages instead of copying the bytes out of this process for every
// request, which was a quarter of the server's CPU on a kept page at 256
// connections (docs/benchmarks.md, "A kept page sent from a file"). The body
// is kept only there: bytes() maps the file read-only, for a response that
// needs the body in parts (another session's token in it).
//
// At most a quarter of the process's file descriptors (its soft limit) are
// such files; past that, and if the kernel refuses, of() gives none and the
// page is kept as a string. Thread-safe; what it holds never changes.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace casepanel::web {

class PageFile {
 public:
  static std::shared_ptr<const PageFile> of(std::string_view body);
  ~PageFile();
  PageFile(const PageFile&) = delete;
  PageFile& operator=(const PageFile&) = delete;

  int fd() const { return fd_; }
  std::string_view bytes() const { return {data_, size_}; }
  // How many are open in this process now.
  static std::size_t open_now();

  struct Made;  // of()'s way in: the constructor is for it alone
  explicit PageFile(const Made&);

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace casepanel::web
