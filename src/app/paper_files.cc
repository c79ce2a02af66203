#include "app/paper_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "store/crypto.h"

namespace casepanel::app {

namespace fs = std::filesystem;

constexpr std::size_t kStoredNameLength = 32;

std::string generated_paper_name() { return store::random_token().substr(0, kStoredNameLength); }

// Only names this module made are ever opened: 32 lowercase hex characters.
bool generated_name(const std::string& name) {
  return name.size() == kStoredNameLength &&
         name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

namespace {

void ensure_uploads_dir(const fs::path& dir) {
  if (fs::exists(dir)) {
    return;
  }
  fs::create_directories(dir);
  // Children's papers: readable by the service's own user only.
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

}  // namespace

// Writes the file under a temporary name, flushes it to disk, then renames
// it, so that a crash never leaves a half-written file under its real name.
void write_file_atomically(const fs::path& dir, const std::string& name,
                           const std::string& content) {
  ensure_uploads_dir(dir);
  const fs::path tmp = dir / (".tmp-" + name);
  const fs::path final_path = dir / name;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail("cannot create", tmp);
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      fail("cannot write", tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot flush", tmp);
  }
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot rename", tmp);
  }
  // Make the rename itself durable before the caller commits the row that
  // names the file: otherwise a crash could keep the committed row and lose
  // the directory entry, a row whose file is gone. A failure here is a
  // failure of the upload (the caller removes the file and rolls back).
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    fail("cannot open the directory", dir);
  }
  if (::fsync(dfd) != 0) {
    const int saved = errno;
    ::close(dfd);
    errno = saved;
    fail("cannot flush the directory", dir);
  }
  ::close(dfd);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot open", path);
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (!in.good() && !in.eof()) {
    fail("cannot read", path);
  }
  return std::move(out).str();
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

}  // namespace casepanel::app
