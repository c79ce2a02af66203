// Tests for PanelType: the two shipped panel files say what their procedures
// say, and each kind of mistake in a panel file is reported with its field,
// line and a clear message.
#include "core/panel_type.h"

#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace casepanel::core {
namespace {

using std::chrono::Thursday;
using std::chrono::Tuesday;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string all_problems(const PanelType::Loaded& loaded) {
  std::string text;
  for (const PanelType::Problem& p : loaded.problems) {
    text += p.to_string() + "\n";
  }
  return text;
}

PanelType load_shipped(const std::string& file) {
  std::string path = std::string(CASEPANEL_SOURCE_DIR) + "/config/panels/" + file;
  std::string text = read_text(path);
  EXPECT_FALSE(text.empty()) << "cannot read " << path;
  PanelType::Loaded loaded = PanelType::create(text, path);
  EXPECT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  return loaded.panel.value_or(PanelType{});
}

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) {
    ids.push_back(item.id);
  }
  return ids;
}

TEST(Roles, IdsRoundTrip) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(role_from_id(role_id(r)), r) << role_id(r);
    EXPECT_FALSE(role_title(r).empty());
  }
  EXPECT_EQ(role_id(Role::practice_manager), "practice_manager");
  EXPECT_EQ(role_title(Role::practice_manager), "Practice manager");
  EXPECT_EQ(role_from_id("team_manager"), std::nullopt);
  EXPECT_EQ(role_from_id(""), std::nullopt);
}

TEST(Problem, ToString) {
  PanelType::Problem with_line{.source = "a.toml", .line = 12, .field = "x.y", .message = "bad"};
  EXPECT_EQ(with_line.to_string(), "a.toml:12: x.y: bad");
  PanelType::Problem no_line{.source = "a.toml", .line = 0, .field = "id", .message = "missing"};
  EXPECT_EQ(no_line.to_string(), "a.toml: id: missing");
  PanelType::Problem no_field{.source = "a.toml", .line = 3, .field = "", .message = "syntax"};
  EXPECT_EQ(no_field.to_string(), "a.toml:3: syntax");
}

TEST(ShippedPanels, ClamFollowsTheWestSussexProcedure) {
  PanelType clam = load_shipped("west-sussex-clam.toml");
  EXPECT_EQ(clam.id, "clam");
  EXPECT_EQ(clam.name, "CLAM Panel");
  EXPECT_EQ(clam.council, "West Sussex County Council");
  // What is CLAM?: nine request types, one of them per request.
  ASSERT_EQ(clam.request_types.size(), 9u);
  EXPECT_EQ(clam.request_type_selection, Selection::one);
  EXPECT_TRUE(clam.entry_criteria.empty());
  const RequestType* emergency = clam.request_type("emergency_retrospective_review");
  ASSERT_NE(emergency, nullptr);
  EXPECT_TRUE(emergency->statutory());
  EXPECT_EQ(emergency->heard_within_working_days, 7);
  int statutory = 0;
  for (const RequestType& t : clam.request_types) {
    statutory += t.statutory() ? 1 : 0;
  }
  EXPECT_EQ(statutory, 1);
  // Expectations of practitioners: PM quality assurance (with the 3-way
  // discussion), then the GM's permission to request a slot.
  ASSERT_EQ(clam.approval_steps.size(), 2u);
  EXPECT_EQ(clam.approval_steps[0].role, Role::practice_manager);
  EXPECT_TRUE(clam.approval_steps[0].records_three_way_discussion);
  EXPECT_EQ(clam.approval_steps[1].role, Role::group_manager);
  EXPECT_EQ(clam.deadline.kind, DeadlineKind::none);
  ASSERT_EQ(clam.documents.size(), 1u);
  EXPECT_TRUE(clam.documents[0].required);
  EXPECT_EQ(clam.submitted_to, (std::vector<Role>{Role::coordinator, Role::panel_admin}));
  EXPECT_TRUE(clam.asks_venue_preference);
  EXPECT_TRUE(clam.asks_conference_call);
}

