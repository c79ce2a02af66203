// The standard council's sittings and requests: the last eight weeks of
// sittings held with their history, the next eight planned, and requests in
// every state for the journeys (drafts, one waiting at each approval step,
// the coordinator's queue, one of them referred for consultation, scheduled,
// declined and withdrawn).
#include "app/demo/builder.h"
#include "store/consultations.h"
#include "store/demo_history.h"

namespace casepanel::app::demo {

using core::Date;
using core::RequestState;
using std::chrono::sys_days;
namespace history = store::history;

void Builder::plan_clam_requests(const core::PanelType& clam, std::vector<Sitting>& future) {
  auto plain = [&](std::size_t team, std::size_t i) { return key_.plain.at(team).at(i); };
  const int steps = static_cast<int>(clam.approval_steps.size());
  add_request(plan(&clam, {plain(3, 0)}, RequestState::draft, 3));
  if (steps > 0) {
    RequestPlan returned = plan(&clam, {plain(3, 1)}, RequestState::draft, 10);
    returned.returned = Returned::yes;
    returned.step = steps - 1;
    add_request(returned);
  }
  // One request waiting at each approval step; social_worker@'s for the
  // first two, so practice_manager@ and group_manager@ each have one to approve.
  for (int k = 0; k < steps; ++k) {
    const std::size_t child = k == 0   ? key_.sw_section_20
                              : k == 1 ? key_.sw_care_order
                                       : plain(5, static_cast<std::size_t>(3 + k));
    RequestPlan p = plan(&clam, {child}, RequestState::awaiting_approval, 4 + 2 * k);
    p.step = k;
    add_request(p);
  }
  // The coordinator's queue, led by an emergency retrospective review.
  RequestPlan emergency = plan(&clam, {key_.emergency}, RequestState::submitted, 0);
  emergency.request_type = request_type_for(clam, true);
  const core::RequestType* t = clam.request_type(emergency.request_type);
  emergency.created = *children_[key_.emergency].came_into_care;
  if (t && t->heard_within_working_days) {
    emergency.statutory_due =
        s_.calendar.add_working_days(emergency.created, *t->heard_within_working_days);
  }
  add_request(emergency);
  const std::int64_t siblings =
      add_request(plan(&clam, key_.clam_siblings, RequestState::submitted, 12));
  // CLAM: the coordinator asked the Permanency Planning Co-ordinator's
  // advice about the sibling group, which member@ (the seat's deputy,
  // app/demo/seats.cc) can give from their home page.
  if (!clam.consultations.empty()) {
    store::add_consultation(tx_, {.request_id = siblings,
                                  .consultation_id = clam.consultations.front().id,
                                  .note = "Can the three children be placed together, and is a "
                                          "long-term fostering search realistic for a group "
                                          "this size?",
                                  .referred_by = council_.login.at(core::Role::coordinator),
                                  .referred_at = now_ - std::chrono::minutes{5}});
  }
  add_request(plan(&clam, {plain(3, 2)}, RequestState::submitted, 9));
  add_request(plan(&clam, {plain(5, 0)}, RequestState::submitted, 8));
  add_request(plan(&clam, {plain(1, 0)}, RequestState::submitted, 7));
  schedule(plan(&clam, {key_.sw_interim}, RequestState::scheduled, 12), future, 0);
  schedule(plan(&clam, {plain(3, 3)}, RequestState::scheduled, 14), future, 0);
  schedule(plan(&clam, {plain(5, 1)}, RequestState::scheduled, 11), future, 1);
  add_request(plan(&clam, {plain(5, 2)}, RequestState::declined, 30));
  add_request(plan(&clam, {plain(1, 1)}, RequestState::withdrawn, 25));
}

void Builder::plan_support_requests(const core::PanelType& support, std::vector<Sitting>& future) {
  auto plain = [&](std::size_t team, std::size_t i) { return key_.plain.at(team).at(i); };
  const int steps = static_cast<int>(support.approval_steps.size());
  add_request(plan(&support, {key_.sw_child_in_need}, RequestState::draft, 2));
  if (steps > 0) {
    RequestPlan returned = plan(&support, {key_.sw_cp_plan}, RequestState::draft, 8);
    returned.returned = Returned::yes;
    returned.step = 0;
    add_request(returned);
  }
  for (int k = 0; k < steps; ++k) {
    RequestPlan p = plan(&support, {plain(2, 0)}, RequestState::awaiting_approval, 3 + k);
    p.step = k;
    add_request(p);
    p.children = {plain(4, 0)};
    add_request(p);
  }
  add_request(plan(&support, key_.support_siblings, RequestState::submitted, 9));
  add_request(plan(&support, {plain(4, 1)}, RequestState::submitted, 6));
  schedule(plan(&support, {plain(2, 1)}, RequestState::scheduled, 10), future, 0);
  std::vector<std::size_t> east_pair;
  for (const auto& g : groups_) {
    if (children_[g.front()].team == 4) {
      east_pair = g;
    }
  }
  if (!east_pair.empty()) {
    schedule(plan(&support, east_pair, RequestState::scheduled, 13), future, 1);
  }
  add_request(plan(&support, {plain(4, 2)}, RequestState::declined, 20));
  add_request(plan(&support, {plain(2, 2)}, RequestState::withdrawn, 16));
}

void Builder::plan_standard_requests(std::vector<Sitting>& clam_future,
                                     std::vector<Sitting>& support_future) {
  if (const core::PanelType* clam = s_.panels.find("clam")) {
    plan_clam_requests(*clam, clam_future);
  }
  if (const core::PanelType* support = s_.panels.find("support")) {
    plan_support_requests(*support, support_future);
  }
}

// Sittings: the last eight weeks were held, the next eight are planned. A
// past sitting that fell on a bank holiday is taken as cancelled and left
// out; a future one is kept for the coordinator to move (as ensure_sittings does).
void Builder::plan_standard_sittings(std::map<std::string, std::vector<Sitting>>& past,
                                     std::map<std::string, std::vector<Sitting>>& future) {
  int sittings = 0;
  for (const core::PanelType& panel : s_.panels.all()) {
    for (Sitting& sit : sittings_of(panel, plus_days(today_, -56), plus_days(today_, 57))) {
      const bool held = sys_days{sit.date} < sys_days{today_};
      if (held && sit.on_bank_holiday) {
        continue;
      }
      sit.id = insert_sitting(
          sit, held ? history::SittingStatus::held : history::SittingStatus::planned);
      ++sittings;
      (held ? past : future)[panel.id].push_back(std::move(sit));
    }
  }
  note("sittings", {{"sittings", sittings}});
}

// social_worker@'s history: at the CLAM Panel, the interim care order child's
// emergency review at the first sitting after coming into care, and two
// reviews; at the Support Panel, the child on a plan.
void Builder::hold_standard_history(std::map<std::string, std::vector<Sitting>>& past,
                                    const std::set<std::size_t>& protect) {
  for (const core::PanelType& panel : s_.panels.all()) {
    std::vector<Sitting>& held = past[panel.id];
    PastForcing forcing;
    std::map<std::size_t, std::size_t>& forced = forcing.first;
    if (panel.id == "clam") {
      const Date came = *children_[key_.sw_interim].came_into_care;
      for (std::size_t i = 0; i < held.size(); ++i) {
        if (sys_days{held[i].date} > sys_days{came}) {
          forced[i] = key_.sw_interim;
          forcing.type[i] = request_type_for(panel, true);
          break;
        }
      }
      for (std::size_t i : {std::size_t{1}, std::size_t{4}}) {
        if (i < held.size() && !forced.count(i)) {
          forced[i] = i == 1 ? key_.sw_care_order : key_.sw_section_20;
        }
      }
      forcing.write_up = key_.clam_heard_siblings.front();
    } else if (panel.id == "support" && held.size() > 3) {
      forced[3] = key_.sw_cp_plan;
    }
    hold_past_sittings(panel, held, protect, forcing);
  }
}

DemoSummary Builder::standard() {
  ensure_empty();
  write_settings(DemoScale::standard);
  build_council(kStandardLayout);
  note("council", {{"localities", kStandardLayout.localities}, {"teams", council_.teams.size()}});
  build_standard_children();
  insert_children();
  note("children", {{"children", children_.size()}, {"sibling_groups", groups_.size()}});
  std::map<std::string, std::vector<Sitting>> past;
  std::map<std::string, std::vector<Sitting>> future;
  plan_standard_sittings(past, future);
  // Children whose journeys start in the browser have no history here.
  std::set<std::size_t> protect(key_.sw_siblings.begin(), key_.sw_siblings.end());
  protect.insert(key_.sw_recent_care);
  protect.insert(key_.emergency);
  protect.insert(key_.clam_heard_siblings.begin(), key_.clam_heard_siblings.end());
  hold_standard_history(past, protect);
  plan_standard_requests(future["clam"], future["support"]);
  assign_seats(future["support"]);
  record_attendance(past);
  record_watch_discussions(protect);
  // After panel: the returns the review dates open, one of the demo social
  // worker's due next week (`casepanel demo` then runs the escalation job).
  history::open_returns(tx_);
  history::move_review(tx_, council_.login.at(core::Role::social_worker),
                       add_working_days(today_, 5));
  const DemoSummary made = summary();
  note("requests", {{"requests", made.requests},
                    {"hearings", made.hearings},
                    {"decisions", made.decisions},
                    {"actions", made.actions}});
  return made;
}

}  // namespace casepanel::app::demo
