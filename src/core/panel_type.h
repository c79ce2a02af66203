// PanelType: one kind of panel (the CLAM Panel, the Support Panel, ...) as a
// council configures it in config/panels/*.toml. Everything that differs
// between panels lives here, so a third council adds its panel by writing a
// file, not code. See docs/panel-configuration.md for the file format.
//
// PanelType::create parses and validates the TOML text (core/panel_toml*.cc);
// it never reads files (store/ does). A PanelType is immutable: safe to share
// between threads. Roles are in core/role.h.
//
// Not every rule a panel file declares is acted on yet: the fields marked
// "Not yet acted on" below are read and validated (`casepanel check-config`
// reports their problems), but no code outside core/ uses them yet.
// Issue 12 (the panel day) and issue 13 (after panel) will.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/role.h"

namespace casepanel::core {

// "Tuesday" for std::chrono::Tuesday: how a weekday is written in a panel file.
std::string_view weekday_name(std::chrono::weekday d);

// An option a form offers: a request type, an entry criterion, a decision ...
struct Choice {
  std::string id;
  std::string label;
  std::string hint;  // may be empty
};

struct RequestType : Choice {
  bool needs_parallel_plan = false;
  // Statutory: must be heard within this many working days of the child's
  // date of coming into care (CLAM: emergency retrospective review, 7).
  std::optional<int> heard_within_working_days;
  bool statutory() const { return heard_within_working_days.has_value(); }
};

struct EntryCriterion : Choice {
  bool additional = false;  // Support Panel 2.2 rather than 2.1
  // Needs a manager's authorisation recorded before the request (2.2:
  // immediate legal advice, proceedings or accommodation -> Service Manager).
  std::optional<Role> authorisation_by;
  bool must_go_to_next_sitting = false;
  // Criteria that a watch list can find without anyone asking: met once
  // `after_months` months have passed since `months_from` ("case_open",
  // "child_protection_plan_start" or "came_into_care"). Support Panel 2.1:
  // a Child Protection Plan for more than 18 months; 2.2: open to FAST for
  // more than 9 months.
  std::optional<int> after_months;
  std::string months_from;
  std::string team;  // only cases open to this team (2.2: "FAST"); empty: any team
  // Who must consider such cases for panel and record the discussion
  // (Support Panel 2.2: the FAST Team Manager). The watch list names them,
  // and only a holder of the role records the discussion; unset, any manager
  // of the child's line may.
  std::optional<Role> considered_by;
};

struct ApprovalStep {
  std::string id;                             // "quality_assurance"
  Role role;                                  // who approves this step
  std::string label;                          // "Practice Manager quality-assures and approves"
  bool records_three_way_discussion = false;  // CLAM: date, PM and GM of the 3-way discussion
};

struct DocumentRequirement : Choice {
  // A missing document needs a reason on the form ("not provided because").
  bool reason_required_if_missing = true;
  // The request cannot be submitted without it (CLAM: the written referral).
  bool required = false;
};

enum class DeadlineKind { none, weekday_before_sitting };
struct SubmissionDeadline {
  DeadlineKind kind = DeadlineKind::none;
  std::chrono::weekday weekday{};  // Support Panel: Thursday
  LocalTime time{};                // 16:00 Europe/London
  // A late request may be accepted by this role with a recorded reason;
  // with no role named, nobody may (it goes to the next sitting).
  std::optional<Role> late_acceptance_by;
  bool may_accept_late(const std::set<Role>& roles) const {
    return late_acceptance_by && roles.count(*late_acceptance_by) > 0;
  }
};

struct Venue {
  std::string id;       // "chn"
  std::string code;     // "CHN"
  std::string name;     // "Horsham"
  std::string address;  // in calendar invitations (LOCATION) and email, when set
};

struct Schedule {
  std::chrono::weekday weekday{};
  LocalTime start{};
  LocalTime end{};
  int every_weeks = 1;
  std::vector<std::string> venue_rotation;  // venue ids, one per sitting in turn
  Date rotation_anchor{};                   // a sitting date held at venue_rotation[0]
};

struct DecisionOption : Choice {
  // The panel only recommends; the final decision is made by this role (CLAM:
  // permanence ratified by the Panel Chair).
  std::optional<Role> final_decision_by;
};

// A timescale. One that a decision starts (applies_to, counted from the
// hearing: Support Panel 6.1's FGC referral within 5 working days) is
// tracked after panel like an action, due on its last working day, and
// closed by recording when it was met (core/follow_up.h). Those counted
// from coming into care or from the request are measured by the annual
// review (issue 16).
struct Timescale : Choice {
  int working_days = 0;
  std::string from;        // the event counted from: "came_into_care", "hearing" ...
  std::string applies_to;  // a decision or outcome id that starts it; "" for none
  // Who records that it was met (the FGC referral received); unset: whoever
  // owns it (the request's author).
  std::optional<Role> recorded_by;
};

// A ladder climbed by the escalation job (core/follow_up.h, jobs/escalations.h).
struct EscalationStep {
  int after_working_days = 0;
  Role role;
  std::string label;
};
struct EscalationLadder : Choice {
  std::string applies_to;  // an outcome or decision id, or "any_action"
  // What after_working_days counts from: "hearing" (the panel sitting, as in
  // Support Panel 6.1) or "action_due" (the due date of the action).
  std::string from;
  std::vector<EscalationStep> steps;
};

// A seat on the panel: an administrator assigns people to it (a holder and
// deputies); a sitting expects its holders.
struct Member {
  std::string id;  // the seat's id: `id` in the file, else made from the label
  Role role;
  std::string label;  // "Fostering Team Manager or delegated PS"
  bool required = true;
  // Attends as relevant to the case (Support Panel 4.1: the Youth Offending
  // Service): invited per hearing when the coordinator says so.
  bool as_relevant = false;
  // Whether the seat counts towards the quorum: by default every seat but the
  // note taker's (panel_admin) and the coordinator's.
  bool counts_to_quorum = true;
};

// [permanency]: the permanency plan and parallel plan a decision record asks
// for (CLAM: return home, placement with others under a Special Guardianship
// Order, long-term fostering), each with a timeframe and who is responsible.
// A panel without it asks for neither.
struct Permanency {
  std::vector<Choice> plans;
  bool parallel_plan = true;       // asks for a parallel plan as well
  std::string parallel_plan_hint;  // shown under the parallel plan question
  bool asked() const { return !plans.empty(); }
};

struct ChairRules {
  Role role = Role::chair;
  bool independent_of_line_management = false;  // Support Panel 4.1
  // Support Panel 7: a disagreement at panel goes to this role (the Assistant
  // Director), who records the outcome agreed with the chair
  // (app/recommendations.h).
  std::optional<Role> disagreement_to;
};

// Who is expected at a hearing and who presents (CLAM: the Practice Manager
// and the allocated social worker; Support Panel 6: the social worker presents,
// or their supervisor if they cannot attend).
struct HearingRules {
  std::vector<Role> attendees;
  // presented_by and presenter_if_absent: not yet acted on (attendees are);
  // issue 12 (the panel day) will.
  Role presented_by = Role::social_worker;
  std::optional<Role> presenter_if_absent;
};

// How a decision or outcome brings the child back to panel ([after_panel]):
// its review date opens a return (app/returns.h).
struct ReturnToPanel {
  std::string applies_to;  // the outcome or decision id that sets a return; empty: none
  // Support Panel 6: if positive progress is recorded, an update to this role
  // (the chair) replaces attending panel again.
  std::optional<Role> progress_update_to;
};

// Advice a practitioner can seek before panel (CLAM: the Permanency Planning
// Co-ordinator, for children with more complex needs or large sibling groups).
// A referral is made to the people in `seat` (its holders and deputies); a
// consultation that names no seat is made to everyone holding `role`.
struct Consultation : Choice {
  Role role = Role::member;              // the seat's role when a seat is named
  std::string seat;                      // a [[members]] seat's id; empty: everyone with `role`
  std::string with;                      // "Permanency Planning Co-ordinator"
  std::optional<int> siblings_at_least;  // suggest it for sibling groups this large
};

enum class Selection { one, many };

struct PanelType {
  std::string id;  // "clam"
  std::string name;
  std::string council;
  std::string description;  // shown where a panel is chosen (the new request page)
  std::string source;       // where it was loaded from, for messages
  int id_line = 0;          // the line of `id` in source, for messages
  std::vector<std::pair<Role, std::string>> role_titles;  // panel's own titles

