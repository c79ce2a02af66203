#include "app/decision_writes.h"

#include <map>

#include "app/audit_trail.h"
#include "app/decision_view.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/counted.h"
#include "core/follow_up.h"
#include "core/sittings.h"
#include "store/actions.h"
#include "store/decisions.h"
#include "store/disagreements.h"
#include "store/relationships.h"
#include "store/returns.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

using store::Tx;

store::PlanFields plan_fields(const core::PlanEntry& p) {
  if (p.plan_id.empty()) {
    return {};
  }
  return {p.plan_id, p.timeframe,
          p.owner_id ? std::optional<std::int64_t>(p.owner_id) : std::nullopt};
}

std::string event_words(const HearingAt& at, const Services& s, core::ItemKind kind,
                        const std::string& option, const std::string& detail) {
  const std::string label = item_label(s, at.panel->id, kind, option);
  return at.panel->name + ": " + (kind == core::ItemKind::outcome ? "Outcome: " : "") + label +
         ". " + detail;
}

store::EventKind event_kind(core::ItemKind kind, bool recommendation) {
  if (recommendation) {
    return store::EventKind::recommendation;
  }
  return kind == core::ItemKind::decision ? store::EventKind::decision : store::EventKind::outcome;
}

// Support Panel 6.1: a decision to progress to FGC starts the referral
// timescale. Each timescale the item starts is followed up like an action
// owned by the request's author, who makes the referral (core/follow_up.h).
void start_timescales(Tx& tx, const Services& s, const HearingAt& at,
                      const store::DecisionRecord& d, const std::string& option_id) {
  const auto started = core::timescales_started(*at.panel, s.calendar, option_id, at.sitting.date);
  if (started.empty()) {
    return;
  }
  const auto request = store::request_facts(tx, at.hearing.request_id);
  if (!request) {
    return;
  }
  for (const core::StartedTimescale& t : started) {
    store::add_action(tx, {.decision_id = d.id,
                           .child_id = d.child_id,
                           .description = t.timescale->label,
                           .owner_id = request->author_id,
                           .due = t.due,
                           .created_at = s.clock.now(),
                           .kind = t.timescale->id,
                           .started_by = option_id});
    queue_email(tx, s, request->author_id, "A panel timescale has started",
                at.panel->name + ": " + t.timescale->label + " by " + core::long_date(t.due) + ".");
  }
}

std::int64_t write_item(Tx& tx, const Services& s, const Actor& a, const HearingAt& at,
                        const store::DecisionRecord& d, const core::ItemEntry& item) {
  std::optional<core::Role> final_role;
  if (item.kind == core::ItemKind::decision) {
    final_role = at.panel->decision(item.option_id)->final_decision_by;
  }
  const std::int64_t id =
      store::add_item(tx, {d.id, item.kind, item.option_id, item.detail, final_role});
  start_timescales(tx, s, at, d, item.option_id);
  add_event(tx, s, a, d, id, event_kind(item.kind, final_role.has_value()),
            event_words(at, s, item.kind, item.option_id, item.detail) +
                (final_role ? " (a recommendation: the " + at.panel->title_of(*final_role) +
                                  " makes the final decision)"
                            : std::string()));
  if (final_role) {
    for (std::int64_t person : deciders(tx, at, *final_role)) {
      queue_email(tx, s, person, "A panel recommendation awaits your final decision",
                  "The " + at.panel->name + " on " + core::long_date(at.sitting.date) +
                      " made a recommendation. Make the final decision from your home page.");
    }
  }
  return id;
}

// The record as just written, for the events' child and the audit.
store::DecisionRecord stub_record(const HearingAt& at, std::int64_t decision, std::int64_t child) {
  store::DecisionRecord d;
  d.id = decision;
  d.hearing_id = at.hearing.id;
  d.child_id = child;
  d.sitting_id = at.sitting.id;
  d.panel_id = at.panel->id;
  return d;
}

using ItemKey = std::pair<core::ItemKind, std::string>;