TEST(ShippedPanels, ClamSitsOnTuesdaysInHorshamAndWorthing) {
  PanelType clam = load_shipped("west-sussex-clam.toml");
  EXPECT_EQ(clam.schedule.weekday, Tuesday);
  EXPECT_EQ(clam.schedule.start, parse_hh_mm("13:30"));
  EXPECT_EQ(clam.schedule.end, parse_hh_mm("17:00"));
  EXPECT_EQ(clam.schedule.every_weeks, 1);
  EXPECT_EQ(clam.schedule.venue_rotation, (std::vector<std::string>{"chn", "chd"}));
  EXPECT_EQ(std::chrono::weekday{std::chrono::sys_days{clam.schedule.rotation_anchor}}, Tuesday);
  ASSERT_NE(clam.venue("chn"), nullptr);
  EXPECT_EQ(clam.venue("chn")->name, "Horsham");
  EXPECT_EQ(clam.venue("chd")->code, "CHD");
  // 15 minutes per child, 15 more per additional sibling.
  EXPECT_EQ(clam.hearing_minutes(1), 15);
  EXPECT_EQ(clam.hearing_minutes(3), 45);
}

TEST(ShippedPanels, ClamDecisionsMembershipAndEscalation) {
  PanelType clam = load_shipped("west-sussex-clam.toml");
  // Six decision areas plus the permanence recommendation for the chair.
  ASSERT_EQ(clam.decisions.size(), 7u);
  const DecisionOption* permanence = clam.decision("support_permanence");
  ASSERT_NE(permanence, nullptr);
  EXPECT_EQ(permanence->final_decision_by, Role::chair);
  EXPECT_TRUE(clam.outcomes.empty());
  EXPECT_EQ(clam.return_to_panel.applies_to, "review_date");
  ASSERT_EQ(clam.escalations.size(), 1u);
  const EscalationLadder& slipping = clam.escalations[0];
  EXPECT_EQ(slipping.applies_to, "any_action");
  ASSERT_EQ(slipping.steps.size(), 2u);
  EXPECT_EQ(slipping.steps[0].role, Role::practice_manager);
  EXPECT_EQ(slipping.steps[1].role, Role::group_manager);
  EXPECT_EQ(clam.members.size(), 11u);
  EXPECT_FALSE(clam.chair.independent_of_line_management);
  EXPECT_EQ(clam.chair.disagreement_to, std::nullopt);
  ASSERT_EQ(clam.consultations.size(), 1u);
  EXPECT_EQ(clam.consultations[0].with, "Permanency Planning Co-ordinator");
  // CLAM: the advice is the Permanency Planning Co-ordinator's, so the
  // referral goes to that seat's people, not to every member.
  EXPECT_EQ(clam.consultations[0].seat, "permanency_planning_co_ordinator");
  ASSERT_NE(clam.seat(clam.consultations[0].seat), nullptr);
  EXPECT_EQ(clam.consultations[0].role, Role::member);
  EXPECT_EQ(clam.title_of(Role::coordinator), "CLAM Coordinator");
  EXPECT_EQ(clam.title_of(Role::panel_admin), "CLA Panel Admin / Note Taker");
  EXPECT_EQ(clam.title_of(Role::auditor), "Auditor");  // no panel title: the generic one
}

TEST(ShippedPanels, SupportFollowsTheLincolnshireProcedure) {
  PanelType support = load_shipped("lincolnshire-support.toml");
  EXPECT_EQ(support.id, "support");
  EXPECT_EQ(support.council, "Lincolnshire County Council");
  EXPECT_TRUE(support.request_types.empty());
  EXPECT_EQ(support.request_type_selection, Selection::many);
  // 2.1 has nine criteria, 2.2 two more.
  ASSERT_EQ(support.entry_criteria.size(), 11u);
  int additional = 0;
  for (const EntryCriterion& c : support.entry_criteria) {
    additional += c.additional ? 1 : 0;
  }
  EXPECT_EQ(additional, 2);
  const EntryCriterion* immediate = support.entry_criterion("immediate_action");
  ASSERT_NE(immediate, nullptr);
  EXPECT_EQ(immediate->authorisation_by, Role::group_manager);
  EXPECT_TRUE(immediate->must_go_to_next_sitting);
  const EntryCriterion* cp_plan = support.entry_criterion("cp_plan_over_18_months");
  ASSERT_NE(cp_plan, nullptr);
  EXPECT_EQ(cp_plan->after_months, 18);
  EXPECT_EQ(cp_plan->months_from, "child_protection_plan_start");
  const EntryCriterion* fast = support.entry_criterion("fast_open_over_9_months");
  ASSERT_NE(fast, nullptr);
  EXPECT_EQ(fast->after_months, 9);
  EXPECT_EQ(fast->months_from, "case_open");
  EXPECT_EQ(fast->considered_by, Role::practice_manager);
}

