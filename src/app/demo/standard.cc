// The standard council: three localities, six teams, 60 children, sittings
// eight weeks either side of today, and requests in every state, with the
// curated children the browser journeys start from.
#include "app/demo/builder.h"
#include "store/demo_history.h"

namespace casepanel::app::demo {

using core::Date;
using core::RequestState;
using core::Role;
using std::chrono::sys_days;
namespace history = store::history;

std::size_t Builder::add_child(Child c) {
  children_.push_back(std::move(c));
  return children_.size() - 1;
}

// social_worker@'s caseload is set by hand: others in team 0 get the rest.
std::int64_t Builder::worker_of(std::size_t team) {
  const auto& w = council_.teams[team].workers;
  const int first = team == 0 ? 1 : 0;
  return w[static_cast<std::size_t>(random_.uniform(first, static_cast<int>(w.size()) - 1))];
}

void Builder::fill(std::size_t team, int count) {
  for (int i = 0; i < count; ++i) {
    key_.plain[team].push_back(add_child(random_child(team, worker_of(team), "")));
  }
}

// social_worker@ (team 0, a FAST team): nine children.
void Builder::build_social_worker_caseload() {
  const std::int64_t sw = council_.login.at(Role::social_worker);
  key_.sw_siblings = make_siblings(0, sw, 3, "Child Protection Plan");
  for (std::size_t c : key_.sw_siblings) {
    // Support Panel 2.1 and 2.2: a plan for over 18 months, open to FAST over 9 months.
    children_[c].cp_plan_start = plus_days(today_, -610);
    children_[c].case_opened = plus_days(today_, -700);
  }
  auto child = [&](const std::string& status, int age_days, int opened_ago) {
    Child c = random_child(0, sw, "");
    c.legal_status = status;
    set_dates(c, age_days);
    c.case_opened = plus_days(today_, -opened_ago);
    return c;
  };
  Child c = child("Section 20", random_.uniform(8 * 365, 14 * 365), 120);
  c.came_into_care = working_days_before(today_, 1);
  key_.sw_recent_care = add_child(std::move(c));
  key_.sw_child_in_need =
      add_child(child("Child in Need", random_.uniform(3 * 365, 12 * 365), 300));
  c = child("Care Order", random_.uniform(5 * 365, 15 * 365), 900);
  c.came_into_care = plus_days(today_, -400);
  key_.sw_care_order = add_child(std::move(c));
  c = child("Child Protection Plan", random_.uniform(1 * 365, 10 * 365), 260);
  c.cp_plan_start = plus_days(today_, -200);
  key_.sw_cp_plan = add_child(std::move(c));
  c = child("Section 20", random_.uniform(10 * 365, 16 * 365), 500);
  c.came_into_care = plus_days(today_, -250);
  key_.sw_section_20 = add_child(std::move(c));
  c = child("Interim Care Order", random_.uniform(2 * 365, 9 * 365), 200);
  c.came_into_care = working_days_before(today_, 30);
  key_.sw_interim = add_child(std::move(c));
  fill(0, 3);
}

void Builder::build_standard_children() {
  build_social_worker_caseload();
  // Team 1 (North assessment): a sibling pair and eight more.
  make_siblings(1, worker_of(1), 2, "Child in Need");
  fill(1, 8);
  // Team 2 (South family support): the Support Panel's submitted sibling pair
  // (a plan for over 18 months), and a child accommodated two working days ago
  // awaiting the CLAM emergency retrospective review.
  key_.support_siblings = make_siblings(2, worker_of(2), 2, "Child Protection Plan");
  for (std::size_t c : key_.support_siblings) {
    children_[c].cp_plan_start = plus_days(today_, -640);
    children_[c].case_opened = plus_days(today_, -800);
  }
  Child c = random_child(2, worker_of(2), "");
  c.legal_status = "Section 20";
  set_dates(c, random_.uniform(4 * 365, 13 * 365));
  c.case_opened = plus_days(today_, -90);
  c.came_into_care = working_days_before(today_, 2);
  key_.emergency = add_child(std::move(c));
  fill(2, 7);
  // Team 3 (South looked after): the CLAM Panel's submitted sibling group
  // of three (a 45-minute hearing).
  key_.clam_siblings = make_siblings(3, worker_of(3), 3, "Care Order");
  // ... and a group of three heard at the latest CLAM sitting, its record
  // still to write up (the panel day's browser journey).
  key_.clam_heard_siblings = make_siblings(3, worker_of(3), 3, "Care Order");
  fill(3, 4);
  // Team 4 (East FAST) and team 5 (East assessment).
  make_siblings(4, worker_of(4), 2, "Child Protection Plan");
  fill(4, 7);
  fill(5, 9);
}

RequestPlan Builder::plan(const core::PanelType* panel, std::vector<std::size_t> kids,
                          RequestState state, int created_days_ago) {
  RequestPlan p{.panel = panel, .children = std::move(kids), .state = state};
  p.request_type = request_type_for(*panel, false);
  p.created = plus_days(today_, -created_days_ago);
  return p;
}

// Schedules the request at the nth sitting not on a bank holiday, or the
// first after it with room.
void Builder::schedule(const RequestPlan& p, std::vector<Sitting>& future, std::size_t nth) {
  std::size_t seen = 0;
  for (Sitting& sit : future) {
    if (sit.on_bank_holiday) {
      continue;
    }
    const int length = p.panel->hearing_minutes(static_cast<int>(p.children.size()));
    if (seen++ >= nth && sit.booked + length <= sit.capacity()) {
      add_hearing(sit, add_request(p), static_cast<int>(p.children.size()),
                  history::HearingStatus::scheduled);
      return;
    }
  }
}

}  // namespace casepanel::app::demo
