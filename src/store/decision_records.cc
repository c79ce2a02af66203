#include "store/decision_records.h"

#include <map>

#include "store/column_types.h"
#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

// The record's own columns; every query below selects these first.
constexpr const char* kRecordColumns =
    "d.id, d.hearing_id, d.child_id, c.first_name || ' ' || c.last_name, "
    "c.date_of_birth, s.id, s.panel_id, s.sitting_date, d.reasons, d.permanency_plan, "
    "d.permanency_timeframe, d.permanency_owner_id, pu.name, d.parallel_plan, "
    "d.parallel_timeframe, d.parallel_owner_id, qu.name, d.review_date, ru.name, "
    "d.recorded_at, COALESCE(cu.name, ''), d.corrected_at";
constexpr const char* kRecordFrom =
    " FROM decisions d "
    "JOIN children c ON c.id = d.child_id JOIN hearings h ON h.id = d.hearing_id "
    "JOIN sittings s ON s.id = h.sitting_id JOIN users ru ON ru.id = d.recorded_by "
    "LEFT JOIN users pu ON pu.id = d.permanency_owner_id "
    "LEFT JOIN users qu ON qu.id = d.parallel_owner_id "
    "LEFT JOIN users cu ON cu.id = d.corrected_by ";
constexpr std::size_t kRecordWidth = 22;

std::optional<std::int64_t> optional_id(const Row& r, std::size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<std::int64_t>(r.integer(i));
}

PlanRecord plan_at(const Row& r, std::size_t i) {
  return {r.text(i), r.text(i + 1), optional_id(r, i + 2), r.text(i + 3)};
}

DecisionRecord record_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  DecisionRecord d;
  d.id = id;
  d.hearing_id = r.integer(1);
  d.child_id = r.integer(2);
  d.child = r.text(3);
  d.child_born = date_column(r, 4, {"children", d.child_id, "date_of_birth"});
  d.sitting_id = r.integer(5);
  d.panel_id = r.text(6);
  d.sitting_date = date_column(r, 7, {"sittings", d.sitting_id, "sitting_date"});
  d.reasons = r.text(8);
  d.permanency = plan_at(r, 9);
  d.parallel = plan_at(r, 13);
  d.review_date = optional_date_column(r, 17, {"decisions", id, "review_date"});
  d.recorded_by = r.text(18);
  d.recorded_at = instant_column(r, 19, {"decisions", id, "recorded_at"});
  d.corrected_by = r.text(20);
  d.corrected_at = optional_instant_column(r, 21, {"decisions", id, "corrected_at"});
  return d;
}

ItemRecord item_from(const Row& r, std::size_t i) {
  const std::int64_t id = r.integer(i);
  ItemRecord it;
  it.id = id;
  it.kind = enum_column(r, i + 1, {"decision_items", id, "kind"}, core::item_kind_from_id);
  it.option_id = r.text(i + 2);
  it.detail = r.text(i + 3);
  if (!r.is_null(i + 4)) {
    it.final_role = enum_column(r, i + 4, {"decision_items", id, "final_role"}, core::role_from_id);
  }
  it.final_status =
      enum_column(r, i + 5, {"decision_items", id, "final_status"}, core::final_status_from_id);
  it.final_detail = r.text(i + 6);
  it.final_reasons = r.text(i + 7);
  it.final_by = r.text(i + 8);
  it.final_at = optional_instant_column(r, i + 9, {"decision_items", id, "final_at"});
  return it;
}
constexpr const char* kItemColumns =
    "i.id, i.kind, i.option_id, i.detail, i.final_role, i.final_status, i.final_detail, "
    "i.final_reasons, COALESCE(fu.name, ''), i.final_at";