TEST(ShippedPanels, SupportRequestsAndDeadline) {
  PanelType support = load_shipped("lincolnshire-support.toml");
  ASSERT_EQ(support.approval_steps.size(), 1u);
  EXPECT_EQ(support.approval_steps[0].role, Role::practice_manager);
  // Section 5: six named documents and "other documents" needing no reason.
  ASSERT_EQ(support.documents.size(), 7u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_TRUE(support.documents[i].reason_required_if_missing) << support.documents[i].id;
  }
  EXPECT_FALSE(support.documents[6].reason_required_if_missing);
  // Section 6: by 4pm on the Thursday before panel.
  EXPECT_EQ(support.deadline.kind, DeadlineKind::weekday_before_sitting);
  EXPECT_EQ(support.deadline.weekday, Thursday);
  EXPECT_EQ(support.deadline.time, std::chrono::minutes{16 * 60});
  EXPECT_EQ(support.deadline.late_acceptance_by, Role::coordinator);
  EXPECT_EQ(support.submitted_to, std::vector<Role>{Role::panel_admin});
  EXPECT_EQ(support.hearing.presenter_if_absent, Role::practice_manager);
}

TEST(ShippedPanels, SupportOutcomesEscalationAndChair) {
  PanelType support = load_shipped("lincolnshire-support.toml");
  EXPECT_EQ(ids_of(support.outcomes),
            (std::vector<std::string>{"return_to_panel", "resources_services", "accommodation",
                                      "further_investigation", "letter_before_proceedings",
                                      "legal_planning_meeting", "commence_proceedings"}));
  ASSERT_NE(support.decision("fgc"), nullptr);
  // 6.1: FGC referral escalates to the Team Manager at 5 working days after
  // panel and to the Service Manager at 7.
  const EscalationLadder* fgc = nullptr;
  for (const EscalationLadder& l : support.escalations) {
    fgc = l.applies_to == "fgc" ? &l : fgc;
  }
  ASSERT_NE(fgc, nullptr);
  EXPECT_EQ(fgc->from, "hearing");
  ASSERT_EQ(fgc->steps.size(), 2u);
  EXPECT_EQ(fgc->steps[0].after_working_days, 5);
  EXPECT_EQ(fgc->steps[0].role, Role::practice_manager);
  EXPECT_EQ(fgc->steps[1].after_working_days, 7);
  EXPECT_EQ(fgc->steps[1].role, Role::group_manager);
  // 4.1 and 7.
  EXPECT_EQ(support.members.size(), 8u);
  EXPECT_TRUE(support.chair.independent_of_line_management);
  EXPECT_EQ(support.chair.disagreement_to, Role::assistant_director);
  EXPECT_EQ(support.change_of_plan_approval_by, Role::group_manager);
  EXPECT_EQ(support.return_to_panel.applies_to, "return_to_panel");
  EXPECT_EQ(support.return_to_panel.progress_update_to, Role::chair);
  EXPECT_EQ(support.title_of(Role::group_manager), "Service Manager");
  EXPECT_EQ(support.title_of(Role::assistant_director), "Assistant Director");
}

// The smallest valid panel. The broken cases below each change one line of
// it, so the line numbers in the cases refer to this text.
constexpr std::string_view kMinimal = R"(id = "test"
name = "Test Panel"
council = "Test Council"

[[request_types]]
id = "review"
label = "Review"

[[approval_steps]]
id = "agree"
role = "practice_manager"
label = "Team Manager agrees"

[[venues]]
id = "town_hall"
name = "Town Hall"

[schedule]
weekday = "Monday"
start = "10:00"
end = "12:00"
venue_rotation = ["town_hall"]

[hearing]
slot_minutes = 20
extra_minutes_per_sibling = 10

[[decisions]]
id = "agree_plan"
label = "Agree the plan"

