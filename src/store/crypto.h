// The few cryptographic primitives casepanel needs, all from libsodium:
// SHA-256 for the audit chain and for storing session and API tokens hashed,
// argon2id for passwords, and the system's secure random generator.
// All functions are thread-safe once sodium_init has run (ensured inside).
#pragma once

#include <string>
#include <string_view>

namespace casepanel::store {

std::string sha256_hex(std::string_view data);
// 256 random bits as 64 lowercase hex characters.
std::string random_token();
// argon2id, libsodium's interactive limits raised to OWASP's minimum
// (m = 19 MiB, t = 2). The result embeds salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);
// Equal-length comparison in constant time.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace casepanel::store
