// Reading the request side of a panel file: identity, role titles, the
// request form, request types, entry criteria (with their watch rules),
// approval steps, documents, the submission deadline and consultations.
#include <algorithm>
#include <array>
#include <string>

#include "core/access.h"
#include "core/panel_toml.h"

namespace casepanel::core::panel_toml {

namespace {

constexpr std::array<std::string_view, 3> kMonthsFrom = {"case_open", "child_protection_plan_start",
                                                         "came_into_care"};

void read_watch(TableReader& r, EntryCriterion& c) {
  bool has_months = r.integer("after_months", c.after_months);
  require_positive(r, "after_months", c.after_months.value_or(0), has_months);
  bool has_from = r.text("months_from", c.months_from, Need::optional);
  if (has_from &&
      std::find(kMonthsFrom.begin(), kMonthsFrom.end(), c.months_from) == kMonthsFrom.end()) {
    r.problem("months_from", quoted(c.months_from) +
                                 " is not allowed: use case_open, child_protection_plan_start "
                                 "or came_into_care");
  }
  if (has_months != has_from) {
    r.problem(has_months ? "after_months" : "months_from",
              "after_months and months_from go together: give both or neither");
  }
  r.text("team", c.team, Need::optional);
  r.role("considered_by", c.considered_by);
}

}  // namespace

void read_identity(TableReader& r, PanelType& p) {
  r.id("id", p.id, Need::required);
  p.id_line = r.line_of_key("id");
  r.text("name", p.name, Need::required);
  r.text("council", p.council, Need::required);
  r.text("description", p.description, Need::optional);
}

// [requests]: what the request form asks and who receives it.
void read_requests(TableReader& root, PanelType& p) {
  root.with_table("requests", Need::optional, [&](TableReader& r) {
    std::string selection;
    if (r.text("selection", selection, Need::optional)) {
      if (selection == "one" || selection == "many") {
        p.request_type_selection = selection == "one" ? Selection::one : Selection::many;
        p.selection_given = true;
      } else {
        r.problem("selection", quoted(selection) + " is not allowed: use \"one\" or \"many\"");
      }
    }
    r.flag("asks_venue_preference", p.asks_venue_preference);
    r.flag("asks_conference_call", p.asks_conference_call);
    p.submitted_to = r.roles("submitted_to");
  });
}

// The keys of [role_titles] are role ids, so they are checked here rather
// than as fixed keys.
void read_role_titles(TableReader& root, PanelType& p) {
  root.with_table("role_titles", Need::optional, [&](TableReader& r) {
    r.accept_all_keys();
    for (Role role : kAllRoles) {
      std::string title;
      if (r.has(role_id(role)) && r.text(role_id(role), title, Need::required)) {
        p.role_titles.emplace_back(role, title);
      }
    }
    for (auto&& [key, value] : r.table()) {
      if (!role_from_id(key.str())) {
        r.problem(key.str(),
                  "unknown role " + quoted(key.str()) + ": use one of " + all_role_ids());
      }
    }
  });
}

void read_request_types(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("request_types", [&](TableReader& r) {
    RequestType t;
    read_choice(r, t, ids);
    r.flag("needs_parallel_plan", t.needs_parallel_plan);
    if (r.integer("heard_within_working_days", t.heard_within_working_days)) {
      require_positive(r, "heard_within_working_days", *t.heard_within_working_days, true);
    }
    p.request_types.push_back(std::move(t));
  });
}

void read_entry_criteria(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("entry_criteria", [&](TableReader& r) {
    EntryCriterion c;
    read_choice(r, c, ids);
    r.flag("additional", c.additional);
    r.role("authorisation_by", c.authorisation_by);
    r.flag("must_go_to_next_sitting", c.must_go_to_next_sitting);
    read_watch(r, c);
    p.entry_criteria.push_back(std::move(c));
  });
}

void read_approval_steps(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("approval_steps", [&](TableReader& r) {
    ApprovalStep s{.id = {}, .role = Role::practice_manager, .label = {}};
    if (r.id("id", s.id, Need::required)) {
      ids.add(r, s.id);
    }
    r.role("role", s.role, Need::required);
    r.text("label", s.label, Need::required);
    r.flag("records_three_way_discussion", s.records_three_way_discussion);
    p.approval_steps.push_back(std::move(s));
  });
}

void read_documents(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("documents", [&](TableReader& r) {
    DocumentRequirement d;
    read_choice(r, d, ids);
    r.flag("reason_required_if_missing", d.reason_required_if_missing);
    r.flag("required", d.required);
    p.documents.push_back(std::move(d));
  });
}

void read_deadline(TableReader& root, PanelType& p) {
  root.with_table("deadline", Need::optional, [&](TableReader& r) {
    SubmissionDeadline& d = p.deadline;
    std::string kind;
    r.text("kind", kind, Need::required);
    bool has_day = r.weekday("weekday", d.weekday, Need::optional);
    bool has_time = r.time("time", d.time, Need::optional);
    r.role("late_acceptance_by", d.late_acceptance_by);
    if (kind == "none") {
      d.kind = DeadlineKind::none;
      for (std::string_view key : {"weekday", "time", "late_acceptance_by"}) {
        if (r.has(key)) {
          r.problem(key, "only used when kind is \"weekday_before_sitting\"");
        }
      }
    } else if (kind == "weekday_before_sitting") {
      d.kind = DeadlineKind::weekday_before_sitting;
      if (!has_day && !r.has("weekday")) {
        r.problem("weekday", "required field is missing (kind is \"weekday_before_sitting\")");
      }
      if (!has_time && !r.has("time")) {
        r.problem("time", "required field is missing (kind is \"weekday_before_sitting\")");
      }
    } else if (!kind.empty()) {
      r.problem("kind",
                quoted(kind) + " is not allowed: use \"none\" or \"weekday_before_sitting\"");
    }
  });
}

namespace {

// `seat`: one of the panel's seats, whose people are consulted; `role` is
// then theirs, so giving both would leave one of them unused. Whoever is
// consulted must be someone the access policy lets answer a referral.
void read_consulted_seat(TableReader& r, const PanelType& p, Consultation& c, bool has_role) {
  if (r.id("seat", c.seat, Need::optional)) {
    const Member* seat = p.seat(c.seat);
    if (seat == nullptr) {
      r.problem("seat", "unknown seat " + quoted(c.seat) +
                            ": use the id of one of the panel's [[members]] (made from its "
                            "label when it has no `id`)");
      return;
    }
    if (has_role) {
      r.problem("role", "a consultation with a `seat` is made to the seat's people: remove `role`");
    }
    c.role = seat->role;
  }
  if (!may(Roles{c.role}, Permission::answer_consultation)) {
    r.problem(c.seat.empty() ? "role" : "seat", "a " + std::string(role_id(c.role)) +
                                                    " cannot be consulted: name a seat or role " +
                                                    "held by a panel member, chair or manager");
  }
}

}  // namespace

// Read after [[members]], whose seats a consultation names.
void read_consultations(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("consultations", [&](TableReader& r) {
    Consultation c;
    read_choice(r, c, ids);
    const bool has_role = r.role("role", c.role, Need::optional);
    read_consulted_seat(r, p, c, has_role);
    r.text("with", c.with, Need::required);
    if (r.integer("siblings_at_least", c.siblings_at_least)) {
      require_positive(r, "siblings_at_least", *c.siblings_at_least, true);
    }
    p.consultations.push_back(std::move(c));
  });
}

}  // namespace casepanel::core::panel_toml