[[escalations]]
id = "overdue"
label = "Overdue actions"
applies_to = "any_action"
from = "action_due"

[[escalations.steps]]
after_working_days = 0
role = "group_manager"

[[members]]
role = "chair"
label = "Chair"
)";

TEST(PanelTypeCreate, MinimalPanelLoads) {
  PanelType::Loaded loaded = PanelType::create(kMinimal, "minimal.toml");
  ASSERT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  EXPECT_TRUE(loaded.problems.empty());
  EXPECT_EQ(loaded.panel->source, "minimal.toml");
  EXPECT_EQ(loaded.panel->id_line, 1);
  EXPECT_EQ(loaded.panel->hearing_minutes(1), 20);
  EXPECT_EQ(loaded.panel->hearing_minutes(2), 30);
  EXPECT_EQ(loaded.panel->title_of(Role::chair), "Chair");
}

TEST(PanelTypeCreate, AConsultationNamesASeatOrARole) {
  std::string text(kMinimal);
  text.replace(text.find("[[decisions]]"), 13,
               "[[consultations]]\nid = \"chair_advice\"\nlabel = \"Advice\"\n"
               "with = \"Chair\"\nseat = \"chair\"\n\n[[consultations]]\nid = \"any\"\n"
               "label = \"Any member\"\nwith = \"A member\"\n\n[[decisions]]");
  PanelType::Loaded loaded = PanelType::create(text, "consult.toml");
  ASSERT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  const auto& c = loaded.panel->consultations;
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].seat, "chair");
  EXPECT_EQ(c[0].role, Role::chair) << "the seat's role";
  EXPECT_EQ(c[1].seat, "") << "a third council's file without a seat";
  EXPECT_EQ(c[1].role, Role::member) << "the default role";
}

struct BrokenCase {
  const char* name;
  std::string_view replace;  // a line of kMinimal ...
  std::string_view with;     // ... and what it becomes
  std::string_view field;    // the problem expected
  int line;
  std::string_view message;
};

// Names a failing case by its name rather than its bytes.
void PrintTo(const BrokenCase& c, std::ostream* out) { *out << c.name; }

std::string broken_text(const BrokenCase& c) {
  std::string text(kMinimal);
  size_t at = text.find(c.replace);
  EXPECT_NE(at, std::string::npos) << "kMinimal has no " << c.replace;
  return at == std::string::npos ? text : text.replace(at, c.replace.size(), c.with);
}

class BrokenPanel : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenPanel, ReportsTheProblem) {
  const BrokenCase& c = GetParam();
  PanelType::Loaded loaded = PanelType::create(broken_text(c), "broken.toml");
  EXPECT_FALSE(loaded.panel.has_value());
  bool found = false;
  for (const PanelType::Problem& p : loaded.problems) {
    EXPECT_EQ(p.source, "broken.toml");
    found = found || (p.field == c.field && p.line == c.line &&
                      p.message.find(c.message) != std::string::npos);
  }
  EXPECT_TRUE(found) << "expected " << c.line << ": " << c.field << ": ..." << c.message
                     << "...\ngot:\n"
                     << all_problems(loaded);
}

