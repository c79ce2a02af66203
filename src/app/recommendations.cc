#include "app/recommendations.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/decision_writes.h"
#include "app/display.h"
#include "app/members.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/sittings.h"
#include "store/decisions.h"
#include "store/disagreements.h"
#include "store/minutes.h"
#include "store/requests.h"

namespace casepanel::app {
namespace {

using store::Tx;

// An item with its hearing, sitting and panel.
struct ItemPlace {
  store::ItemAt at;
  HearingAt place;
};

core::Result<ItemPlace> item_place(Tx& tx, const Services& s, std::int64_t item_id) {
  auto at = store::find_item(tx, item_id);
  auto h = at ? store::find_hearing(tx, at->record.hearing_id) : std::nullopt;
  auto m = h ? store::find_sitting(tx, h->sitting_id) : std::nullopt;
  const core::PanelType* panel = m ? s.panels.find(m->panel_id) : nullptr;
  if (!m || panel == nullptr) {
    return core::Error::not_found();
  }
  return ItemPlace{std::move(*at), {*h, *m, panel}};
}

// Whether the actor is the person to decide for `role` at this hearing.
bool is_decider(Tx& tx, const Actor& a, const HearingAt& at, core::Role role) {
  if (!a.has(role)) {
    return false;
  }
  const std::vector<std::int64_t> people = deciders(tx, at, role);
  return std::find(people.begin(), people.end(), a.id) != people.end();
}

ItemForm form_of(Tx& tx, const Services& s, const ItemPlace& p, core::Role decider) {
  ItemForm f;
  f.item_id = p.at.item.id;
  f.item_label = item_label(s, p.place.panel->id, p.at.item.kind, p.at.item.option_id);
  f.item_detail = p.at.item.detail;
  f.decider = p.place.panel->title_of(decider);
  if (auto d = store::find_decision(tx, p.at.record.id)) {
    f.record = record_view(s, *d);
  }
  return f;
}

// The case's social worker (the request's author) hears of the outcome, and
// reads it on the request: email is not a safe channel for a child's details.
void tell_author(Tx& tx, const Services& s, const ItemPlace& p, const std::string& subject) {
  if (auto r = store::find_request(tx, p.at.request_id)) {
    queue_email(tx, s, r->author_id, subject,
                p.place.panel->name + ": " + subject + ". See " +
                    link(s, "/requests/" + std::to_string(r->id)));
  }
}

core::Result<ItemPlace> awaiting_me(Tx& tx, const Services& s, const Actor& a,
                                    std::int64_t item_id) {
  ItemPlace p = TRY(item_place(tx, s, item_id));
  const auto role = p.at.item.final_role;
  if (!role || !is_decider(tx, a, p.place, *role)) {
    return core::Error::not_found();
  }
  if (p.at.item.final_status != core::FinalStatus::awaiting) {
    return core::Error::conflict("The final decision on this recommendation is already made");
  }
  return p;
}

bool is_sitting_member(Tx& tx, const Services& s, const Actor& a,
                       const store::SittingRecord& sitting) {
  for (const SittingMember& m : sitting_members(tx, s, sitting)) {
    if (m.user_id == a.id &&
        (m.attendance == core::Attendance::expected || core::attends(m.attendance))) {
      return true;
    }
  }
  return false;
}

// Who the actor is at the sitting, for a disagreement: its note taker, one of
// its members, or neither.
DisagreeAs standing_at(Tx& tx, const Services& s, const Actor& a,
                       const store::SittingRecord& sitting, const core::PanelType& panel) {
  if (a.may(core::Permission::record_decision) &&
      may_sitting(tx, s, a, sitting.id, panel.id, core::Resource::decision, core::Use::change)) {
    return DisagreeAs::note_taker;
  }
  return is_sitting_member(tx, s, a, sitting) ? DisagreeAs::member : DisagreeAs::nobody;
}

struct Disagreeing {
  ItemPlace p;
  DisagreeAs as = DisagreeAs::nobody;
};

core::Result<Disagreeing> disagreeable(Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t item_id) {
  ItemPlace p = TRY(item_place(tx, s, item_id));
  const HearingAt& at = p.place;
  const DisagreeAs as = at.panel->chair.disagreement_to
                            ? standing_at(tx, s, a, at.sitting, *at.panel)
                            : DisagreeAs::nobody;
  if (as == DisagreeAs::nobody) {
    return core::Error::not_found();
  }
  if (store::minutes_authorised(tx, at.sitting.id)) {
    return core::Error::conflict("The minutes of this sitting are authorised: add an addendum");
  }
  return Disagreeing{std::move(p), as};
}

struct DisagreementPlace {
  store::DisagreementRef ref;
  ItemPlace item;
};

core::Result<DisagreementPlace> resolvable(Tx& tx, const Services& s, const Actor& a,
                                           std::int64_t disagreement_id) {
  auto ref = store::find_disagreement(tx, disagreement_id);
  if (!ref || !a.has(ref->resolve_role)) {
    return core::Error::not_found();
  }
  ItemPlace p = TRY(item_place(tx, s, ref->item_id));
  if (!ref->open) {
    return core::Error::conflict("The agreed outcome of this disagreement is already recorded");
  }
  return DisagreementPlace{*ref, std::move(p)};
}

OpenDecision open_item(const Services& s, const store::ItemAt& at, std::string href) {
  const core::PanelType* panel = s.panels.find(at.record.panel_id);
  return {
      at.item.id, at.record.child,
      item_label(s, at.record.panel_id, at.item.kind, at.item.option_id),
      (panel ? panel->name : at.record.panel_id) + ", " + core::long_date(at.record.sitting_date),
      std::move(href)};
}

}  // namespace

DisagreeAs disagree_as(Tx& tx, const Services& s, const Actor& a,
                       const store::SittingRecord& sitting, const core::PanelType& panel) {
  if (!panel.chair.disagreement_to || store::minutes_authorised(tx, sitting.id)) {
    return DisagreeAs::nobody;
  }
  return standing_at(tx, s, a, sitting, panel);
}

core::Result<ItemForm> final_decision_form(Services& s, const Actor& a, std::int64_t item_id) {
  return s.db.write<ItemForm>([&](Tx& tx) -> core::Result<ItemForm> {
    const ItemPlace p = TRY(awaiting_me(tx, s, a, item_id));
    audit(tx, s, a, "decision.view", "decision", p.at.record.id, {{"item", item_id}});
    return form_of(tx, s, p, *p.at.item.final_role);
  });
}

core::Status record_final_decision(Services& s, const Actor& a, std::int64_t item_id,
                                   const core::FinalEntry& entry) {
  TRY(core::check_final_decision(entry));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const ItemPlace p = TRY(awaiting_me(tx, s, a, item_id));
    const core::FinalStatus status =
        entry.agree ? core::FinalStatus::agreed : core::FinalStatus::otherwise;
    if (!store::set_final_decision(tx, item_id,
                                   {status, entry.decided, entry.reasons, a.id, s.clock.now()})) {
      return core::Error::conflict("The final decision on this recommendation is already made");
    }
    const std::string title = p.place.panel->title_of(*p.at.item.final_role);
    const std::string label = item_label(s, p.place.panel->id, p.at.item.kind, p.at.item.option_id);
    const std::string words =
        p.place.panel->name + ": final decision by the " + title + ", " + a.name + ", on " + label +
        ": " + (entry.agree ? "agreed as recommended" : "decided otherwise: " + entry.decided) +
        ". Reasons: " + entry.reasons;
    add_event(tx, s, a, p.at.record, item_id, store::EventKind::final_decision, words);
    audit(tx, s, a, "decision.final", "decision", p.at.record.id,
          {{"item", item_id},
           {"child", p.at.record.child_id},
           {"outcome", std::string(core::final_status_id(status))}});
    tell_author(tx, s, p, "The final decision on a recommendation is made");
    return core::Done{};
  });
}