  // How many entry criteria a request ticks ([requests] selection): radios
  // for `one`, checkboxes for `many`. A request always names one request type,
  // so a panel with [[request_types]] may only say `one`. Unset: `one` for
  // request types, `many` for entry criteria.
  Selection request_type_selection = Selection::one;
  bool selection_given = false;
  std::vector<RequestType> request_types;      // CLAM's nine; may be empty
  std::vector<EntryCriterion> entry_criteria;  // Support's 2.1 and 2.2; may be empty
  std::vector<ApprovalStep> approval_steps;
  std::vector<DocumentRequirement> documents;
  bool asks_venue_preference = false;
  bool asks_conference_call = true;
  SubmissionDeadline deadline;
  // Who receives a submitted request (CLAM: the CLAM coordinator and the CLA
  // Panel Admin; Support Panel 6: the Panel Administrator).
  std::vector<Role> submitted_to;
  std::vector<Consultation> consultations;

  std::vector<Venue> venues;
  Schedule schedule;
  int slot_minutes = 15;
  int extra_minutes_per_sibling = 15;
  HearingRules hearing;

  std::vector<DecisionOption> decisions;
  std::vector<Choice> outcomes;  // Support Panel 6: "one or more of the following"
  Permanency permanency;
  std::vector<Timescale> timescales;
  std::vector<EscalationLadder> escalations;
  ReturnToPanel return_to_panel;
  // Support Panel 6.1: a change of plan after panel needs this role's
  // approval (app/plan_changes.h); unset: no change of plan is offered.
  std::optional<Role> change_of_plan_approval_by;
  std::vector<Member> members;
  int quorum = 0;
  ChairRules chair;