const BrokenCase kBrokenCases[] = {
    {.name = "syntax_error",
     .replace = R"(name = "Test Panel")",
     .with = R"(name = "Test Panel)",
     .field = "",
     .line = 2,
     .message = "not valid TOML"},
    {.name = "unknown_top_level_key",
     .replace = R"(council = "Test Council")",
     .with = "council = \"Test Council\"\ncouncel = \"x\"",
     .field = "councel",
     .line = 4,
     .message = R"(unknown key "councel" (did you mean "council"?))"},
    {.name = "unknown_key_in_list",
     .replace = R"(label = "Review")",
     .with = R"(lable = "Review")",
     .field = "request_types[0].lable",
     .line = 7,
     .message = R"(did you mean "label"?)"},
    {.name = "unknown_section",
     .replace = "[hearing]",
     .with = "[hearings]",
     .field = "hearings",
     .line = 24,
     .message = R"(unknown key "hearings")"},
    {.name = "unknown_key_in_ladder_step",
     .replace = "after_working_days = 0",
     .with = "after_working_days = 0\nafter_days = 3",
     .field = "escalations[0].steps[0].after_days",
     .line = 40,
     .message = "unknown key"},
    {.name = "missing_top_level_field",
     .replace = R"(council = "Test Council")",
     .with = "",
     .field = "council",
     .line = 0,
     .message = "required field is missing"},
    {.name = "missing_field_in_list",
     .replace = R"(label = "Review")",
     .with = "",
     .field = "request_types[0].label",
     .line = 5,
     .message = "required field is missing"},
    {.name = "empty_label",
     .replace = R"(label = "Review")",
     .with = R"(label = "")",
     .field = "request_types[0].label",
     .line = 7,
     .message = "must not be empty"},
    {.name = "wrong_type",
     .replace = "slot_minutes = 20",
     .with = R"(slot_minutes = "20")",
     .field = "hearing.slot_minutes",
     .line = 25,
     .message = "expected a whole number, found text"},
    {.name = "bad_id",
     .replace = R"(id = "test")",
     .with = R"(id = "Test Panel")",
     .field = "id",
     .line = 1,
     .message = "is not a valid id"},
    {.name = "bad_time",
     .replace = R"(start = "10:00")",
     .with = R"(start = "10am")",
     .field = "schedule.start",
     .line = 20,
     .message = R"("10am" is not a time)"},
    {.name = "end_not_after_start",
     .replace = R"(end = "12:00")",
     .with = R"(end = "10:00")",
     .field = "schedule.end",
     .line = 21,
     .message = "must end after it starts"},
    {.name = "bad_weekday",
     .replace = R"(weekday = "Monday")",
     .with = R"(weekday = "Mondy")",
     .field = "schedule.weekday",
     .line = 19,
     .message = R"("Mondy" is not a day of the week)"},
    {.name = "bad_date",
     .replace = R"(venue_rotation = ["town_hall"])",
     .with = "venue_rotation = [\"town_hall\"]\nrotation_anchor = \"2024-02-30\"",
     .field = "schedule.rotation_anchor",
     .line = 23,
     .message = R"("2024-02-30" is not a date)"},
    {.name = "anchor_not_on_sitting_day",
     .replace = R"(venue_rotation = ["town_hall"])",
     .with = "venue_rotation = [\"town_hall\"]\nrotation_anchor = 2024-01-02",
     .field = "schedule.rotation_anchor",
     .line = 23,
     .message = "2024-01-02 is not a Monday"},
    {.name = "rotation_names_unknown_venue",
     .replace = R"(venue_rotation = ["town_hall"])",
     .with = R"(venue_rotation = ["town_hall", "library"])",
     .field = "schedule.venue_rotation[1]",
     .line = 22,
     .message = R"(unknown venue "library")"},
    {.name = "rotation_without_anchor",
     .replace = R"(venue_rotation = ["town_hall"])",
     .with = R"(venue_rotation = ["town_hall", "town_hall"])",
     .field = "schedule.rotation_anchor",
     .line = 18,
     .message = "required field is missing"},
    {.name = "unknown_role",
     .replace = R"(role = "practice_manager")",
     .with = R"(role = "team_manager")",
     .field = "approval_steps[0].role",
     .line = 11,
     .message = R"(unknown role "team_manager": use one of social_worker)"},
    {.name = "unknown_role_title",
     .replace = "[[request_types]]",
     .with = "[role_titles]\nteam_manager = \"Team Manager\"\n[[request_types]]",
     .field = "role_titles.team_manager",
     .line = 6,
     .message = R"(unknown role "team_manager")"},
    {.name = "duplicate_id",
     .replace = R"(label = "Review")",
     .with = "label = \"Review\"\n[[request_types]]\nid = \"review\"\nlabel = \"Again\"",
     .field = "request_types[1].id",
     .line = 9,
     .message = R"(duplicate id "review" (already used on line 6))"},
    {.name = "duplicate_venue_id",
     .replace = R"(name = "Town Hall")",
     .with = "name = \"Town Hall\"\n[[venues]]\nid = \"town_hall\"\nname = \"Annexe\"",
     .field = "venues[1].id",
     .line = 18,
     .message = "duplicate id"},
    {.name = "ladder_step_without_role",
     .replace = R"(role = "group_manager")",
     .with = "",
     .field = "escalations[0].steps[0].role",
     .line = 38,
     .message = "required field is missing"},
    {.name = "ladder_without_steps",
     .replace = "[[escalations.steps]]\nafter_working_days = 0\nrole = \"group_manager\"",
     .with = "",
     .field = "escalations[0].steps",
     .line = 32,
     .message = "at least one step"},
    {.name = "ladder_steps_out_of_order",
     .replace = R"(role = "group_manager")",
     .with = "role = \"practice_manager\"\n[[escalations.steps]]\nafter_working_days = 0\n"
             "role = \"group_manager\"",
     .field = "escalations[0].steps[1].after_working_days",
     .line = 42,
     .message = "steps go in order"},
    {.name = "ladder_applies_to_unknown_decision",
     .replace = R"(applies_to = "any_action")",
     .with = R"(applies_to = "fgc")",
     .field = "escalations[0].applies_to",
     .line = 35,
     .message = R"("fgc" is not the id of a decision or outcome)"},
    {.name = "ladder_counts_from_unknown_event",
     .replace = R"(from = "action_due")",
     .with = R"(from = "due_date")",
     .field = "escalations[0].from",
     .line = 36,
     .message = R"(use "hearing" or "action_due")"},
    {.name = "slot_not_positive",
     .replace = "slot_minutes = 20",
     .with = "slot_minutes = 0",
     .field = "hearing.slot_minutes",
     .line = 25,
     .message = "must be more than 0"},
    {.name = "slot_longer_than_sitting",
     .replace = "slot_minutes = 20",
     .with = "slot_minutes = 180",
     .field = "hearing.slot_minutes",
     .line = 25,
     .message = "does not fit in a sitting of 120 minutes"},
    {.name = "negative_extra_minutes",
     .replace = "extra_minutes_per_sibling = 10",
     .with = "extra_minutes_per_sibling = -5",
     .field = "hearing.extra_minutes_per_sibling",
     .line = 26,
     .message = "must not be negative"},
    // [[consultations]] names a seat of [[members]] (read after them).
    {.name = "consultation_seat_unknown",
     .replace = "[[decisions]]",
     .with = "[[consultations]]\nid = \"advice\"\nlabel = \"Advice\"\nwith = \"Adviser\"\n"
             "seat = \"nobody\"\n[[decisions]]",
     .field = "consultations[0].seat",
     .line = 32,
     .message = R"(unknown seat "nobody")"},
    {.name = "consultation_seat_and_role",
     .replace = "[[decisions]]",
     .with = "[[consultations]]\nid = \"advice\"\nlabel = \"Advice\"\nwith = \"Adviser\"\n"
             "seat = \"chair\"\nrole = \"member\"\n[[decisions]]",
     .field = "consultations[0].role",
     .line = 33,
     .message = "remove `role`"},
    {.name = "consultation_role_cannot_answer",
     .replace = "[[decisions]]",
     .with = "[[consultations]]\nid = \"advice\"\nlabel = \"Advice\"\nwith = \"Adviser\"\n"
             "role = \"social_worker\"\n[[decisions]]",
     .field = "consultations[0].role",
     .line = 32,
     .message = "a social_worker cannot be consulted"},
    {.name = "no_member_chairs",
     .replace = R"(role = "chair")",
     .with = R"(role = "member")",
     .field = "members",
     .line = 42,
     .message = "no member holds the chair's role"},
    {.name = "quorum_larger_than_membership",
     .replace = R"(label = "Chair")",
     .with = "label = \"Chair\"\n[membership]\nquorum = 2",
     .field = "membership.quorum",
     .line = 46,
     .message = "a quorum of 2 is more than the 1 members listed"},
    {.name = "deadline_without_weekday",
     .replace = "[[members]]",
     .with = "[deadline]\nkind = \"weekday_before_sitting\"\ntime = \"16:00\"\n[[members]]",
     .field = "deadline.weekday",
     .line = 42,
     .message = "required field is missing"},
    {.name = "deadline_bad_kind",
     .replace = "[[members]]",
     .with = "[deadline]\nkind = \"thursday\"\n[[members]]",
     .field = "deadline.kind",
     .line = 43,
     .message = R"("thursday" is not allowed)"},
    {.name = "selection_not_one_or_many",
     .replace = "[[request_types]]",
     .with = "[requests]\nselection = \"all\"\n[[request_types]]",
     .field = "requests.selection",
     .line = 6,
     .message = R"(use "one" or "many")"},
    {.name = "criterion_months_without_start",
     .replace = "[[approval_steps]]",
     .with = "[[entry_criteria]]\nid = \"long\"\nlabel = \"Long\"\nafter_months = 18\n"
             "[[approval_steps]]",
     .field = "entry_criteria[0].after_months",
     .line = 12,
     .message = "give both or neither"},
    {.name = "outcome_id_equals_decision_id",
     .replace = "[[escalations]]",
     .with = "[[outcomes]]\nid = \"agree_plan\"\nlabel = \"Same\"\n[[escalations]]",
     .field = "outcomes[0].id",
     .line = 33,
     .message = "already the id of a decision"},
    {.name = "ladder_for_a_decision_without_its_timescale",
     .replace = R"(applies_to = "any_action")",
     .with = R"(applies_to = "agree_plan")",
     .field = "escalations[0].applies_to",
     .line = 35,
     .message = "climbs while its timescale is open"},
    {.name = "timescale_a_decision_starts_counts_from_the_hearing",
     .replace = "[[escalations]]",
     .with = "[[timescales]]\nid = \"t\"\nlabel = \"T\"\nworking_days = 5\n"
             "from = \"came_into_care\"\napplies_to = \"agree_plan\"\n[[escalations]]",
     .field = "timescales[0].applies_to",
     .line = 37,
     .message = "counts from the hearing"},
    {.name = "timescale_recorded_by_without_a_decision",
     .replace = "[[escalations]]",
     .with = "[[timescales]]\nid = \"t\"\nlabel = \"T\"\nworking_days = 5\n"
             "from = \"hearing\"\nrecorded_by = \"panel_admin\"\n[[escalations]]",
     .field = "timescales[0].recorded_by",
     .line = 37,
     .message = "only a timescale a decision starts"},
    {.name = "return_to_panel_unknown",
     .replace = "[[escalations]]",
     .with = "[after_panel]\nreturn_to_panel = \"come_back\"\n[[escalations]]",
     .field = "after_panel.return_to_panel",
     .line = 33,
     .message = R"("come_back" is not the id of a decision or outcome)"},
    {.name = "text_where_a_list_of_tables_belongs",
     .replace = R"(council = "Test Council")",
     .with = "council = \"Test Council\"\noutcomes = [\"agreed\"]",
     .field = "outcomes[0]",
     .line = 4,
     .message = "expected a table ([[outcomes]]), found text"},
    {.name = "text_where_a_list_belongs",
     .replace = R"(venue_rotation = ["town_hall"])",
     .with = R"(venue_rotation = "town_hall")",
     .field = "schedule.venue_rotation",
     .line = 22,
     .message = "expected a list, found text"},
    {.name = "no_request_types_or_criteria",
     .replace = "[[request_types]]\nid = \"review\"\nlabel = \"Review\"",
     .with = "",
     .field = "request_types",
     .line = 0,
     .message = "needs [[request_types]] or [[entry_criteria]]"},
    {.name = "many_request_types",
     .replace = "[[request_types]]",
     .with = "[requests]\nselection = \"many\"\n[[request_types]]",
     .field = "requests.selection",
     .line = 0,
     .message = R"("many" is only for [[entry_criteria]])"},
};

