// Who presents a hearing (core/presenters.h) and how a sitting's quorum
// counts seats (core/seat_quorum.h), one row a case.
#include "core/presenters.h"
#include "core/seat_quorum.h"

#include <gtest/gtest.h>

namespace casepanel::core {
namespace {

constexpr std::int64_t kWorker = 11;
constexpr std::int64_t kManager = 22;

TEST(Presenters, TheSocialWorkerPresentsAndTheSupervisorStandsIn) {
  const CasePeople the_case{.social_worker = kWorker, .practice_manager = kManager};
  const PresenterRule support{.presented_by = Role::social_worker,
                              .presenter_if_absent = Role::practice_manager};
  const PresenterRule clam{.presented_by = Role::social_worker, .presenter_if_absent = {}};
  struct Case {
    const char* why;
    PresenterRule rule;
    CasePeople people;
    Presenter recorded;
    std::optional<std::int64_t> person;
    Attendance attendance;
  };
  const Case cases[] = {
      {.why = "nothing recorded: the panel's presented_by, the request's author",
       .rule = support,
       .people = the_case,
       .recorded = {},
       .person = kWorker,
       .attendance = Attendance::expected},
      {.why = "attends by conference call: still presents",
       .rule = support,
       .people = the_case,
       .recorded = {kWorker, Attendance::conference_call},
       .person = kWorker,
       .attendance = Attendance::conference_call},
      {.why = "Support Panel 6: the social worker cannot attend, the supervisor presents",
       .rule = support,
       .people = the_case,
       .recorded = {kWorker, Attendance::absent},
       .person = kManager,
       .attendance = Attendance::expected},
      {.why = "apologies count as cannot attend",
       .rule = support,
       .people = the_case,
       .recorded = {std::nullopt, Attendance::apologies},
       .person = kManager,
       .attendance = Attendance::expected},
      {.why = "the stand-in away too: nobody further to turn to",
       .rule = support,
       .people = the_case,
       .recorded = {kManager, Attendance::absent},
       .person = kManager,
       .attendance = Attendance::absent},
      {.why = "no presenter_if_absent (CLAM): the absent worker stays recorded",
       .rule = clam,
       .people = the_case,
       .recorded = {kWorker, Attendance::absent},
       .person = kWorker,
       .attendance = Attendance::absent},
      {.why = "a team with no manager: nobody to stand in",
       .rule = support,
       .people = {.social_worker = kWorker, .practice_manager = {}},
       .recorded = {kWorker, Attendance::absent},
       .person = kWorker,
       .attendance = Attendance::absent},
      {.why = "the worker manages their own team: they are the stand-in already",
       .rule = support,
       .people = {.social_worker = kWorker, .practice_manager = kWorker},
       .recorded = {kWorker, Attendance::absent},
       .person = kWorker,
       .attendance = Attendance::absent},
      {.why = "a role the case gives nobody (a group manager presents): none named",
       .rule = {.presented_by = Role::group_manager, .presenter_if_absent = {}},
       .people = the_case,
       .recorded = {},
       .person = std::nullopt,
       .attendance = Attendance::expected},
  };
  for (const Case& c : cases) {
    const Presenter p = who_presents(c.rule, c.people, c.recorded);
    EXPECT_EQ(p.person, c.person) << c.why;
    EXPECT_EQ(p.attendance, c.attendance) << c.why;
  }
}

TEST(SeatQuorum, CountsSeatsNotPeople) {
  using A = Attendance;
  struct Case {
    const char* why;
    std::vector<SeatPlace> places;
    SeatCount want;
  };
  const Case cases[] = {
      {.why = "nobody recorded: each seat with someone expected",
       .places = {{"chair", true, A::expected},
                  {"gm", true, A::expected},
                  {"note", false, A::expected}},
       .want = {.expected = 2, .present = 0, .recorded = false}},
      {.why = "two people in one seat (a holder and a deputy) count once",
       .places = {{"gm", true, A::present}, {"gm", true, A::present}},
       .want = {.expected = 1, .present = 1, .recorded = true}},
      {.why = "a holder's apologies, the deputy attends by conference call: the seat is present",
       .places = {{"chair", true, A::apologies}, {"chair", true, A::conference_call}},
       .want = {.expected = 1, .present = 1, .recorded = true}},
      {.why = "the note taker and coordinator never count, present or not",
       .places = {{"note", false, A::present},
                  {"coord", false, A::present},
                  {"chair", true, A::absent}},
       .want = {.expected = 0, .present = 0, .recorded = true}},
      {.why = "rows stored before seats (no seat id) are a seat each",
       .places = {{"", true, A::present}, {"", true, A::present}, {"", true, A::apologies}},
       .want = {.expected = 2, .present = 2, .recorded = true}},
      {.why = "everyone away: the seat is neither expected nor present",
       .places = {{"fgc", true, A::apologies}, {"fgc", true, A::absent}},
       .want = {.expected = 0, .present = 0, .recorded = true}},
  };
  for (const Case& c : cases) {
    const SeatCount got = count_seats(c.places);
    EXPECT_EQ(got.expected, c.want.expected) << c.why;
    EXPECT_EQ(got.present, c.want.present) << c.why;
    EXPECT_EQ(got.recorded, c.want.recorded) << c.why;
  }
}

TEST(Attendance, LabelsAndWhoAttends) {
  EXPECT_EQ(attendance_label(Attendance::present), "In person");
  EXPECT_EQ(attendance_label(Attendance::conference_call), "By conference call");
  EXPECT_EQ(attendance_label(Attendance::apologies), "Apologies");
  EXPECT_EQ(attendance_label(Attendance::absent), "Absent");
  EXPECT_EQ(attendance_from_id("conference_call"), Attendance::conference_call);
  EXPECT_TRUE(attends(Attendance::conference_call));
  EXPECT_FALSE(attends(Attendance::expected));
  EXPECT_TRUE(away(Attendance::apologies));
  EXPECT_FALSE(away(Attendance::present));
}

}  // namespace
}  // namespace casepanel::core
