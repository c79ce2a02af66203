#include "store/seats.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

PresenterRecord presenter_from(const Row& r, std::size_t first, std::int64_t hearing_id) {
  PresenterRecord p;
  if (!r.is_null(first)) {
    p.person = PersonContact{r.integer(first), r.text(first + 1), r.text(first + 2)};
  }
  const ColumnAt at{"hearings", hearing_id, "presenter_attendance"};
  p.attendance = enum_column(r, first + 3, at, core::attendance_from_id);
  return p;
}

constexpr const char* kPresenterColumns =
    "h.presenter_id, COALESCE(u.name, ''), COALESCE(u.email, ''), h.presenter_attendance ";

}  // namespace

std::vector<SeatHolderRecord> seat_holders(Tx& tx, const std::string& panel_id) {
  std::vector<SeatHolderRecord> out;
  for (const Row& r : tx.query("SELECT sh.seat_id, u.id, u.name, u.email, sh.deputy "
                               "FROM seat_holders sh JOIN users u ON u.id = sh.user_id "
                               "WHERE sh.panel_id = $1 AND u.active = 1 "
                               "ORDER BY sh.seat_id, sh.deputy, u.name, u.id",
                               {panel_id})) {
    out.push_back({r.text(0),
                   {r.integer(1), r.text(2), r.text(3)},
                   r.integer(4) == 0 ? SeatPart::holder : SeatPart::deputy});
  }
  return out;
}

void set_seat_holder(Tx& tx, const std::string& panel_id, const std::string& seat_id,
                     std::int64_t user_id, SeatPart part) {
  remove_seat_holder(tx, panel_id, seat_id, user_id);
  tx.exec("INSERT INTO seat_holders (panel_id, seat_id, user_id, deputy) VALUES ($1, $2, $3, $4)",
          {panel_id, seat_id, user_id, std::int64_t{part == SeatPart::deputy ? 1 : 0}});
}

bool remove_seat_holder(Tx& tx, const std::string& panel_id, const std::string& seat_id,
                        std::int64_t user_id) {
  const Params key{panel_id, seat_id, user_id};
  const bool held = tx.query_one(
                          "SELECT 1 FROM seat_holders WHERE panel_id = $1 AND "
                          "seat_id = $2 AND user_id = $3",
                          key)
                        .has_value();
  tx.exec("DELETE FROM seat_holders WHERE panel_id = $1 AND seat_id = $2 AND user_id = $3", key);
  return held;
}

std::vector<std::string> hearing_invitees(Tx& tx, std::int64_t hearing_id) {
  std::vector<std::string> out;
  for (const Row& r :
       tx.query("SELECT seat_id FROM hearing_invitees WHERE hearing_id = $1 ORDER BY seat_id",
                {hearing_id})) {
    out.push_back(r.text(0));
  }
  return out;
}

std::map<std::int64_t, std::vector<std::string>> sitting_invitees(Tx& tx, std::int64_t sitting_id) {
  std::map<std::int64_t, std::vector<std::string>> out;
  for (const Row& r : tx.query("SELECT hi.hearing_id, hi.seat_id FROM hearing_invitees hi "
                               "JOIN hearings h ON h.id = hi.hearing_id "
                               "WHERE h.sitting_id = $1 ORDER BY hi.hearing_id, hi.seat_id",
                               {sitting_id})) {
    out[r.integer(0)].push_back(r.text(1));
  }
  return out;
}

void invite_seat(Tx& tx, std::int64_t hearing_id, const std::string& seat_id) {
  tx.exec("DELETE FROM hearing_invitees WHERE hearing_id = $1 AND seat_id = $2",
          {hearing_id, seat_id});
  tx.exec("INSERT INTO hearing_invitees (hearing_id, seat_id) VALUES ($1, $2)",
          {hearing_id, seat_id});
}

PresenterRecord hearing_presenter(Tx& tx, std::int64_t hearing_id) {
  auto r = tx.query_one(std::string("SELECT ") + kPresenterColumns +
                            "FROM hearings h LEFT JOIN users u ON u.id = h.presenter_id "
                            "WHERE h.id = $1",
                        {hearing_id});
  return r ? presenter_from(*r, 0, hearing_id) : PresenterRecord{};
}

std::map<std::int64_t, PresenterRecord> sitting_presenters(Tx& tx, std::int64_t sitting_id) {
  std::map<std::int64_t, PresenterRecord> out;
  for (const Row& r : tx.query(std::string("SELECT h.id, ") + kPresenterColumns +
                                   "FROM hearings h LEFT JOIN users u ON u.id = h.presenter_id "
                                   "WHERE h.sitting_id = $1",
                               {sitting_id})) {
    out[r.integer(0)] = presenter_from(r, 1, r.integer(0));
  }
  return out;
}

void set_hearing_presenter(Tx& tx, std::int64_t hearing_id, std::optional<std::int64_t> user_id,
                           core::Attendance attendance) {
  tx.exec("UPDATE hearings SET presenter_id = $1, presenter_attendance = $2 WHERE id = $3",
          {nullable(user_id), std::string(core::attendance_id(attendance)), hearing_id});
}

void set_sitting_chair(Tx& tx, std::int64_t sitting_id, std::int64_t user_id) {
  tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {user_id, sitting_id});
}

int chair_unchaired_sittings(Tx& tx, const std::string& panel_id, std::int64_t user_id) {
  const Params unchaired{panel_id};
  const auto count = tx.query_one(
      "SELECT COUNT(*) FROM sittings WHERE panel_id = $1 AND status = 'planned' AND "
      "chair_id IS NULL",
      unchaired);
  tx.exec(
      "UPDATE sittings SET chair_id = $1 WHERE panel_id = $2 AND status = 'planned' AND "
      "chair_id IS NULL",
      {user_id, panel_id});
  return count ? static_cast<int>(count->integer(0)) : 0;
}

}  // namespace casepanel::store
