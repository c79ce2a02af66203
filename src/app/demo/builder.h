// Builder: makes one demo council (app/demo.h) inside the caller's
// transaction: the staff and teams, the children, the sittings and a
// history of requests, hearings, decisions and actions. The standard council
// is in app/demo/standard.cc, the large one in app/demo/large*.cc; what they
// share (people, children, requests, sittings) in the other app/demo files.
// Rows are written through store/demo_history.h (one at a time) or
// store/bulk_load.h (the large council's history).
//
// Dates are relative to the clock's now; every random choice comes from one
// seeded generator in a fixed order, so the same clock and catalogue give
// the same council. A Builder is used once, by one thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/demo.h"
#include "app/demo/model.h"
#include "app/demo/random.h"
#include "store/bulk_load.h"
#include "store/history_rows.h"

namespace casepanel::app::demo {

// Any constant will do: the same seed and clock give the same council.
inline constexpr std::uint32_t kSeed = 20240102;
inline constexpr const char* kCouncil = "Demo County Council";

class Builder {
 public:
  Builder(Services& s, store::Tx& tx);

  DemoSummary standard();
  DemoSummary large();

 private:
  // Time (builder.cc). Times of past events are kept before now.
  core::Instant at(core::Date d, int minute_of_day) const;
  core::Instant before_now(core::Instant t) const;
  core::Instant stamp(core::Date d, int minute_of_day) const;
  core::Instant cached_stamp(core::Date d, int minute_of_day);
  core::Date add_working_days(core::Date d, int n);
  core::Date working_days_before(core::Date d, int n) const;
  core::Date working_day_on_or_before(core::Date d) const;

  // The council (council.cc).
  void ensure_empty();
  void write_settings(DemoScale scale);
  void note(const std::string& step, const nlohmann::json& detail);
  std::string email_for(const std::string& name);
  std::int64_t add_user(const std::string& email, const std::string& name, const std::string& job,
                        std::optional<std::int64_t> team, std::optional<std::int64_t> line_manager,
                        core::Role role);
  std::int64_t add_login(core::Role r, const std::string& name, const std::string& job,
                         std::optional<std::int64_t> team, std::optional<std::int64_t> manager);
  std::int64_t add_staff(const std::string& job, std::optional<std::int64_t> team,
                         std::optional<std::int64_t> manager, core::Role r);
  std::string next_staff_name();
  void build_council(const Layout& layout);
  void add_group_managers(const Layout& layout, std::int64_t director);
  void add_teams(const Layout& layout, const std::vector<std::int64_t>& localities);
  void add_panel_staff(std::int64_t director);
  std::int64_t approver_for(core::Role role, const Team& team) const;
  DemoSummary summary();

  // Children (children.cc).
  Child random_child(std::size_t team, std::int64_t worker, const std::string& family);
  void set_dates(Child& c, int age_days);
  std::vector<std::size_t> make_siblings(std::size_t team, std::int64_t worker, int count,
                                         const std::string& legal_status);
  std::vector<std::size_t> with_siblings(std::size_t child) const;
  void insert_children();
  // A child as the children table holds it; its id (bulk loads) is c.id.
  store::history::ChildRow child_row(const Child& c, std::size_t number,
                                     std::optional<std::int64_t> sibling_group) const;

  // Requests (requests.cc).
  std::string request_type_for(const core::PanelType& p, bool statutory);
  std::string text_reason(const core::PanelType& p);
  struct RequestClock;
  std::int64_t add_request(const RequestPlan& p);
  RequestClock request_clock(const RequestPlan& p, int events);
  std::int64_t insert_request(const RequestPlan& p, std::size_t approved, core::Instant created);
  void record_approvals(const RequestPlan& p, std::int64_t request, std::size_t approved,
                        RequestClock& clock);
  void add_criteria(std::int64_t request, const core::PanelType& panel);
  void add_papers(std::int64_t request, const RequestPlan& p, core::Instant added_at);
  void record_watch_discussions(const std::set<std::size_t>& protect);

  // Sittings, hearings, decisions and actions (sittings.cc).
  std::vector<Sitting> sittings_of(const core::PanelType& panel, core::Date from, core::Date until);
  std::int64_t insert_sitting(Sitting& sit, store::history::SittingStatus status);
  std::optional<core::Instant> published(const Sitting& sit,
                                         store::history::SittingStatus status) const;
  std::int64_t add_hearing(Sitting& sit, std::int64_t request, int children,
                           store::history::HearingStatus status);
  void decide(const Sitting& sit, std::int64_t hearing, core::Instant decided_at,
              const std::vector<std::size_t>& kids, core::RequestState request_state);
  void add_actions(const Sitting& sit, std::int64_t decision, const Child& child,
                   core::Instant recorded, core::RequestState request_state);
  // The timescales a decision starts (Support Panel 6.1: the FGC referral),
  // recorded as met at past sittings: most within, one in four late.
  void add_timescales(const Sitting& sit, std::int64_t decision, const Child& child,
                      core::Instant recorded, const std::string& option_id);
  std::vector<std::size_t> past_pool(const core::PanelType& panel, const Sitting& sit,
                                     const std::set<std::size_t>& protect) const;
  // Who a panel's past sittings must hear: the first hearing of sitting i
  // (`first`, with `type` where given), and the children the note taker
  // still has to write up at the latest sitting (`write_up`, with siblings).
  struct PastForcing {
    std::map<std::size_t, std::size_t> first{};
    std::map<std::size_t, std::string> type{};
    std::optional<std::size_t> write_up{};
  };
  void hold_past_sittings(const core::PanelType& panel, std::vector<Sitting>& past,
                          const std::set<std::size_t>& protect, const PastForcing& forcing);
  std::optional<std::size_t> pick_from(const std::vector<std::size_t>& pool,
                                       const std::set<std::size_t>& heard);
  void hear_past(Sitting& sit, const std::vector<std::size_t>& kids, const std::string& type,
                 core::RequestState state);

