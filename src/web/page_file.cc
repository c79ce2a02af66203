#include "web/page_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace casepanel::web {
namespace {

std::atomic<std::size_t> open_files{0};

std::size_t most_files() {
  static const std::size_t most = [] {
    rlimit limit{};
    return getrlimit(RLIMIT_NOFILE, &limit) == 0 ? static_cast<std::size_t>(limit.rlim_cur / 4)
                                                 : std::size_t{0};
  }();
  return most;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

struct PageFile::Made {
  int fd;
  const char* data;
  std::size_t size;
};

PageFile::PageFile(const Made& made) : fd_(made.fd), data_(made.data), size_(made.size) {}

PageFile::~PageFile() {
  munmap(const_cast<char*>(data_), size_);
  close(fd_);
  open_files.fetch_sub(1);
}

std::size_t PageFile::open_now() { return open_files.load(); }

std::shared_ptr<const PageFile> PageFile::of(std::string_view body) {
  if (body.empty()) {
    return nullptr;
  }
  if (open_files.fetch_add(1) >= most_files()) {
    open_files.fetch_sub(1);
    return nullptr;
  }
  const int fd = memfd_create("casepanel-page", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  // Sealed: nothing can change the bytes while responses still send them.
  if (fd >= 0 && write_all(fd, body) &&
      fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) == 0) {
    void* data = mmap(nullptr, body.size(), PROT_READ, MAP_SHARED, fd, 0);
    if (data != MAP_FAILED) {
      return std::make_shared<const PageFile>(
          Made{fd, static_cast<const char*>(data), body.size()});
    }
  }
  if (fd >= 0) {
    close(fd);
  }
  open_files.fetch_sub(1);
  return nullptr;
}

}  // namespace casepanel::web
