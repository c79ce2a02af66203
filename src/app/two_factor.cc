#include "app/two_factor.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <qrencode.h>
#include <sodium.h>

#include <cctype>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/audit_trail.h"
#include "store/crypto.h"
#include "store/sessions.h"
#include "store/settings.h"

namespace casepanel::app {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr const char* kPolicyKey = "require_two_factor";

std::string random_bytes(std::size_t n) {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string percent_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Codes as typed: spaces and hyphens ignored, letters in either case.
std::string normalise_code(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c == ' ' || c == '-' || c == '\t') {
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool six_digits(const std::string& code) {
  return code.size() == kTotpDigits && code.find_first_not_of("0123456789") == std::string::npos;
}

// The step in now-1 .. now+1 whose code this is, if any.
std::optional<std::int64_t> matching_step(const std::string& secret_base32, const std::string& code,
                                          core::Instant now) {
  auto key = base32_decode(secret_base32);
  if (!key || !six_digits(code)) {
    return std::nullopt;
  }
  const std::int64_t step = totp_step(now);
  for (std::int64_t s : {step - 1, step, step + 1}) {
    if (store::constant_time_equal(hotp(*key, static_cast<std::uint64_t>(s), kTotpDigits), code)) {
      return s;
    }
  }
  return std::nullopt;
}

// A recovery code: 50 random bits as 10 base32 letters, shown "abcde-fghij".
std::string new_recovery_code() {
  std::string code = normalise_code(base32_encode(random_bytes(7)).substr(0, 10));
  return code.substr(0, 5) + "-" + code.substr(5);
}

core::Error wrong_code() {
  return core::Error::invalid("code", "Enter the 6-digit code shown in your authenticator app");
}

}  // namespace

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xff);
    counter >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, mac,
           &mac_len) == nullptr ||
      mac_len != 20) {
    throw std::runtime_error("HMAC-SHA-1 failed");
  }
  // Dynamic truncation (RFC 4226 section 5.3).
  const int offset = mac[19] & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) {
    modulus *= 10;
  }
  std::string out = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - out.size(), '0') + out;
}

std::int64_t totp_step(core::Instant t) { return t.time_since_epoch().count() / kTotpStepSeconds; }

std::string totp(std::string_view key, core::Instant t, int digits) {
  return hotp(key, static_cast<std::uint64_t>(totp_step(t)), digits);
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    out += kBase32[(buffer << (5 - bits)) & 31];
  }
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '=' || raw == '-') {
      continue;
    }
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    const char* at = std::char_traits<char>::find(kBase32, 32, c);
    if (at == nullptr) {
      return std::nullopt;
    }
    buffer = (buffer << 5) | static_cast<std::uint32_t>(at - kBase32);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string otpauth_uri(const std::string& account, const std::string& secret_base32) {
  return "otpauth://totp/casepanel:" + percent_encode(account) + "?secret=" + secret_base32 +
         "&issuer=casepanel&algorithm=SHA1&digits=6&period=30";
}

std::string qr_svg(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!qr) {
    throw std::runtime_error("the QR code could not be made");
  }
  const int width = qr->width;
  const int quiet = 4;  // the quiet zone the QR standard asks for, in modules
  const int size = width + 2 * quiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (qr->data[y * width + x] & 1) {
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
      }
    }
  }
  const std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"qr-title\" "
         "width=\"240\" height=\"240\" viewBox=\"0 0 " +
         n + " " + n + "\" shape-rendering=\"crispEdges\">" +
         "<title id=\"qr-title\">QR code to add casepanel to your authenticator app. If you "
         "cannot scan it, enter the key shown below instead.</title>"
         "<rect width=\"" +
         n + "\" height=\"" + n + "\" fill=\"#ffffff\"/><path fill=\"#0b0c0c\" d=\"" + path +
         "\"/></svg>";
}

TwoFactorStatus two_factor_status(Services& s, const Actor& me) {
  TwoFactorStatus out;
  s.db.read_all([&](store::Tx& tx) {
    auto record = store::find_two_factor(tx, me.id);
    if (!record) {
      return;
    }
    if (record->enabled_at) {
      out.state = TwoFactorState::on;
      out.recovery_codes_left = store::unused_recovery_codes(tx, me.id);
      return;
    }
    out.state = TwoFactorState::awaiting_confirmation;
    out.secret_base32 = record->secret_base32;
    out.uri = otpauth_uri(me.email, record->secret_base32);
    out.svg = qr_svg(out.uri);
  });
  return out;
}

