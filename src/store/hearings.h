// Hearings: the repository for a request's slot at a sitting (start, minutes,
// status, the chair named for it, its invitation sequence), the agenda of a
// sitting as one read, and the people around a hearing that the Support
// Panel's chair rule (4.1) needs: the case's worker, the hearing's chair and
// the worker's chain of line managers.
//
// The agenda page reads every hearing's people in a fixed number of queries,
// whatever the number of hearings and however deep the line management:
// sitting_agenda() is one query, line_chains() one recursive query for all
// the workers at once.
//
// Times are core::Instant, the status core::HearingStatus; an unreadable one
// throws std::runtime_error. Every function takes the caller's open
// transaction; none commits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/sitting_status.h"
#include "store/database.h"
#include "store/sittings.h"

namespace casepanel::store {

struct HearingRecord {
  std::int64_t id = 0;
  std::int64_t sitting_id = 0;
  std::int64_t request_id = 0;
  core::Instant starts_at;
  int minutes = 0;
  core::HearingStatus status = core::HearingStatus::scheduled;
  std::optional<std::int64_t> chair_id;  // named for this hearing only
  int invite_sequence = 0;
  // Why it is heard after its request's statutory date (core/statutory.h);
  // empty when it is not.
  std::string late_reason;
};

std::optional<HearingRecord> find_hearing(Tx& tx, std::int64_t hearing_id);
// A sitting's hearings, in order of their start.
std::vector<HearingRecord> sitting_hearings(Tx& tx, std::int64_t sitting_id);

std::int64_t add_hearing(Tx& tx, std::int64_t sitting_id, std::int64_t request_id,
                         core::Instant starts_at, int minutes);
void move_hearing(Tx& tx, std::int64_t hearing_id, core::Instant starts_at);
void remove_hearing(Tx& tx, std::int64_t hearing_id);
void set_hearing_late_reason(Tx& tx, std::int64_t hearing_id, const std::string& reason);
void set_hearing_chair(Tx& tx, std::int64_t hearing_id, std::int64_t chair_id);
void set_hearing_status(Tx& tx, std::int64_t hearing_id, core::HearingStatus status);
// Raises the hearing's invitation sequence; the new value.
int raise_hearing_invite(Tx& tx, std::int64_t hearing_id);

// Who is around a hearing: the request's author (the allocated worker), their
// team's manager, and the chair who decides it (the one named for the
// hearing, else the sitting's).
struct HearingPeople {
  std::int64_t hearing_id = 0;
  PersonContact author;
  std::optional<PersonContact> team_manager;
  std::optional<PersonContact> chair;
};
std::optional<HearingPeople> hearing_people(Tx& tx, std::int64_t hearing_id);

// One line of a sitting's agenda, with what the page shows of its request.
struct AgendaLine {
  HearingRecord hearing;
  std::string request_type;
  bool conference_call = false;
  bool statutory = false;                    // the request has a statutory date
  std::optional<core::Date> statutory_due;   // that date
  bool must_go_to_next_sitting = false;      // immediate action (Support Panel 2.2)
  int decisions = 0;                         // decision records made at this hearing
  std::optional<PersonContact> named_chair;  // hearing.chair_id's name
  HearingPeople people;
};
// Every hearing of the sitting, in order, in one query.
std::vector<AgendaLine> sitting_agenda(Tx& tx, std::int64_t sitting_id);

// Each worker's line managers, nearest first, at most `longest` deep (a
// deeper chain is a loop), in one query for all the workers.
std::map<std::int64_t, std::vector<std::int64_t>> line_chains(
    Tx& tx, const std::vector<std::int64_t>& worker_ids, int longest);

}  // namespace casepanel::store
