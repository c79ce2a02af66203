#include "store/audit_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace casepanel::store {
namespace {

void sodium_ready() {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

std::string errno_text() { return std::strerror(errno); }

// Creates the file only if it does not exist (O_EXCL), so two processes
// starting at once cannot each write a different key.
void create_key_file(const std::filesystem::path& file) {
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path());
  }
  unsigned char bytes[AuditKey::kBytes];
  randombytes_buf(bytes, sizeof bytes);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return;
    }
    throw AuditKeyError(AuditKeyError::Kind::unsafe,
                        "cannot create the audit key file " + file.string() + ": " + errno_text());
  }
  const bool written =
      ::write(fd, bytes, sizeof bytes) == static_cast<ssize_t>(sizeof bytes) && ::fsync(fd) == 0;
  sodium_memzero(bytes, sizeof bytes);
  ::close(fd);
  if (!written) {
    ::unlink(file.c_str());
    throw AuditKeyError(AuditKeyError::Kind::unsafe,
                        "cannot write the audit key file " + file.string());
  }
}

}  // namespace

AuditKey AuditKey::load(const std::filesystem::path& file, KeyFileMissing missing) {
  sodium_ready();
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    if (errno != ENOENT || missing == KeyFileMissing::refuse) {
      throw AuditKeyError(AuditKeyError::Kind::missing,
                          "cannot read the audit key file " + file.string() + ": " + errno_text());
    }
    create_key_file(file);
    return load(file, KeyFileMissing::refuse);
  }
  if (!S_ISREG(st.st_mode)) {
    throw AuditKeyError(AuditKeyError::Kind::unsafe,
                        "the audit key file " + file.string() + " is not a regular file");
  }
  // Anyone else who can read the key can forge the log; anyone who can write
  // it can swap it. Refuse rather than start with a key that is not secret.
  if ((st.st_mode & 077) != 0) {
    throw AuditKeyError(
        AuditKeyError::Kind::unsafe,
        "the audit key file " + file.string() + " is readable or writable by others: chmod 600 it");
  }
  if (st.st_size != static_cast<off_t>(kBytes)) {
    throw AuditKeyError(AuditKeyError::Kind::unsafe,
                        "the audit key file " + file.string() + " is not 32 bytes long");
  }
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw AuditKeyError(AuditKeyError::Kind::missing,
                        "cannot read the audit key file " + file.string() + ": " + errno_text());
  }
  AuditKey key;
  const bool read_all = ::read(fd, key.bytes_.data(), kBytes) == static_cast<ssize_t>(kBytes);
  ::close(fd);
  if (!read_all) {
    throw AuditKeyError(AuditKeyError::Kind::unsafe,
                        "cannot read 32 bytes from the audit key file " + file.string());
  }
  return key;
}

AuditKey AuditKey::random() {
  sodium_ready();
  AuditKey key;
  randombytes_buf(key.bytes_.data(), kBytes);
  return key;
}

std::string AuditKey::mac_hex(std::string_view data) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, bytes_.data(), kBytes);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

}  // namespace casepanel::store