// Changes the items to those entered; returns what changed, in words.
core::Result<std::vector<std::string>> change_items(Tx& tx, const Services& s, const Actor& a,
                                                    const HearingAt& at,
                                                    const store::DecisionRecord& before,
                                                    const core::DecisionEntry& in) {
  std::map<ItemKey, const core::ItemEntry*> wanted;
  for (const core::ItemEntry& e : in.items) {
    wanted[{e.kind, e.option_id}] = &e;
  }
  std::vector<std::string> changed;
  for (const store::ItemRecord& it : before.items) {
    const std::string label = item_label(s, before.panel_id, it.kind, it.option_id);
    auto w = wanted.find({it.kind, it.option_id});
    if (w == wanted.end()) {
      if (store::item_has_disagreement(tx, it.id) ||
          (it.final_status != core::FinalStatus::final &&
           it.final_status != core::FinalStatus::awaiting)) {
        return core::Error::conflict("\"" + label +
                                     "\" has a disagreement or a final decision: it stays");
      }
      store::remove_item(tx, it.id, s.clock.now());
      store::close_started_timescales(tx, before.id, it.option_id,
                                      "The decision was taken off the record", a.id, s.clock.now());
      changed.push_back("removed " + label);
      continue;
    }
    if (w->second->detail != it.detail) {
      store::set_item_detail(tx, it.id, w->second->detail);
      changed.push_back(label + " now reads: " + w->second->detail);
    }
    wanted.erase(w);
  }
  for (const auto& [key, entry] : wanted) {
    write_item(tx, s, a, at, before, *entry);
    changed.push_back("added " + item_label(s, before.panel_id, key.first, key.second));
  }
  return changed;
}

}  // namespace

std::vector<std::int64_t> deciders(Tx& tx, const HearingAt& at, core::Role role) {
  if (role == at.panel->chair.role) {
    if (auto chair = at.hearing.chair_id ? at.hearing.chair_id : at.sitting.chair_id) {
      return {*chair};
    }
  }
  std::vector<std::int64_t> out;
  for (const store::RoleHolder& h : store::role_holders(tx, role)) {
    out.push_back(h.id);
  }
  return out;
}

core::Result<HearingAt> decidable(Tx& tx, const Services& s, const Actor& a,
                                  std::int64_t hearing_id) {
  auto h = store::find_hearing(tx, hearing_id);
  auto m = h ? store::find_sitting(tx, h->sitting_id) : std::nullopt;
  const core::PanelType* panel = m ? s.panels.find(m->panel_id) : nullptr;
  if (!m || panel == nullptr ||
      !may_sitting(tx, s, a, m->id, m->panel_id, core::Resource::decision, core::Use::change)) {
    return core::Error::not_found();
  }
  TRY(core::may_record_decision(m->status, m->date, today(s)));
  return HearingAt{*h, *m, panel};
}

core::Status check_people(Tx& tx, const core::DecisionEntry& in) {
  for (const auto& [plan, field] : {std::pair{&in.permanency, "permanency_owner_id"},
                                    std::pair{&in.parallel, "parallel_owner_id"}}) {
    if (plan->owner_id != 0 && !store::is_active_person(tx, plan->owner_id)) {
      return core::Error::invalid(field, "Select who is responsible from the list");
    }
  }
  for (std::size_t i = 0; i < in.actions.size(); ++i) {
    const std::int64_t owner = in.actions[i].owner_id;
    if (owner != 0 && !store::is_active_person(tx, owner)) {
      return core::Error::invalid(core::action_field(i, "owner_id"),
                                  "Select who owns the action from the list");
    }
  }
  return core::Done{};
}

store::RecordFields record_fields(const core::DecisionEntry& in,
                                  const core::CheckedDecision& checked) {
  return {in.reasons, plan_fields(in.permanency), plan_fields(in.parallel), checked.review_date};
}

nlohmann::json write_items(Tx& tx, const Services& s, const Actor& a, const HearingAt& at,
                           std::int64_t decision, std::int64_t child,
                           const std::vector<core::ItemEntry>& items) {
  const store::DecisionRecord d = stub_record(at, decision, child);
  nlohmann::json ids = nlohmann::json::array();
  for (const core::ItemEntry& item : items) {
    ids.push_back(write_item(tx, s, a, at, d, item));
  }
  return ids;
}