core::Result<ItemForm> disagreement_form(Services& s, const Actor& a, std::int64_t item_id) {
  return s.db.write<ItemForm>([&](Tx& tx) -> core::Result<ItemForm> {
    const Disagreeing d = TRY(disagreeable(tx, s, a, item_id));
    const ItemPlace& p = d.p;
    ItemForm f = form_of(tx, s, p, *p.place.panel->chair.disagreement_to);
    f.own = d.as == DisagreeAs::member;
    for (const SittingMember& m : sitting_members(tx, s, p.place.sitting)) {
      if (!f.own || m.user_id == a.id) {
        f.members.push_back({m.user_id, m.name});
      }
    }
    audit(tx, s, a, "decision.view", "decision", p.at.record.id, {{"item", item_id}});
    return f;
  });
}

core::Status record_disagreement(Services& s, const Actor& a, std::int64_t item_id,
                                 const DisagreementEntry& entry) {
  std::vector<core::FieldError> problems;
  if (entry.member_id == 0) {
    problems.push_back({"member_id", "Select the member who disagrees"});
  }
  if (blank(entry.why)) {
    problems.push_back({"why", "Enter the point of disagreement and why"});
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const Disagreeing d = TRY(disagreeable(tx, s, a, item_id));
    const ItemPlace& p = d.p;
    if (d.as == DisagreeAs::member && entry.member_id != a.id) {
      return core::Error::invalid("member_id", "You may record only your own disagreement");
    }
    bool member = false;
    for (const SittingMember& m : sitting_members(tx, s, p.place.sitting)) {
      member = member || m.user_id == entry.member_id;
    }
    if (!member) {
      return core::Error::invalid("member_id", "Select a member of this sitting");
    }
    const core::Role to = *p.place.panel->chair.disagreement_to;
    const std::int64_t id =
        store::add_disagreement(tx, {item_id, entry.member_id, entry.why, a.id, s.clock.now(), to});
    audit(tx, s, a, "decision.disagree", "decision", p.at.record.id,
          {{"item", item_id}, {"disagreement", id}, {"member", entry.member_id}});
    for (std::int64_t person : deciders(tx, p.place, to)) {
      queue_email(tx, s, person, "A panel disagreement needs an agreed outcome",
                  "Members of the " + p.place.panel->name + " on " +
                      core::long_date(p.place.sitting.date) +
                      " could not agree. Record the agreed outcome from your home page.");
    }
    return core::Done{};
  });
}

