#include "store/requests.h"

#include <stdexcept>

#include "store/stored_values.h"

namespace casepanel::store {
namespace {

constexpr const char* kRequestColumns =
    "SELECT id, panel_id, state, approval_step, author_id, team_id, request_type, "
    "came_into_care, reason, proposed_plan, parallel_plan, venue_preference, conference_call, "
    "statutory_due, must_go_to_next_sitting, target_sitting_date, missed_cutoff_date, "
    "late_accepted_by, late_accepted_at, late_reason, three_way_date, three_way_pm_id, "
    "three_way_gm_id, sections_done, created_at, updated_at, submitted_at FROM requests ";

Column requests_column(std::int64_t id, std::string_view name) { return {"requests", id, name}; }

core::RequestState stored_state(const std::string& text, std::int64_t id) {
  const auto state = core::state_from_id(text);
  if (!state) {
    unreadable(requests_column(id, "state"), text);
  }
  return *state;
}

std::vector<std::string> split_sections(const std::string& all) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find(',', start);
    if (end == std::string::npos) {
      end = all.size();
    }
    if (end > start) {
      out.push_back(all.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

std::optional<LateAcceptance> late_of(const Row& r, std::int64_t id) {
  if (!r.optional_integer(17)) {
    return std::nullopt;
  }
  return LateAcceptance{r.integer(17),
                        stored_instant(r.text(18), requests_column(id, "late_accepted_at")),
                        r.text(19)};
}

std::optional<ThreeWayDiscussion> three_way_of(const Row& r, std::int64_t id) {
  const auto on = stored_date(r.optional_text(20), requests_column(id, "three_way_date"));
  if (!on) {
    return std::nullopt;
  }
  return ThreeWayDiscussion{*on, r.integer(21), r.integer(22)};
}

// The stored dates of a request (columns 7 to 16).
void read_dates(const Row& r, RequestRecord& out) {
  const std::int64_t id = out.id;
  out.came_into_care = stored_date(r.optional_text(7), requests_column(id, "came_into_care"));
  out.statutory_due = stored_date(r.optional_text(13), requests_column(id, "statutory_due"));
  out.target_sitting = stored_date(r.optional_text(15), requests_column(id, "target_sitting_date"));
  out.missed_cutoff = stored_date(r.optional_text(16), requests_column(id, "missed_cutoff_date"));
}

RequestRecord request_from(const Row& r) {
  RequestRecord out;
  out.id = r.integer(0);
  out.panel_id = r.text(1);
  out.state = stored_state(r.text(2), out.id);
  out.approval_step = static_cast<int>(r.integer(3));
  out.author_id = r.integer(4);
  out.team_id = r.integer(5);
  out.request_type = r.text(6);
  out.reason = r.text(8);
  out.proposed_plan = r.text(9);
  out.parallel_plan = r.text(10);
  out.venue_preference = r.text(11);
  out.conference_call = r.integer(12) != 0 ? ConferenceCall::needed : ConferenceCall::not_needed;
  read_dates(r, out);
  out.must_go_to_next_sitting = r.integer(14) != 0;
  out.late_accepted = late_of(r, out.id);
  out.three_way = three_way_of(r, out.id);
  out.sections_done = split_sections(r.text(23));
  out.created_at = stored_instant(r.text(24), requests_column(out.id, "created_at"));
  out.updated_at = stored_instant(r.text(25), requests_column(out.id, "updated_at"));
  out.submitted_at = stored_instant(r.optional_text(26), requests_column(out.id, "submitted_at"));
  return out;
}

std::vector<RequestRecord> requests_from(const Rows& rows) {
  std::vector<RequestRecord> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(request_from(r));
  }
  return out;
}

Value date_value(const std::optional<core::Date>& d) {
  return d ? Value{core::to_iso(*d)} : Value{};
}

std::string utc(core::Instant at) { return core::to_iso_utc(at); }

}  // namespace

std::optional<RequestRecord> find_request(Tx& tx, std::int64_t id) {
  auto r = tx.query_one(std::string(kRequestColumns) + "WHERE id = $1", {id});
  if (!r) {
    return std::nullopt;
  }
  return request_from(*r);
}

std::vector<RequestRecord> requests_of_author(Tx& tx, std::int64_t author_id,
                                              core::RequestState state) {
  return requests_from(tx.query(
      std::string(kRequestColumns) + "WHERE author_id = $1 AND state = $2 ORDER BY updated_at, id",
      {author_id, std::string(core::state_id(state))}));
}

std::vector<RequestRecord> requests_in_state(Tx& tx, core::RequestState state) {
  return requests_from(
      tx.query(std::string(kRequestColumns) + "WHERE state = $1 ORDER BY updated_at, id",
               {std::string(core::state_id(state))}));
}

std::int64_t insert_request(Tx& tx, const NewRequest& request, core::Instant at) {
  const std::string now = utc(at);
  const std::int64_t id = tx.insert(
      "INSERT INTO requests (panel_id, state, author_id, team_id, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {request.panel_id, std::string(core::state_id(core::RequestState::draft)), request.author_id,
       request.team_id, now, now});
  for (std::int64_t child : request.child_ids) {
    tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)", {id, child});
  }
  return id;
}

