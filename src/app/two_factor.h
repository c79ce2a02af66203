// A second factor for local accounts: time-based one-time passwords
// (TOTP, RFC 6238) from an authenticator app, with single-use recovery codes.
//
// Parameters are the ones every authenticator app assumes: HMAC-SHA-1,
// 6 digits, 30-second steps. A code is accepted for the step before, the step
// of and the step after "now" (clock drift, RFC 6238 section 5.2), and only
// once: the last step accepted is stored and a code for it or an earlier
// step is refused, so a code seen over someone's shoulder cannot be replayed.
//
// Enrolment, as a state diagram per person:
//
//   off --start--> awaiting confirmation --confirm(code)--> on
//    ^                 |  (start again: new secret)          |
//    +-----------------+------------ disable(code) ----------+
//
// Confirming shows 10 recovery codes once; they are stored hashed and each
// signs in once in place of a code. The organisation may require a second
// factor (setting `require_two_factor`): then a person without one is sent to
// enrolment before any other page. Every change is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "core/clock.h"
#include "core/result.h"

namespace casepanel::app {

// ---- the algorithm (pure) ----

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr int kRecoveryCodeCount = 10;

// RFC 4226 HOTP with HMAC-SHA-1: `digits` decimal digits, zero-padded.
std::string hotp(std::string_view key, std::uint64_t counter, int digits);
// The time step of an instant (seconds since the epoch / 30).
std::int64_t totp_step(core::Instant t);
// RFC 6238 TOTP (SHA-1) at instant t.
std::string totp(std::string_view key, core::Instant t, int digits = kTotpDigits);

// RFC 4648 base32, upper case, without padding (as otpauth URIs want it).
std::string base32_encode(std::string_view bytes);
// Accepts upper or lower case, spaces and padding; none for other characters.
std::optional<std::string> base32_decode(std::string_view text);

// The otpauth://totp/ URI that authenticator apps read from the QR code.
std::string otpauth_uri(const std::string& account, const std::string& secret_base32);
// The QR code of `text` as an inline SVG image with a text alternative.
std::string qr_svg(const std::string& text);

// ---- enrolment (use cases) ----

enum class TwoFactorState { off, awaiting_confirmation, on };

struct TwoFactorStatus {
  TwoFactorState state = TwoFactorState::off;
  std::int64_t recovery_codes_left = 0;
  // While awaiting confirmation: what the enrolment page shows.
  std::string secret_base32;
  std::string uri;
  std::string svg;
};
TwoFactorStatus two_factor_status(Services& s, const Actor& me);

// Makes a new secret awaiting confirmation (replacing an unconfirmed one).
core::Status start_two_factor(Services& s, const Actor& me);
// Turns the second factor on with a current code; gives the recovery codes
// (shown once).
core::Result<std::vector<std::string>> confirm_two_factor(Services& s, const Actor& me,
                                                          const std::string& code);
// Turns it off with a current code.
core::Status disable_two_factor(Services& s, const Actor& me, const std::string& code);

// How a code offered at sign-in was accepted, if it was. Runs inside the
// sign-in transaction and marks the step or the recovery code used.
enum class SecondFactorCheck { wrong, authenticator_code, recovery_code };
SecondFactorCheck check_second_factor(store::Tx& tx, const Services& s, std::int64_t user_id,
                                      const std::string& code);
// Whether the person has a confirmed second factor.
bool two_factor_enabled(store::Tx& tx, std::int64_t user_id);

// ---- the organisation's setting ----

enum class TwoFactorPolicy { optional, required };
TwoFactorPolicy two_factor_policy(store::Tx& tx);
TwoFactorPolicy two_factor_policy(Services& s);
// `by` is an administrator, or the system (id 0) for the command line.
core::Status set_two_factor_policy(Services& s, const Actor& by, TwoFactorPolicy policy);

}  // namespace casepanel::app
