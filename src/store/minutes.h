// Minutes of a sitting (Support Panel 6): drafted by the panel
// administrator, sent to the chair, authorised (then immutable, corrected by
// addenda only). core/minutes.h decides which change may happen; these
// functions only read and write. Every function takes the caller's open
// transaction; none commits.
//
// Tables (migration 11): minutes (one row a sitting, once first saved),
// minutes_overviews (the discussion of each hearing), minutes_addenda. The
// older sittings.minutes_authorised_at (it closes members' access window,
// core/access.h) is kept in step by set_minutes_authorised.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/minutes.h"
#include "store/database.h"

namespace casepanel::store {

// Whether the sitting's minutes are authorised (its records may then no
// longer be corrected).
bool minutes_authorised(Tx& tx, std::int64_t sitting_id);

struct MinutesRecord {
  std::int64_t sitting_id = 0;
  core::MinutesStatus status = core::MinutesStatus::draft;
  std::int64_t drafted_by = 0;
  std::string drafted_by_name;
  core::Instant updated_at;
  std::string chair_comments;  // the chair's, when they returned them
  std::optional<core::Instant> sent_at;
  std::string authorised_by_name;
  std::optional<core::Instant> authorised_at;
  std::optional<std::string> authorised_text;  // the frozen snapshot (JSON)
};
// None: nothing saved yet.
std::optional<MinutesRecord> find_minutes(Tx& tx, std::int64_t sitting_id);

// The draft saved (created the first time) by `by` at `at`.
void save_minutes_draft(Tx& tx, std::int64_t sitting_id, std::int64_t by, core::Instant at);
// Sent to the chair.
void set_minutes_sent(Tx& tx, std::int64_t sitting_id, core::Instant at);
// Returned by the chair with comments (a draft again).
void set_minutes_returned(Tx& tx, std::int64_t sitting_id, const std::string& comments,
                          core::Instant at);
// Authorised by `by`, with the snapshot that is shown from now on; the
// sitting's minutes_authorised_at too.
void set_minutes_authorised(Tx& tx, std::int64_t sitting_id, std::int64_t by, core::Instant at,
                            const std::string& snapshot);

// The overview of the discussion of each of the sitting's hearings (hearing
// id -> text); hearings without one are absent.
std::map<std::int64_t, std::string> minutes_overviews(Tx& tx, std::int64_t sitting_id);
void save_minutes_overview(Tx& tx, std::int64_t hearing_id, const std::string& overview);

struct NewAddendum {
  std::int64_t sitting_id = 0;
  std::string text;
  std::string why;
  std::int64_t added_by = 0;
  core::Instant added_at;
};
std::int64_t add_minutes_addendum(Tx& tx, const NewAddendum& a);

struct AddendumRecord {
  std::int64_t id = 0;
  std::string text;
  std::string why;
  std::string added_by;  // name
  core::Instant added_at;
};
// Oldest first.
std::vector<AddendumRecord> minutes_addenda(Tx& tx, std::int64_t sitting_id);

// Every sitting whose minutes are with the chair, oldest sitting first (app/
// picks those the reader may authorise).
struct MinutesAwaiting {
  std::int64_t sitting_id = 0;
  std::string panel_id;
  core::Date sitting_date;
  std::optional<std::int64_t> chair_id;
};
std::vector<MinutesAwaiting> minutes_with_chair(Tx& tx);

// The social workers concerned with a sitting's hearings: each request's
// author and each child's allocated worker, each once.
std::vector<std::int64_t> sitting_social_workers(Tx& tx, std::int64_t sitting_id);

}  // namespace casepanel::store