void set_request_state(Tx& tx, std::int64_t id, core::RequestState state, core::Instant at) {
  tx.exec("UPDATE requests SET state = $1, updated_at = $2 WHERE id = $3",
          {std::string(core::state_id(state)), utc(at), id});
}

void set_request_state(Tx& tx, std::int64_t id, core::RequestState state, int approval_step,
                       core::Instant at) {
  tx.exec("UPDATE requests SET state = $1, approval_step = $2, updated_at = $3 WHERE id = $4",
          {std::string(core::state_id(state)), std::int64_t{approval_step}, utc(at), id});
}

void mark_submitted(Tx& tx, std::int64_t id, const Submission& submission, core::Instant at) {
  const std::string now = utc(at);
  tx.exec(
      "UPDATE requests SET state = $1, submitted_at = $2, updated_at = $3, "
      "target_sitting_date = $4, missed_cutoff_date = $5, triaged_at = NULL WHERE id = $6",
      {std::string(core::state_id(core::RequestState::submitted)), now, now,
       date_value(submission.target_sitting), date_value(submission.missed_cutoff), id});
}

void mark_triaged(Tx& tx, std::int64_t id, core::Instant at) {
  tx.exec("UPDATE requests SET triaged_at = $1 WHERE id = $2 AND triaged_at IS NULL",
          {utc(at), id});
}

void accept_late(Tx& tx, std::int64_t id, const LateAcceptance& late) {
  const std::string at = utc(late.at);
  tx.exec(
      "UPDATE requests SET target_sitting_date = missed_cutoff_date, late_accepted_by = $1, "
      "late_accepted_at = $2, late_reason = $3, updated_at = $4 WHERE id = $5",
      {late.by, at, late.reason, at, id});
}

void record_three_way_discussion(Tx& tx, std::int64_t id, const ThreeWayDiscussion& discussion) {
  tx.exec(
      "UPDATE requests SET three_way_date = $1, three_way_pm_id = $2, three_way_gm_id = $3 "
      "WHERE id = $4",
      {core::to_iso(discussion.on), discussion.practice_manager_id, discussion.group_manager_id,
       id});
}

void write_request_type(Tx& tx, std::int64_t id, const RequestTypeFields& fields) {
  tx.exec(
      "UPDATE requests SET request_type = $1, came_into_care = $2, statutory_due = $3, "
      "must_go_to_next_sitting = $4 WHERE id = $5",
      {fields.request_type, date_value(fields.came_into_care), date_value(fields.statutory_due),
       std::int64_t{fields.must_go_to_next_sitting ? 1 : 0}, id});
}

void write_details(Tx& tx, std::int64_t id, const std::string& reason,
                   const std::string& proposed_plan, const std::string& parallel_plan) {
  tx.exec("UPDATE requests SET reason = $1, proposed_plan = $2, parallel_plan = $3 WHERE id = $4",
          {reason, proposed_plan, parallel_plan, id});
}

void write_attendance(Tx& tx, std::int64_t id, const std::string& venue_preference,
                      ConferenceCall conference_call) {
  tx.exec("UPDATE requests SET venue_preference = $1, conference_call = $2 WHERE id = $3",
          {venue_preference, std::int64_t{conference_call == ConferenceCall::needed ? 1 : 0}, id});
}