// Fills in the items, actions and disagreements of `records`: three queries.
void complete(Tx& tx, std::vector<DecisionRecord>& records) {
  if (records.empty()) {
    return;
  }
  std::map<std::int64_t, DecisionRecord*> by_id;
  Params ids;
  for (DecisionRecord& d : records) {
    by_id[d.id] = &d;
    ids.push_back(d.id);
  }
  const std::string in = "(" + placeholders(1, ids.size()) + ")";
  std::map<std::int64_t, DecisionRecord*> by_item;
  for (const Row& r : tx.query(std::string("SELECT i.decision_id, ") + kItemColumns +
                                   " FROM decision_items i LEFT JOIN users fu ON fu.id = "
                                   "i.final_by WHERE i.removed_at IS NULL AND i.decision_id IN " +
                                   in + " ORDER BY i.kind, i.id",
                               ids)) {
    DecisionRecord* d = by_id.at(r.integer(0));
    d->items.push_back(item_from(r, 1));
    by_item[d->items.back().id] = d;
  }
  for (const Row& r :
       tx.query("SELECT a.decision_id, a.id, a.description, a.owner_id, u.name, a.due_date, "
                "a.status FROM actions a JOIN users u ON u.id = a.owner_id WHERE a.decision_id "
                "IN " +
                    in + " ORDER BY a.due_date, a.id",
                ids)) {
    const std::int64_t id = r.integer(1);
    by_id.at(r.integer(0))
        ->actions.push_back({id, r.text(2), r.integer(3), r.text(4),
                             date_column(r, 5, {"actions", id, "due_date"}), r.text(6)});
  }
  for (const Row& r : tx.query(
           "SELECT i.decision_id, g.id, g.item_id, mu.name, g.why, bu.name, g.recorded_at, "
           "g.resolve_role, g.agreed_outcome, COALESCE(g.agreed_reasons, ''), "
           "COALESCE(au.name, ''), g.resolved_at FROM disagreements g "
           "JOIN decision_items i ON i.id = g.item_id JOIN users mu ON mu.id = g.member_id "
           "JOIN users bu ON bu.id = g.recorded_by LEFT JOIN users au ON au.id = g.resolved_by "
           "WHERE i.decision_id IN " +
               in + " ORDER BY g.id",
           ids)) {
    const std::int64_t id = r.integer(1);
    DisagreementRecord g;
    g.id = id;
    g.item_id = r.integer(2);
    g.member = r.text(3);
    g.why = r.text(4);
    g.recorded_by = r.text(5);
    g.recorded_at = instant_column(r, 6, {"disagreements", id, "recorded_at"});
    g.resolve_role = enum_column(r, 7, {"disagreements", id, "resolve_role"}, core::role_from_id);
    if (!r.is_null(8)) {
      g.agreed_outcome = r.text(8);
    }
    g.agreed_reasons = r.text(9);
    g.resolved_by = r.text(10);
    g.resolved_at = optional_instant_column(r, 11, {"disagreements", id, "resolved_at"});
    by_id.at(r.integer(0))->disagreements.push_back(std::move(g));
  }
}

std::vector<DecisionRecord> records_where(Tx& tx, const std::string& where_order,
                                          const Params& params) {
  std::vector<DecisionRecord> out;
  for (const Row& r :
       tx.query(std::string("SELECT ") + kRecordColumns + kRecordFrom + where_order, params)) {
    out.push_back(record_from(r));
  }
  complete(tx, out);
  return out;
}

}  // namespace

std::vector<DecisionRecord> hearing_decisions(Tx& tx, std::int64_t hearing_id) {
  return records_where(tx, "WHERE d.hearing_id = $1 ORDER BY c.date_of_birth, c.id", {hearing_id});
}

std::vector<DecisionRecord> sitting_decisions(Tx& tx, std::int64_t sitting_id) {
  return records_where(tx, "WHERE h.sitting_id = $1 ORDER BY h.starts_at, c.date_of_birth, c.id",
                       {sitting_id});
}

std::vector<DecisionRecord> child_decision_records(Tx& tx, std::int64_t child_id) {
  return records_where(tx, "WHERE d.child_id = $1 ORDER BY s.sitting_date DESC, d.id DESC",
                       {child_id});
}

std::optional<DecisionRecord> find_decision(Tx& tx, std::int64_t decision_id) {
  auto found = records_where(tx, "WHERE d.id = $1", {decision_id});
  if (found.empty()) {
    return std::nullopt;
  }
  return std::move(found.front());
}

namespace {

std::vector<ItemAt> items_where(Tx& tx, const std::string& where_order, const Params& params) {
  std::vector<ItemAt> out;
  for (const Row& r : tx.query(std::string("SELECT ") + kRecordColumns + ", " + kItemColumns +
                                   ", h.request_id" + kRecordFrom +
                                   "JOIN decision_items i ON i.decision_id = d.id "
                                   "LEFT JOIN users fu ON fu.id = i.final_by " +
                                   where_order,
                               params)) {
    out.push_back({.item = item_from(r, kRecordWidth),
                   .record = record_from(r),
                   .request_id = r.integer(kRecordWidth + 10)});
  }
  return out;
}

}  // namespace

std::optional<ItemAt> find_item(Tx& tx, std::int64_t item_id) {
  auto found = items_where(tx, "WHERE i.id = $1", {item_id});
  if (found.empty()) {
    return std::nullopt;
  }
  return std::move(found.front());
}

std::vector<ItemAt> awaiting_final_decision(Tx& tx, core::Role role,
                                            const std::vector<std::string>& panel_ids) {
  Params p{std::string(core::role_id(role))};
  std::string where =
      "WHERE i.final_status = 'awaiting' AND i.removed_at IS NULL AND i.final_role = $1 ";
  if (!panel_ids.empty()) {
    where += "AND s.panel_id IN (" + placeholders(2, panel_ids.size()) + ") ";
    p.insert(p.end(), panel_ids.begin(), panel_ids.end());
  }
  return items_where(tx, where + "ORDER BY d.recorded_at, i.id", p);
}

}  // namespace casepanel::store