  // Parse and validate one panel file. `source` names it in problems.
  struct Problem {
    std::string source;
    int line = 0;       // 0 when not known
    std::string field;  // dotted path, e.g. "approval_steps[1].role"
    std::string message;
    // "FILE:LINE: FIELD: MESSAGE"; ":LINE" and "FIELD: " are left out when
    // there is none (a missing top-level field, a TOML syntax error).
    std::string to_string() const;
  };
  struct Loaded;
  static Loaded create(std::string_view toml_text, std::string_view source);

  std::string title_of(Role r) const;  // panel's title, else the generic one
  const RequestType* request_type(std::string_view id) const;
  const EntryCriterion* entry_criterion(std::string_view id) const;
  const DecisionOption* decision(std::string_view id) const;
  const Choice* outcome(std::string_view id) const;
  // A decision by that id, else an outcome (return_to_panel, escalations'
  // applies_to name either).
  const Choice* decision_or_outcome(std::string_view id) const;
  const Choice* permanency_plan(std::string_view id) const;
  const Member* seat(std::string_view id) const;
  // Whether recording this decision or outcome brings the child back to
  // panel ([after_panel] return_to_panel), so that a review date is required.
  bool returns_to_panel(std::string_view decision_or_outcome_id) const;
  const Venue* venue(std::string_view id) const;
  // Minutes a hearing of `children` children takes.
  int hearing_minutes(int children) const;
};

struct PanelType::Loaded {
  std::optional<PanelType> panel;  // set when problems is empty
  std::vector<Problem> problems;
};

}  // namespace casepanel::core