core::Status start_two_factor(Services& s, const Actor& me) {
  return s.db.write<core::Done>([&](store::Tx& tx) -> core::Status {
    auto record = store::find_two_factor(tx, me.id);
    if (record && record->enabled_at) {
      return core::Error::conflict("Two-factor authentication is already on");
    }
    // 160 bits, the length of an HMAC-SHA-1 key (RFC 4226 recommends it).
    store::save_unconfirmed_two_factor(tx, me.id, base32_encode(random_bytes(20)));
    audit(tx, s, me, "two_factor.enrolment_start", "user", me.id,
          {{"client_address", me.client_address}});
    return core::ok_status();
  });
}

core::Result<std::vector<std::string>> confirm_two_factor(Services& s, const Actor& me,
                                                          const std::string& code) {
  using Codes = std::vector<std::string>;
  return s.db.write<Codes>([&](store::Tx& tx) -> core::Result<Codes> {
    auto record = store::find_two_factor(tx, me.id);
    if (!record || record->enabled_at) {
      return core::Error::conflict("Start setting up two-factor authentication again");
    }
    auto step = matching_step(record->secret_base32, normalise_code(code), s.clock.now());
    if (!step) {
      return wrong_code();
    }
    store::enable_two_factor(tx, me.id, now_utc(s), *step);
    Codes codes;
    std::vector<std::string> hashes;
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
      codes.push_back(new_recovery_code());
      hashes.push_back(store::sha256_hex(normalise_code(codes.back())));
    }
    store::replace_recovery_codes(tx, me.id, hashes);
    audit(tx, s, me, "two_factor.enable", "user", me.id,
          {{"recovery_codes", kRecoveryCodeCount}, {"client_address", me.client_address}});
    return codes;
  });
}

core::Status disable_two_factor(Services& s, const Actor& me, const std::string& code) {
  return s.db.write<core::Done>([&](store::Tx& tx) -> core::Status {
    auto record = store::find_two_factor(tx, me.id);
    if (!record || !record->enabled_at) {
      return core::Error::conflict("Two-factor authentication is not on");
    }
    auto step = matching_step(record->secret_base32, normalise_code(code), s.clock.now());
    if (!step || *step <= record->last_used_step) {
      return wrong_code();
    }
    store::delete_two_factor(tx, me.id);
    audit(tx, s, me, "two_factor.disable", "user", me.id, {{"client_address", me.client_address}});
    return core::ok_status();
  });
}

SecondFactorCheck check_second_factor(store::Tx& tx, const Services& s, std::int64_t user_id,
                                      const std::string& code) {
  auto record = store::find_two_factor(tx, user_id);
  if (!record || !record->enabled_at) {
    return SecondFactorCheck::wrong;
  }
  const std::string typed = normalise_code(code);
  if (six_digits(typed)) {
    auto step = matching_step(record->secret_base32, typed, s.clock.now());
    if (step && store::advance_two_factor_step(tx, user_id, *step)) {
      return SecondFactorCheck::authenticator_code;
    }
    return SecondFactorCheck::wrong;
  }
  if (typed.size() == 10 &&
      store::use_recovery_code(tx, user_id, store::sha256_hex(typed), now_utc(s))) {
    return SecondFactorCheck::recovery_code;
  }
  return SecondFactorCheck::wrong;
}

bool two_factor_enabled(store::Tx& tx, std::int64_t user_id) {
  auto record = store::find_two_factor(tx, user_id);
  return record && record->enabled_at;
}

TwoFactorPolicy two_factor_policy(store::Tx& tx) {
  return store::find_setting(tx, kPolicyKey).value_or("off") == "on" ? TwoFactorPolicy::required
                                                                     : TwoFactorPolicy::optional;
}

TwoFactorPolicy two_factor_policy(Services& s) {
  TwoFactorPolicy out = TwoFactorPolicy::optional;
  s.db.read_all([&](store::Tx& tx) { out = two_factor_policy(tx); });
  return out;
}

core::Status set_two_factor_policy(Services& s, const Actor& by, TwoFactorPolicy policy) {
  if (by.id != 0 && !by.may(core::Permission::administer)) {
    return core::Error::forbidden("Only an administrator can change this setting");
  }
  return s.db.write<core::Done>([&](store::Tx& tx) -> core::Status {
    const TwoFactorPolicy before = two_factor_policy(tx);
    const auto word = [](TwoFactorPolicy p) {
      return p == TwoFactorPolicy::required ? "on" : "off";
    };
    store::put_setting(tx, kPolicyKey, word(policy));
    audit(tx, s, by, "setting.change", "setting", 0,
          {{"key", kPolicyKey}, {"before", word(before)}, {"after", word(policy)}});
    return core::ok_status();
  });
}

}  // namespace casepanel::app