core::Result<ItemForm> resolution_form(Services& s, const Actor& a, std::int64_t disagreement_id) {
  return s.db.write<ItemForm>([&](Tx& tx) -> core::Result<ItemForm> {
    const DisagreementPlace d = TRY(resolvable(tx, s, a, disagreement_id));
    audit(tx, s, a, "decision.view", "decision", d.item.at.record.id,
          {{"disagreement", disagreement_id}});
    return form_of(tx, s, d.item, d.ref.resolve_role);
  });
}

core::Status resolve_disagreement(Services& s, const Actor& a, std::int64_t disagreement_id,
                                  const ResolutionEntry& entry) {
  std::vector<core::FieldError> problems;
  if (blank(entry.agreed_outcome)) {
    problems.push_back({"agreed_outcome", "Enter the outcome agreed with the chair"});
  }
  if (blank(entry.reasons)) {
    problems.push_back({"reasons", "Enter the reasons for the agreed outcome"});
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const DisagreementPlace d = TRY(resolvable(tx, s, a, disagreement_id));
    if (!store::resolve_disagreement(tx, disagreement_id,
                                     {entry.agreed_outcome, entry.reasons, a.id, s.clock.now()})) {
      return core::Error::conflict("The agreed outcome of this disagreement is already recorded");
    }
    const ItemPlace& p = d.item;
    const std::string words =
        p.place.panel->name + ": agreed outcome, with the " +
        p.place.panel->title_of(d.ref.resolve_role) + " " + a.name + ", on " +
        item_label(s, p.place.panel->id, p.at.item.kind, p.at.item.option_id) + ": " +
        entry.agreed_outcome + ". Reasons: " + entry.reasons;
    add_event(tx, s, a, p.at.record, p.at.item.id, store::EventKind::agreed_outcome, words);
    audit(tx, s, a, "decision.resolve", "decision", p.at.record.id,
          {{"disagreement", disagreement_id}, {"child", p.at.record.child_id}});
    tell_author(tx, s, p, "The agreed outcome of a disagreement is recorded");
    return core::Done{};
  });
}

OpenDecisions open_decisions(Services& s, const Actor& a) {
  OpenDecisions out;
  s.db.read_all([&](Tx& tx) {
    for (const core::Role role : a.roles) {
      for (const store::ItemAt& at : store::awaiting_final_decision(tx, role, {})) {
        auto place = item_place(tx, s, at.item.id);
        if (place && is_decider(tx, a, place->place, role)) {
          out.final_decisions.push_back(
              open_item(s, at, "/decision-items/" + std::to_string(at.item.id) + "/final"));
        }
      }
      for (const auto& [id, item] : store::open_disagreements(tx, role)) {
        if (auto at = store::find_item(tx, item)) {
          OpenDecision d = open_item(s, *at, "/disagreements/" + std::to_string(id) + "/resolve");
          d.id = id;
          out.disagreements.push_back(std::move(d));
        }
      }
    }
  });
  return out;
}

}  // namespace casepanel::app
