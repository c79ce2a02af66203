#include "app/drafting.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/named_id.h"
#include "app/notifications.h"
#include "app/papers.h"
#include "app/request_access.h"
#include "app/request_draft.h"
#include "app/request_submission.h"
#include "app/scope.h"
#include "core/task_list.h"
#include "store/requests.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

using store::Tx;

// Checks the children (in the actor's scope, of one team) and inserts the
// draft with them; returns its id.
core::Status may_draft(const Actor& a) {
  if (!a.may(core::Permission::draft_request)) {
    return core::Error::forbidden("You cannot make requests to panel");
  }
  return core::ok_status();
}

core::Result<const core::PanelType*> chosen_panel(const Services& s, const std::string& id) {
  const core::PanelType* panel = s.panels.find(id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  return panel;
}

// Every problem with the draft and its papers, at once.
core::Status ready_to_send(Tx& tx, const Services& s, const core::PanelType& panel,
                           const core::RequestDraft& d, std::int64_t id) {
  std::vector<core::FieldError> problems;
  if (auto ok = core::validate_draft(panel, d, today_of(s)); !ok) {
    problems = ok.error().fields;
  }
  if (auto papers = papers_ready(tx, panel, id); !papers) {
    problems.insert(problems.end(), papers.error().fields.begin(), papers.error().fields.end());
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return core::ok_status();
}

// Who last sent the draft back to its author, from its history.
core::SentBackBy sent_back_by(Tx& tx, std::int64_t id) {
  const auto last = store::last_history(tx, id);
  if (!last) {
    return core::SentBackBy::nobody;
  }
  switch (last->outcome) {
    case store::HistoryOutcome::more_information:
      return core::SentBackBy::coordinator;
    case store::HistoryOutcome::returned:
      return core::SentBackBy::approver;
    default:
      return core::SentBackBy::nobody;
  }
}

// The people who may authorise the panel's criteria (the first criterion
// that needs an authorisation names the role).
std::vector<NamedId> authorisers(Tx& tx, const core::PanelType& panel) {
  for (const core::EntryCriterion& c : panel.entry_criteria) {
    if (c.authorisation_by) {
      return named(store::role_holders(tx, *c.authorisation_by));
    }
  }
  return {};
}

// The ids of the panel's criteria that the record can bear out.
std::vector<std::string> criteria_counting_months(const core::PanelType& panel) {
  std::vector<std::string> out;
  for (const core::EntryCriterion& c : panel.entry_criteria) {
    if (c.after_months) {
      out.push_back(c.id);
    }
  }
  return out;
}

}  // namespace

core::Result<std::int64_t> insert_draft(Tx& tx, const Services& s, const Actor& a,
                                        const std::string& panel_id,
                                        const std::vector<std::int64_t>& child_ids) {
  if (child_ids.empty()) {
    return core::Error::invalid("children", "Select at least one child");
  }
  for (std::int64_t child : child_ids) {
    if (!may_child(tx, s, a, child, core::Use::read)) {
      return core::Error::not_found();
    }
  }
  const std::vector<std::int64_t> teams = store::teams_of_children(tx, child_ids);
  if (teams.size() != child_ids.size()) {
    return core::Error::not_found();
  }
  for (std::int64_t team : teams) {
    if (team != teams.front()) {
      return core::Error::invalid("children", "Children in one request must share a team");
    }
  }
  return store::insert_request(tx, {panel_id, a.id, teams.front(), child_ids}, s.clock.now());
}

core::Result<std::int64_t> start_request(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::vector<std::int64_t>& child_ids) {
  TRY(may_draft(a));
  TRY(chosen_panel(s, panel_id));
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    const std::int64_t id = TRY(insert_draft(tx, s, a, panel_id, child_ids));
    audit(tx, s, a, "request.create", "request", id,
          {{"panel", panel_id}, {"children", child_ids}});
    return id;
  });
}

core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft) {
  TRY(may_draft(a));
  const core::PanelType* panel = TRY(chosen_panel(s, draft.panel_id));
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    core::RequestDraft checked = with_authoriser_roles(tx, *panel, draft);
    checked.children = static_cast<int>(child_ids.size());
    checked.children_on_record = children_on_record(tx, child_ids);
    TRY(core::validate_draft(*panel, checked, today_of(s)));
    const std::int64_t id = TRY(insert_draft(tx, s, a, draft.panel_id, child_ids));
    std::vector<std::string> saved;
    for (core::Section section : core::kEditableSections) {
      if (core::panel_has_section(*panel, section)) {
        write_section(tx, s, a, *panel, id, section, checked, saved);
      }
    }
    audit(tx, s, a, "request.create", "request", id,
          {{"panel", draft.panel_id},
           {"request_type", draft.request_type},
           {"criteria", draft.criteria},
           {"children", child_ids}});
    return id;
  });
}

core::Result<DraftView> draft_for_edit(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.read<DraftView>([&](Tx& tx) -> core::Result<DraftView> {
    const store::RequestRecord r = TRY(own_draft(tx, s, a, request_id, DraftUse::change));
    DraftView v;
    v.id = request_id;
    v.panel = TRY(panel_of(s, r));
    v.draft = draft_of(tx, r);
    for (const store::RequestChild& c : store::request_children(tx, request_id)) {
      v.children.push_back({c.id, c.name});
      if (v.first_child_came_into_care.empty() && c.came_into_care) {
        v.first_child_came_into_care = core::to_iso(*c.came_into_care);
      }
    }
    v.authorisers = authorisers(tx, *v.panel);
    v.claims_against_record = core::claims_against_record(
        *v.panel, criteria_counting_months(*v.panel), v.draft.children_on_record, today_of(s));
    return v;
  });
}

core::Status save_section(Services& s, const Actor& a, std::int64_t request_id,
                          core::Section section, const core::RequestDraft& input) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    store::RequestRecord r = TRY(own_draft(tx, s, a, request_id, DraftUse::change));
    const core::PanelType* panel = s.panels.find(r.panel_id);
    if (panel == nullptr || !core::panel_has_section(*panel, section) ||
        section == core::Section::children) {
      return core::Error::not_found();
    }
    const core::RequestDraft before = draft_of(tx, r);
    core::RequestDraft d = before;
    take_section(d, section, input);
    d = with_authoriser_roles(tx, *panel, std::move(d));
    TRY(core::validate_section(*panel, d, today_of(s), section));
    write_section(tx, s, a, *panel, request_id, section, d, r.sections_done);
    audit(tx, s, a, "request.update", "request", request_id,
          {{"section", std::string(core::section_id(section))},
           {"changes", draft_changes(before, d)}});
    return core::Done{};
  });
}

core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const store::RequestRecord r = TRY(own_draft(tx, s, a, request_id, DraftUse::send));
    const core::PanelType* panel = TRY(panel_of(s, r));
    TRY(ready_to_send(tx, s, *panel, with_authoriser_roles(tx, *panel, draft_of(tx, r)),
                      request_id));
    const core::RequestState next =
        TRY(core::next_state(r.state, core::send_event(*panel, sent_back_by(tx, request_id))));
    if (next == core::RequestState::submitted) {
      submit(tx, s, *panel, r);
    } else {
      store::set_request_state(tx, request_id, next, 0, s.clock.now());
    }
    audit(tx, s, a, "request.send", "request", request_id,
          {{"state", std::string(core::state_id(next))}});
    if (next == core::RequestState::awaiting_approval) {
      notify_approvers(tx, s, *panel, r, 0);
    }
    return core::Done{};
  });
}

}  // namespace casepanel::app
