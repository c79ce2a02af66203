#include "store/audit_checkpoints.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "store/crypto.h"

namespace casepanel::store {
namespace {

std::string line_mac(const AuditKey& key, const AuditCheckpoint& c) {
  // Spaces cannot occur in any of the three fields, so joining them with one
  // is unambiguous.
  return key.mac_hex("casepanel audit checkpoint v1 " + c.at + " " + std::to_string(c.event_id) +
                     " " + c.event_mac);
}

bool is_hex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

std::string checkpoint_line(const AuditKey& key, const AuditCheckpoint& c) {
  return c.at + " " + std::to_string(c.event_id) + " " + c.event_mac + " " + line_mac(key, c) +
         "\n";
}

void append_checkpoint(const std::filesystem::path& file, const AuditKey& key,
                       const AuditCheckpoint& c) {
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path());
  }
  const std::string line = checkpoint_line(key, c);
  // O_APPEND: every write lands at the end, even on a file marked
  // append-only (chattr +a), which refuses any other kind of write.
  const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error("cannot open the audit checkpoint file " + file.string() + ": " +
                             std::strerror(errno));
  }
  // Several instances may share one file (on a shared volume): an exclusive
  // lock around the append keeps their lines whole even where O_APPEND is
  // not atomic between machines (NFS). Lines may come out of id order; the
  // verification looks each up by id. Closing the file releases the lock.
  const bool ok = ::flock(fd, LOCK_EX) == 0 &&
                  ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    throw std::runtime_error("cannot write the audit checkpoint file " + file.string());
  }
}

CheckpointFile read_checkpoints(const std::filesystem::path& file, const AuditKey& key) {
  CheckpointFile out;
  std::ifstream in(file);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    AuditCheckpoint c;
    std::string mac;
    std::string rest;
    const bool parsed = static_cast<bool>(fields >> c.at >> c.event_id >> c.event_mac >> mac) &&
                        !(fields >> rest) && c.event_id > 0 && is_hex64(c.event_mac) &&
                        is_hex64(mac);
    if (!parsed || !constant_time_equal(line_mac(key, c), mac)) {
      out.bad_line = number;
      out.problem = parsed ? "its MAC is wrong (it was not written with this key)"
                           : "it is not a checkpoint line";
      return out;
    }
    out.checkpoints.push_back(std::move(c));
  }
  return out;
}

}  // namespace casepanel::store