INSTANTIATE_TEST_SUITE_P(PanelTypeCreate, BrokenPanel, ::testing::ValuesIn(kBrokenCases),
                         [](const auto& info) { return std::string(info.param.name); });

// [requests] selection: request types are always chosen one at a time; entry
// criteria are ticked, unless the panel says a request meets exactly one.
TEST(PanelTypeCreate, SelectionDefaultsByWhatTheRequestNames) {
  std::string criteria(kMinimal);
  criteria.replace(
      criteria.find("[[request_types]]\nid = \"review\"\nlabel = \"Review\""),
      std::string_view("[[request_types]]\nid = \"review\"\nlabel = \"Review\"").size(),
      "[[entry_criteria]]\nid = \"risk\"\nlabel = \"Risk\"");
  PanelType::Loaded ticked = PanelType::create(criteria, "criteria.toml");
  ASSERT_TRUE(ticked.panel.has_value()) << all_problems(ticked);
  EXPECT_EQ(ticked.panel->request_type_selection, Selection::many);
  PanelType::Loaded one =
      PanelType::create(criteria + "\n[requests]\nselection = \"one\"\n", "one.toml");
  ASSERT_TRUE(one.panel.has_value()) << all_problems(one);
  EXPECT_EQ(one.panel->request_type_selection, Selection::one);
  PanelType::Loaded types = PanelType::create(kMinimal, "types.toml");
  ASSERT_TRUE(types.panel.has_value()) << all_problems(types);
  EXPECT_EQ(types.panel->request_type_selection, Selection::one);
}