void set_sections_done(Tx& tx, std::int64_t id, const std::vector<std::string>& sections,
                       core::Instant at) {
  std::string joined;
  for (const std::string& x : sections) {
    joined += (joined.empty() ? "" : ",") + x;
  }
  tx.exec("UPDATE requests SET sections_done = $1, updated_at = $2 WHERE id = $3",
          {joined, utc(at), id});
}

std::vector<std::string> request_criteria(Tx& tx, std::int64_t id) {
  std::vector<std::string> out;
  for (const Row& c : tx.query(
           "SELECT criterion_id FROM request_criteria WHERE request_id = $1 ORDER BY criterion_id",
           {id})) {
    out.push_back(c.text(0));
  }
  return out;
}

void replace_criteria(Tx& tx, std::int64_t id, const std::vector<std::string>& criteria) {
  tx.exec("DELETE FROM request_criteria WHERE request_id = $1", {id});
  for (const std::string& c : criteria) {
    tx.exec("INSERT INTO request_criteria (request_id, criterion_id) VALUES ($1, $2)", {id, c});
  }
}

std::vector<std::string> criteria_confirmed_against_record(Tx& tx, std::int64_t id) {
  std::vector<std::string> out;
  for (const Row& c : tx.query("SELECT criterion_id FROM request_criteria WHERE request_id = $1 "
                               "AND confirmed_against_record = 1 ORDER BY criterion_id",
                               {id})) {
    out.push_back(c.text(0));
  }
  return out;
}

void confirm_against_record(Tx& tx, std::int64_t id, const std::vector<std::string>& criteria) {
  for (const std::string& c : criteria) {
    tx.exec(
        "UPDATE request_criteria SET confirmed_against_record = 1 WHERE request_id = $1 AND "
        "criterion_id = $2",
        {id, c});
  }
}

std::vector<AuthorisationRecord> request_authorisations(Tx& tx, std::int64_t id) {
  std::vector<AuthorisationRecord> out;
  for (const Row& a :
       tx.query("SELECT ra.id, ra.criterion_id, ra.authorised_by, u.name, ra.authorised_at, "
                "ra.what FROM request_authorisations ra JOIN users u ON u.id = ra.authorised_by "
                "WHERE ra.request_id = $1 ORDER BY ra.id",
                {id})) {
    out.push_back(
        {a.text(1), a.integer(2), a.text(3),
         stored_instant(a.text(4), {"request_authorisations", a.integer(0), "authorised_at"}),
         a.text(5)});
  }
  return out;
}

void replace_authorisations(Tx& tx, std::int64_t id, const std::vector<AuthorisationRecord>& list,
                            std::int64_t recorded_by, core::Instant at) {
  tx.exec("DELETE FROM request_authorisations WHERE request_id = $1", {id});
  for (const AuthorisationRecord& a : list) {
    tx.exec(
        "INSERT INTO request_authorisations (request_id, criterion_id, authorised_by, "
        "authorised_at, what, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, a.criterion_id, a.authorised_by, utc(a.at), a.what, recorded_by, utc(at)});
  }
}

std::vector<RequestChild> request_children(Tx& tx, std::int64_t id) {
  std::vector<RequestChild> out;
  for (const Row& c : tx.query("SELECT c.id, c.first_name || ' ' || c.last_name, c.came_into_care, "
                               "c.date_of_birth FROM children c JOIN request_children rc ON "
                               "rc.child_id = c.id WHERE rc.request_id = $1 ORDER BY "
                               "c.date_of_birth, c.id",
                               {id})) {
    const std::int64_t child = c.integer(0);
    out.push_back({child, c.text(1),
                   stored_date(c.optional_text(2), {"children", child, "came_into_care"}),
                   stored_date(c.text(3), {"children", child, "date_of_birth"})});
  }
  return out;
}

std::vector<std::int64_t> teams_of_children(Tx& tx, const std::vector<std::int64_t>& child_ids) {
  std::vector<std::int64_t> out;
  for (std::int64_t child : child_ids) {
    if (auto r = tx.query_one("SELECT team_id FROM children WHERE id = $1", {child})) {
      out.push_back(r->integer(0));
    }
  }
  return out;
}

bool request_has_papers(Tx& tx, std::int64_t id) {
  return tx.query_one("SELECT 1 FROM request_papers WHERE request_id = $1", {id}).has_value();
}

}  // namespace casepanel::store
