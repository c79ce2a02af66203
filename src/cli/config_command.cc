// `casepanel check-config FILE...`: checks panel files before a council puts
// them live. Each FILE is a panel file or a directory of them. When every
// file is a valid panel and the panel ids differ, it prints a one-screen
// summary of each panel in plain words (so an officer can see the file says
// what the procedure says) and exits 0. Otherwise it prints one line per
// problem to standard error, "FILE:LINE: FIELD: MESSAGE", and exits 1.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/counted.h"
#include "core/panel_type.h"
#include "store/panel_files.h"

namespace casepanel::cli {
namespace {

using core::PanelType;
using core::Role;

// Joins the pieces with a separator.
std::string joined(const std::vector<std::string>& pieces, std::string_view separator) {
  std::string out;
  for (const std::string& piece : pieces) {
    out += (out.empty() ? "" : std::string(separator)) + piece;
  }
  return out;
}

std::string titles(const PanelType& p, const std::vector<Role>& roles) {
  std::vector<std::string> names;
  for (Role r : roles) {
    names.push_back(p.title_of(r));
  }
  return roles.empty() ? "nobody named" : joined(names, ", ");
}

// One labelled line; continuation lines are indented to match.
void line(std::ostream& out, std::string_view label, const std::string& text) {
  out << "  " << label << std::string(label.size() < 16 ? 16 - label.size() : 1, ' ') << text
      << "\n";
}

std::string request_types_in_words(const PanelType& p) {
  std::string text =
      std::to_string(p.request_types.size()) +
      (p.request_type_selection == core::Selection::one ? ", choose one" : ", tick all that apply");
  for (const core::RequestType& t : p.request_types) {
    if (t.statutory()) {
      text += "; statutory: " + t.id + " heard within " +
              std::to_string(*t.heard_within_working_days) + " working days of coming into care";
    }
  }
  return text;
}

std::string criteria_in_words(const PanelType& p) {
  size_t additional = 0;
  std::string extras;
  for (const core::EntryCriterion& c : p.entry_criteria) {
    additional += c.additional ? 1 : 0;
    if (c.authorisation_by) {
      extras += "; " + c.id + " needs the " + p.title_of(*c.authorisation_by) + "'s authorisation" +
                (c.must_go_to_next_sitting ? " and goes to the next sitting" : "");
    }
    if (c.after_months) {
      extras += "; " + c.id + " watched: over " + std::to_string(*c.after_months) +
                " months from " + c.months_from + (c.team.empty() ? "" : " (team " + c.team + ")");
    }
  }
  return std::to_string(p.entry_criteria.size()) + " (" + std::to_string(additional) +
         " additional)" +
         (p.request_type_selection == core::Selection::one ? ", choose one"
                                                           : ", tick all that apply") +
         extras;
}

std::string approval_in_words(const PanelType& p) {
  std::vector<std::string> steps;
  for (const core::ApprovalStep& s : p.approval_steps) {
    steps.push_back(std::to_string(steps.size() + 1) + ". " + p.title_of(s.role) + ": " + s.label +
                    (s.records_three_way_discussion ? " (records the 3-way discussion)" : ""));
  }
  return steps.empty() ? "none" : joined(steps, "\n                  ");
}

std::string documents_in_words(const PanelType& p) {
  std::vector<std::string> docs;
  for (const core::DocumentRequirement& d : p.documents) {
    std::string note = d.required                     ? " (required)"
                       : d.reason_required_if_missing ? ""
                                                      : " (optional, no reason needed)";
    docs.push_back(d.label + note);
  }
  return docs.empty() ? "none" : joined(docs, "; ");
}

std::string deadline_in_words(const PanelType& p) {
  const core::SubmissionDeadline& d = p.deadline;
  if (d.kind == core::DeadlineKind::none) {
    return "none: any time before the sitting";
  }
  std::string text = "by " + core::to_hh_mm(d.time) + " UK time on the " +
                     std::string(core::weekday_name(d.weekday)) + " before the sitting";
  if (d.late_acceptance_by) {
    text += "; a late request may be accepted by the " + p.title_of(*d.late_acceptance_by);
  }
  return text;
}

std::string venue_in_words(const PanelType& p, const std::string& id) {
  const core::Venue* v = p.venue(id);
  if (!v) {
    return id;
  }
  return v->code.empty() ? v->name : v->name + " (" + v->code + ")";
}

std::string schedule_in_words(const PanelType& p) {
  const core::Schedule& s = p.schedule;
  std::string text =
      (s.every_weeks == 1 ? "every " : "every " + std::to_string(s.every_weeks) + " weeks on ") +
      std::string(core::weekday_name(s.weekday)) + ", " + core::to_hh_mm(s.start) + " to " +
      core::to_hh_mm(s.end);
  std::vector<std::string> venues;
  for (const std::string& id : s.venue_rotation) {
    venues.push_back(venue_in_words(p, id));
  }
  if (venues.size() == 1) {
    return text + ", at " + venues[0];
  }
  if (venues.size() > 1) {
    return text + ", in turn at " + joined(venues, ", ") + ", counting " + venues[0] + " on " +
           core::to_iso(s.rotation_anchor);
  }
  return text;
}

std::string hearing_in_words(const PanelType& p) {
  std::string text = std::to_string(p.slot_minutes) + " minutes, plus " +
                     std::to_string(p.extra_minutes_per_sibling) + " for each additional sibling";
  text += "; presented by the " + p.title_of(p.hearing.presented_by);
  if (p.hearing.presenter_if_absent) {
    text += " (or the " + p.title_of(*p.hearing.presenter_if_absent) + ")";
  }
  return text + "; attended by " + titles(p, p.hearing.attendees);
}

std::string decisions_in_words(const PanelType& p) {
  std::string text = std::to_string(p.decisions.size());
  for (const core::DecisionOption& d : p.decisions) {
    if (d.final_decision_by) {
      text += "; " + d.id + " is a recommendation: final decision by the " +
              p.title_of(*d.final_decision_by);
    }
  }
  return text;
}

// [[outcomes]]: Support Panel 6, "one or more of the following".
std::string outcomes_in_words(const PanelType& p) {
  if (p.outcomes.empty()) {
    return "none";
  }
  std::vector<std::string> labels;
  for (const core::Choice& o : p.outcomes) {
    labels.push_back(o.label);
  }
  return std::to_string(p.outcomes.size()) + ", one or more per child: " + joined(labels, "; ");
}

// [permanency]: the plans a decision record offers.
std::string permanency_in_words(const PanelType& p) {
  if (p.permanency.plans.empty()) {
    return "not asked";
  }
  std::vector<std::string> labels;
  for (const core::Choice& c : p.permanency.plans) {
    labels.push_back(c.label);
  }
  return core::counted(labels.size(), "plan", "plans") + ": " + joined(labels, "; ") +
         (p.permanency.parallel_plan ? "; a parallel plan is asked for" : "; no parallel plan");
}

std::string ladder_in_words(const PanelType& p, const core::EscalationLadder& l) {
  std::vector<std::string> steps;
  for (const core::EscalationStep& s : l.steps) {
    steps.push_back(p.title_of(s.role) + " after " + std::to_string(s.after_working_days));
  }
  std::string applies = l.applies_to == "any_action" ? "any action" : l.applies_to;
  std::string from = l.from == "hearing" ? "the hearing" : "the due date";
  return l.label + " (" + applies + "; working days from " + from + "): " + joined(steps, ", ");
}

std::string members_in_words(const PanelType& p) {
  std::vector<std::string> labels;
  for (const core::Member& m : p.members) {
    labels.push_back(m.label + (m.as_relevant ? " (as relevant)" : ""));
  }
  std::string quorum = p.quorum > 0 ? "quorum " + std::to_string(p.quorum) : "no quorum set";
  return core::counted(p.members.size(), "member", "members") + ", " + quorum + ": " +
         joined(labels, "; ");
}

std::string chair_in_words(const PanelType& p) {
  std::string text = p.title_of(p.chair.role);
  text += p.chair.independent_of_line_management
              ? "; must be independent of the case's line management"
              : "; no independence rule";
  if (p.chair.disagreement_to) {
    text += "; disagreements go to the " + p.title_of(*p.chair.disagreement_to);
  }
  return text;
}

void print_before_panel(std::ostream& out, const PanelType& p) {
  for (const core::Consultation& c : p.consultations) {
    std::string when =
        c.siblings_at_least
            ? " (suggested for " + std::to_string(*c.siblings_at_least) + " or more children)"
            : "";
    // Who is consulted: the seat's people, else everyone with the role.
    const core::Member* seat = p.seat(c.seat);
    const std::string who = seat ? "; asks the " + seat->label + " seat"
                                 : "; asks every " + std::string(core::role_id(c.role));
    line(out, "consultation", c.label + when + who);
  }
  for (const core::Timescale& t : p.timescales) {
    line(out, "timescale",
         t.label + ": " + std::to_string(t.working_days) + " working days from " + t.from);
  }
}

void print_after_panel(std::ostream& out, const PanelType& p) {
  for (const core::EscalationLadder& l : p.escalations) {
    line(out, "escalation", ladder_in_words(p, l));
  }
  if (!p.return_to_panel.applies_to.empty()) {
    std::string update = p.return_to_panel.progress_update_to
                             ? "; an update to the " +
                                   p.title_of(*p.return_to_panel.progress_update_to) +
                                   " may replace attending"
                             : "";
    line(out, "return to panel",
         "set by " + p.return_to_panel.applies_to + " (a review date is then required)" + update);
  }
  if (p.change_of_plan_approval_by) {
    line(out, "change of plan", "approved by the " + p.title_of(*p.change_of_plan_approval_by));
  }
}

void print_summary(std::ostream& out, const PanelType& p) {
  out << p.name << " (" << p.id << "), " << p.council << "\n";
  line(out, "file", p.source);
  if (!p.request_types.empty()) {
    line(out, "request types", request_types_in_words(p));
  }
  if (!p.entry_criteria.empty()) {
    line(out, "entry criteria", criteria_in_words(p));
  }
  line(out, "approval", approval_in_words(p));
  line(out, "documents", documents_in_words(p));
  line(out, "submitted to", titles(p, p.submitted_to));
  line(out, "deadline", deadline_in_words(p));
  print_before_panel(out, p);
  line(out, "sittings", schedule_in_words(p));
  line(out, "hearings", hearing_in_words(p));
  line(out, "decisions", decisions_in_words(p));
  line(out, "outcomes", outcomes_in_words(p));
  line(out, "permanency", permanency_in_words(p));
  print_after_panel(out, p);
  line(out, "membership", members_in_words(p));
  line(out, "chair", chair_in_words(p));
  out << "\n";
}

int check_config(const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> paths(args.begin(), args.end());
  store::PanelFiles files = store::load_panel_files(paths);
  if (!files.ok()) {
    for (const PanelType::Problem& problem : files.problems) {
      std::cerr << problem.to_string() << "\n";
    }
    return 1;
  }
  for (const PanelType& panel : files.panels) {
    print_summary(std::cout, panel);
  }
  std::cout << core::counted(files.panels.size(), "panel", "panels") << " checked: no problems\n";
  return 0;
}

}  // namespace

void add_config_commands(CLI::App& app, int& status) {
  CLI::App* command = app.add_subcommand(
      "check-config", "Check panel files (config/panels/*.toml) and summarise each panel");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("FILE", *files, "A panel file, or a directory of *.toml panel files")
      ->required();
  command->callback([files, &status] { status = check_config(*files); });
}

}  // namespace casepanel::cli