TEST(PanelTypeCreate, ReportsEveryProblemInFileOrder) {
  std::string text(kMinimal);
  text.replace(text.find(R"(weekday = "Monday")"), 18, R"(weekday = "Mon")");
  text.replace(text.find(R"(role = "practice_manager")"), 25, R"(role = "boss")");
  text.replace(text.find(R"(label = "Review")"), 16, R"(labell = "Review")");
  PanelType::Loaded loaded = PanelType::create(text, "many.toml");
  EXPECT_FALSE(loaded.panel.has_value());
  std::vector<std::string> lines;
  for (const PanelType::Problem& p : loaded.problems) {
    lines.push_back(p.to_string());
  }
  ASSERT_EQ(lines.size(), 4u) << all_problems(loaded);
  EXPECT_EQ(lines[0], "many.toml:5: request_types[0].label: required field is missing");
  EXPECT_EQ(
      lines[1],
      R"(many.toml:7: request_types[0].labell: unknown key "labell" (did you mean "label"?))");
  EXPECT_EQ(lines[2].rfind("many.toml:11: approval_steps[0].role: unknown role \"boss\"", 0), 0u);
  EXPECT_EQ(lines[3].rfind("many.toml:19: schedule.weekday: \"Mon\" is not a day of the week", 0),
            0u);
}

