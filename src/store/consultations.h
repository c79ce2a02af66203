// Consultations: the repository for referrals for consultation
// (request_consultations). The coordinator refers a submitted request to one
// of its panel's [[consultations]] at triage; the person consulted answers
// it once, with their advice (migration 15). Who is consulted is the panel
// file's to say (app/consultations.h); this file stores and reads.
//
// A referral's life:
//
//   add_consultation --> waiting --record_advice--> answered
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace casepanel::store {

struct ConsultationRecord {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::string consultation_id;  // the panel's [[consultations]] id
  std::string note;             // what advice the coordinator asks for
  std::int64_t referred_by = 0;
  core::Instant referred_at;
  std::string referred_by_name;  // read only
  // The answer: all set once advice is given, none before.
  std::optional<std::string> advice;
  std::optional<std::int64_t> advised_by;
  std::string advised_by_name;  // read only; "" while waiting
  std::optional<core::Instant> advised_at;
  bool answered() const { return advice.has_value(); }
};

// What the coordinator's referral writes.
struct NewReferral {
  std::int64_t request_id = 0;
  std::string consultation_id;
  std::string note;
  std::int64_t referred_by = 0;
  core::Instant referred_at;
};
// Adds a waiting referral; returns its id.
std::int64_t add_consultation(Tx& tx, const NewReferral& referral);
std::optional<ConsultationRecord> find_consultation(Tx& tx, std::int64_t id);
// A request's referrals, oldest first.
std::vector<ConsultationRecord> request_consultations(Tx& tx, std::int64_t request_id);
// The referrals to one of a panel's consultations on requests sent to panel
// (not those back with their author as drafts): waiting ones first, oldest
// first, then those answered, latest answer first.
std::vector<ConsultationRecord> consultations_of(Tx& tx, const std::string& panel_id,
                                                 const std::string& consultation_id);
// Records the advice on a waiting referral; false when it was already
// answered (the first answer stands).
bool record_advice(Tx& tx, std::int64_t id, const std::string& advice, std::int64_t advised_by,
                   core::Instant at);

}  // namespace casepanel::store
