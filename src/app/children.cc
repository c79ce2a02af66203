#include "app/children.h"

#include <map>

#include "app/support.h"
#include "core/request.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

constexpr const char* kSummarySelect =
    "SELECT c.id, c.external_id, c.first_name || ' ' || c.last_name, c.date_of_birth, t.name, "
    "c.legal_status, COALESCE(u.name, '')";
constexpr const char* kSummaryFrom =
    " FROM children c JOIN teams t ON t.id = c.team_id "
    "LEFT JOIN users u ON u.id = c.allocated_worker_id ";

ChildSummary summary_of(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

std::string panel_name(const Services& s, const std::string& id) {
  const core::PanelType* p = s.panels.find(id);
  return p ? p->name : id;
}

std::string decision_label(const Services& s, const std::string& panel, const std::string& id) {
  const core::PanelType* p = s.panels.find(panel);
  if (p == nullptr) {
    return id;
  }
  const core::DecisionOption* d = p->decision(id);
  return d ? d->label : id;
}

void load_history(Services& s, Tx& tx, ChildRecord& rec) {
  const std::int64_t id = rec.child.id;
  for (const Row& r :
       tx.query("SELECT r.id, r.panel_id, r.request_type, r.state, r.created_at FROM requests r "
                "JOIN request_children rc ON rc.request_id = r.id WHERE rc.child_id = $1 "
                "ORDER BY r.created_at DESC, r.id DESC",
                {id})) {
    auto state = core::state_from_id(r.text(3)).value_or(core::RequestState::draft);
    rec.requests.push_back({r.integer(0), panel_name(s, r.text(1)),
                            request_type_label(s.panels.find(r.text(1)), r.text(2)), r.text(3),
                            std::string(core::state_label(state)),
                            long_date(r.text(4).substr(0, 10))});
  }
  for (const Row& r :
       tx.query("SELECT m.id, m.panel_id, h.starts_at, m.venue_id, h.request_id FROM hearings h "
                "JOIN sittings m ON m.id = h.sitting_id JOIN request_children rc "
                "ON rc.request_id = h.request_id WHERE rc.child_id = $1 ORDER BY h.starts_at DESC",
                {id})) {
    const core::PanelType* p = s.panels.find(r.text(1));
    const core::Venue* v = p ? p->venue(r.text(3)) : nullptr;
    rec.hearings.push_back({r.integer(0), panel_name(s, r.text(1)), london_long_date(r.text(2)),
                            london_hh_mm(r.text(2)), v ? v->name : r.text(3), r.integer(4)});
  }
  for (const Row& r :
       tx.query("SELECT m.sitting_date, m.panel_id, d.decision_type, d.summary, d.reasons, "
                "COALESCE(d.review_date, ''), d.is_recommendation FROM decisions d "
                "JOIN hearings h ON h.id = d.hearing_id JOIN sittings m ON m.id = h.sitting_id "
                "WHERE d.child_id = $1 ORDER BY m.sitting_date DESC, d.id DESC",
                {id})) {
    rec.decisions.push_back({long_date(r.text(0)), panel_name(s, r.text(1)),
                             decision_label(s, r.text(1), r.text(2)), r.text(3), r.text(4),
                             long_date(r.text(5)), r.integer(6) != 0});
  }
  for (const Row& r :
       tx.query("SELECT a.description, u.name, a.due_date, a.status FROM actions a "
                "JOIN users u ON u.id = a.owner_id WHERE a.child_id = $1 ORDER BY a.due_date DESC",
                {id})) {
    rec.actions.push_back({r.text(0), r.text(1), long_date(r.text(2)), r.text(3)});
  }
}

}  // namespace