nlohmann::json write_actions(Tx& tx, const Services& s, const HearingAt& at, std::int64_t decision,
                             std::int64_t child, const std::vector<core::CheckedAction>& actions) {
  nlohmann::json out = nlohmann::json::array();
  for (const core::CheckedAction& act : actions) {
    const core::Date due =
        act.due_date ? *act.due_date
                     : s.calendar.add_working_days(at.sitting.date, *act.due_working_days);
    const std::int64_t id = store::add_action(tx, {.decision_id = decision,
                                                   .child_id = child,
                                                   .description = act.description,
                                                   .owner_id = act.owner_id,
                                                   .due = due,
                                                   .created_at = s.clock.now()});
    out.push_back({{"action", id}, {"owner", act.owner_id}, {"due", core::to_iso(due)}});
    queue_email(tx, s, act.owner_id, "A panel action is yours",
                at.panel->name + ": an action due " + core::long_date(due) + ". See " +
                    link(s, "/actions/" + std::to_string(id)));
  }
  return out;
}

core::Status write_correction(Tx& tx, const Services& s, const Actor& a, const HearingAt& at,
                              const store::DecisionRecord& before, const core::DecisionEntry& in,
                              const core::CheckedDecision& checked) {
  std::vector<std::string> changed = TRY(change_items(tx, s, a, at, before, in));
  const store::RecordFields after = record_fields(in, checked);
  if (after.reasons != before.reasons) {
    changed.push_back("reasons now read: " + after.reasons);
  }
  if (after.review_date != before.review_date) {
    changed.push_back("review by " +
                      (after.review_date ? core::long_date(*after.review_date) : "none"));
    if (before.review_date && after.review_date) {
      store::change_return_due(tx, before.id, after.review_date);
    } else if (after.review_date) {
      store::open_return(tx, before.id, before.child_id, at.panel->id, *after.review_date,
                         s.clock.now());
    } else {
      store::change_return_due(tx, before.id, std::nullopt);
    }
  }
  if (after.permanency.plan_id != before.permanency.plan_id ||
      after.permanency.timeframe != before.permanency.timeframe ||
      after.permanency.owner_id != before.permanency.owner_id ||
      after.parallel.plan_id != before.parallel.plan_id ||
      after.parallel.timeframe != before.parallel.timeframe ||
      after.parallel.owner_id != before.parallel.owner_id) {
    changed.push_back("the permanency and parallel plans changed");
  }
  const nlohmann::json actions =
      write_actions(tx, s, at, before.id, before.child_id, checked.actions);
  if (!actions.empty()) {
    changed.push_back(core::counted(actions.size(), "action", "actions") + " added");
  }
  if (changed.empty()) {
    return core::Done{};
  }
  store::correct_decision(tx, before.id, after, a.id, s.clock.now());
  std::string words;
  for (const std::string& c : changed) {
    words += (words.empty() ? "" : "; ") + c;
  }
  add_event(tx, s, a, before, std::nullopt, store::EventKind::correction,
            at.panel->name + ": record corrected: " + words);
  audit(tx, s, a, "decision.correct", "decision", before.id,
        {{"hearing", before.hearing_id},
         {"child", before.child_id},
         {"changes", changed},
         {"actions", actions},
         {"reasons_before", before.reasons}});
  return core::Done{};
}

std::vector<std::pair<std::string, std::string>> saved_fields(const store::DecisionRecord& d) {
  std::vector<std::pair<std::string, std::string>> f;
  for (const store::ItemRecord& it : d.items) {
    f.emplace_back("item", std::string(core::item_kind_id(it.kind)) + ":" + it.option_id);
    f.emplace_back(core::item_field(it.kind, it.option_id), it.detail);
  }
  f.emplace_back("reasons", d.reasons);
  f.emplace_back("permanency_plan", d.permanency.plan_id);
  f.emplace_back("permanency_timeframe", d.permanency.timeframe);
  f.emplace_back("permanency_owner_id",
                 d.permanency.owner_id ? std::to_string(*d.permanency.owner_id) : "");
  f.emplace_back("parallel_plan", d.parallel.plan_id);
  f.emplace_back("parallel_timeframe", d.parallel.timeframe);
  f.emplace_back("parallel_owner_id",
                 d.parallel.owner_id ? std::to_string(*d.parallel.owner_id) : "");
  f.emplace_back("review_date", d.review_date ? core::to_iso(*d.review_date) : "");
  return f;
}

void add_event(Tx& tx, const Services& s, const Actor& a, const store::DecisionRecord& d,
               std::optional<std::int64_t> item, store::EventKind kind, std::string summary) {
  store::add_event(tx, {d.child_id, d.id, item, kind, std::move(summary), a.id, s.clock.now()});
}

}  // namespace casepanel::app