TEST(PanelTypeCreate, AcceptsTomlTimesAndDates) {
  std::string text(kMinimal);
  text.replace(text.find(R"(start = "10:00")"), 15, "start = 10:00:00");
  text.replace(text.find(R"(venue_rotation = ["town_hall"])"), 30,
               "venue_rotation = [\"town_hall\", \"town_hall\"]\nrotation_anchor = 2024-01-01");
  PanelType::Loaded loaded = PanelType::create(text, "native.toml");
  ASSERT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  EXPECT_EQ(loaded.panel->schedule.start, std::chrono::minutes{600});
  EXPECT_EQ(loaded.panel->schedule.rotation_anchor,
            std::chrono::year{2024} / std::chrono::January / 1);
}

TEST(PanelTypeCreate, WeekdaysAreCaseInsensitive) {
  std::string text(kMinimal);
  text.replace(text.find(R"(weekday = "Monday")"), 18, R"(weekday = "monday")");
  PanelType::Loaded loaded = PanelType::create(text, "case.toml");
  ASSERT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  EXPECT_EQ(loaded.panel->schedule.weekday, std::chrono::Monday);
  EXPECT_EQ(weekday_name(std::chrono::Monday), "Monday");
}

// docs/panel-configuration.md ends with an example for a council's own
// panel: it must stay valid as the format changes.
TEST(Documentation, ExampleThirdPanelLoads) {
  std::string doc = read_text(std::string(CASEPANEL_SOURCE_DIR) + "/docs/panel-configuration.md");
  size_t section = doc.find("## A minimal third panel");
  ASSERT_NE(section, std::string::npos);
  size_t start = doc.find("```toml\n", section);
  ASSERT_NE(start, std::string::npos);
  start += 8;
  size_t end = doc.find("```", start);
  ASSERT_NE(end, std::string::npos);
  PanelType::Loaded loaded = PanelType::create(doc.substr(start, end - start), "example");
  ASSERT_TRUE(loaded.panel.has_value()) << all_problems(loaded);
  EXPECT_EQ(loaded.panel->id, "resource");
  EXPECT_EQ(loaded.panel->schedule.every_weeks, 2);
  EXPECT_EQ(loaded.panel->title_of(Role::group_manager), "Head of Service");
}

}  // namespace
}  // namespace casepanel::core