core::Result<std::vector<ChildSummary>> children_in_scope(Services& s, const Actor& a,
                                                          const std::string& audit_action) {
  if (!a.may(core::Permission::view_children)) {
    return core::Error::forbidden("You cannot see children's records");
  }
  std::vector<ChildSummary> out;
  s.db.read_all([&](Tx& tx) {
    std::string sql = std::string(kSummarySelect) + kSummaryFrom;
    store::Params params;
    using core::Relationship;
    const core::Relationships wanted = core::relevant(a.roles, core::Resource::child_record);
    if (!wanted.count(Relationship::any)) {
      std::vector<std::int64_t> teams;
      if (wanted.count(Relationship::own_line)) {
        teams = teams_in_scope(tx, a);
      }
      std::vector<std::int64_t> ids;
      if (wanted.count(Relationship::panel_served)) {
        ids = store::children_of_panels(tx, store::panels_served(tx, a.id));
      }
      if (wanted.count(Relationship::on_agenda)) {
        // Each sitting is asked once, however many children it hears.
        std::map<std::int64_t, bool> mine;
        for (const store::AgendaSitting& c : store::agenda_children(tx, window_since(tx, s))) {
          auto [at, fresh] = mine.try_emplace(c.sitting_id, false);
          if (fresh) {
            at->second = on_agenda(tx, s, a, c);
          }
          if (at->second) {
            ids.push_back(c.child_id);
          }
        }
      }
      if (teams.empty() && ids.empty()) {
        return;
      }
      // Both lists are bound (an empty IN list is not SQL): -1 is no id.
      teams.push_back(-1);
      ids.push_back(-1);
      sql += "WHERE c.team_id IN (" + placeholders(1, teams.size()) + ") OR c.id IN (" +
             placeholders(static_cast<int>(teams.size()) + 1, ids.size()) + ") ";
      params.assign(teams.begin(), teams.end());
      params.insert(params.end(), ids.begin(), ids.end());
    }
    sql += "ORDER BY c.last_name, c.first_name, c.id";
    for (const Row& r : tx.query(sql, params)) {
      out.push_back(summary_of(r));
    }
  });
  // Recorded before the list is handed out, as a child's record is (below).
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, audit_action, "child", 0, {{"shown", out.size()}});
  });
  return out;
}

core::Result<ChildRecord> child_record(Services& s, const Actor& a, std::int64_t child_id) {
  // DESIGN.md: every view of a child's record is logged. The record is read
  // in a read transaction and the view appended in a short write of its own,
  // so that views of children do not queue behind one another for SQLite's
  // single writer while the history is read. The record is handed out only
  // once its view is committed: when the audit write fails it throws, and
  // the page is not shown.
  auto rec = s.db.read<ChildRecord>([&](Tx& tx) -> core::Result<ChildRecord> {
    // Outside scope answers "not found", so record ids cannot be probed.
    if (!a.may(core::Permission::view_children) ||
        !may_child(tx, s, a, child_id, core::Use::read)) {
      return core::Error::not_found();
    }
    auto r = tx.query_one(std::string(kSummarySelect) +
                              ", c.gender, c.ethnicity, c.disability, "
                              "COALESCE(c.came_into_care, ''), COALESCE(c.cp_plan_start, ''), "
                              "COALESCE(c.case_opened, ''), c.sibling_group_id" +
                              kSummaryFrom + "WHERE c.id = $1",
                          {child_id});
    ChildRecord rec;
    rec.child = summary_of(*r);
    rec.gender = r->text(7);
    rec.ethnicity = r->text(8);
    rec.disability = r->text(9);
    rec.came_into_care = long_date(r->text(10));
    rec.cp_plan_start = long_date(r->text(11));
    rec.case_opened = long_date(r->text(12));
    if (auto group = r->optional_integer(13)) {
      for (const Row& sib : tx.query(std::string(kSummarySelect) + kSummaryFrom +
                                         "WHERE c.sibling_group_id = $1 AND c.id <> $2 "
                                         "ORDER BY c.date_of_birth",
                                     {*group, child_id})) {
        rec.siblings.push_back(summary_of(sib));
      }
    }
    load_history(s, tx, rec);
    rec.discussions = child_discussions(tx, s, child_id);
    return rec;
  });
  if (!rec) {
    return rec;  // not found or out of scope: nothing was shown, nothing to log
  }
  s.db.write_all([&](Tx& tx) { audit(tx, s, a, "child.view", "child", child_id); });
  return rec;
}

}  // namespace casepanel::app