  // Seats (seats.cc).
  void assign_seats(const std::vector<Sitting>& support_future);
  // Every held sitting's members, present (one in four by conference call).
  void record_attendance(const std::map<std::string, std::vector<Sitting>>& past);
  std::vector<std::int64_t> seat_people(const core::Member& seat, std::size_t nth);
  void make_support_chair(const std::vector<Sitting>& support_future);

  // The standard council (standard.cc).
  void build_standard_children();
  void build_social_worker_caseload();
  std::int64_t worker_of(std::size_t team);
  void fill(std::size_t team, int count);
  std::size_t add_child(Child c);
  void plan_standard_sittings(std::map<std::string, std::vector<Sitting>>& past,
                              std::map<std::string, std::vector<Sitting>>& future);
  void hold_standard_history(std::map<std::string, std::vector<Sitting>>& past,
                             const std::set<std::size_t>& protect);
  void plan_standard_requests(std::vector<Sitting>& clam_future,
                              std::vector<Sitting>& support_future);
  void plan_clam_requests(const core::PanelType& clam, std::vector<Sitting>& future);
  void plan_support_requests(const core::PanelType& support, std::vector<Sitting>& future);
  RequestPlan plan(const core::PanelType* panel, std::vector<std::size_t> kids,
                   core::RequestState state, int created_days_ago);
  void schedule(const RequestPlan& p, std::vector<Sitting>& future, std::size_t nth);

  // The large council (large.cc, large_history.cc).
  struct LargePlan {
    std::vector<Sitting> past;  // oldest first
    std::vector<Sitting> future;
    std::vector<std::size_t> bench;            // per kBenchAgendas: index into future
    int oldest_hearings = 0;                   // the oldest sitting's share
    std::vector<std::size_t> hearing_sitting;  // per past hearing: index into past
    std::vector<std::size_t> hearing_child;    // per past hearing: index into children_
  };
  class LargeHistory;
  void plan_large_future(LargePlan& plan);
  void plan_large_past(LargePlan& plan, int hearings);
  Sitting large_sitting(const core::PanelType& panel, core::Date date) const;
  void assign_large_hearings(LargePlan& plan);
  void make_large_children(const LargePlan& plan);
  void make_large_sibling_groups();
  void load_large_children(store::history::BulkLoad& load, const store::history::FirstIds& ids);
  void load_large_sittings(store::history::BulkLoad& load, LargePlan& plan,
                           const store::history::FirstIds& ids);
  std::vector<int> large_action_counts(std::size_t decisions);
  void hear_bench_sittings(LargePlan& plan, LargeHistory& past);

  Services& s_;
  store::Tx& tx_;
  core::Instant now_;
  core::Date today_;
  Random random_;
  Council council_;
  std::vector<std::pair<std::size_t, std::size_t>> staff_names_;
  std::size_t next_staff_ = 0;
  std::vector<Child> children_;
  std::vector<std::vector<std::size_t>> groups_;
  std::unordered_map<long long, core::Instant> stamps_;
  std::unordered_map<long long, core::Date> working_days_;
  int overdue_seen_ = 0;
  int upcoming_seen_ = 0;
  int closed_seen_ = 0;
  int timescales_seen_ = 0;

  // The curated children of the standard council (indices into children_).
  struct Key {
    std::vector<std::size_t> sw_siblings;  // social_worker@'s group of three
    std::size_t sw_recent_care = 0;        // came into care a working day ago: no request yet
    std::size_t sw_child_in_need = 0;
    std::size_t sw_care_order = 0;
    std::size_t sw_cp_plan = 0;
    std::size_t sw_section_20 = 0;
    std::size_t sw_interim = 0;
    std::size_t emergency = 0;  // in the triage queue for an emergency retrospective review
    std::vector<std::size_t> support_siblings;              // submitted to the Support Panel
    std::vector<std::size_t> clam_siblings;                 // submitted to the CLAM Panel
    std::vector<std::size_t> clam_heard_siblings;           // heard at the latest CLAM sitting
    std::map<std::size_t, std::vector<std::size_t>> plain;  // by team: no curated part
  } key_;
};

}  // namespace casepanel::app::demo
