// AuditKey: the secret that makes the audit log tamper-evident. Each event's
// MAC is HMAC-SHA256 under this key, so someone who can rewrite the database
// but cannot read the key file cannot forge a consistent log (docs/audit.md).
//
// The key lives in a file of exactly 32 random bytes, readable only by the
// service (mode 0600); it never enters the database. `serve`, `demo` and
// `migrate` create the file when it is missing; `audit verify` only reads it.
// A key file readable by group or others, or of the wrong size, is refused.
//
// An AuditKey is immutable after creation: safe to share between threads.
#pragma once

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace casepanel::store {

enum class KeyFileMissing { create, refuse };

class AuditKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // Reads the key file (creating it with fresh random bytes when missing and
  // `missing` is create). Throws AuditKeyError with the reason otherwise.
  static AuditKey load(const std::filesystem::path& file, KeyFileMissing missing);
  // A fresh random key held only in memory (tests, throwaway databases).
  static AuditKey random();

  // HMAC-SHA256 of `data` under this key, as 64 lowercase hex characters.
  std::string mac_hex(std::string_view data) const;

 private:
  AuditKey() = default;
  std::array<unsigned char, kBytes> bytes_{};
};

struct AuditKeyError : std::runtime_error {
  enum class Kind { missing, unsafe };
  AuditKeyError(Kind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
  Kind kind;
};

}  // namespace casepanel::store
