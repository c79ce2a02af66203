// The demo's children: invented names and census categories, a legal status
// that fits the team, dates that fit the status, and sibling groups.
#include <algorithm>
#include <cstdio>

#include "app/demo/builder.h"
#include "store/demo_history.h"

namespace casepanel::app::demo {

using core::Date;
namespace history = store::history;

void Builder::set_dates(Child& c, int age_days) {
  c.date_of_birth = plus_days(today_, -age_days);
  const int open_ago = random_.uniform(14, std::max(14, std::min(age_days, 6 * 365)));
  c.case_opened = plus_days(today_, -open_ago);
  c.came_into_care.reset();
  c.cp_plan_start.reset();
  if (in_care(c.legal_status)) {
    c.came_into_care = plus_days(c.case_opened, random_.uniform(0, open_ago - 7));
  }
  if (c.legal_status == "Child Protection Plan") {
    // Random plans stay under 18 months: the long ones are placed by hand.
    c.cp_plan_start =
        plus_days(today_, -random_.uniform(std::min(30, open_ago), std::min(open_ago, 480)));
  }
}

Child Builder::random_child(std::size_t team, std::int64_t worker, const std::string& family) {
  Child c;
  c.gender = random_.weighted(kGenders);
  const bool girl = c.gender == "Female" || (c.gender == "Non-binary" && random_.chance(50));
  c.first_name = girl ? random_.one_of(kGirls) : random_.one_of(kBoys);
  c.last_name = family.empty() ? random_.one_of(kFamilies) : family;
  c.ethnicity = random_.weighted(kEthnicities);
  c.disability = random_.weighted(kDisabilities);
  const std::string& kind = council_.teams[team].kind;
  if (kind == "looked_after") {
    c.legal_status = random_.one_of(std::array<const char*, 5>{
        "Care Order", "Care Order", "Section 20", "Interim Care Order", "Placement Order"});
  } else if (kind == "assessment") {
    c.legal_status = random_.one_of(std::array<const char*, 4>{
        "Child in Need", "Child in Need", "Child Protection Plan", "Section 20"});
  } else {
    c.legal_status = random_.one_of(std::array<const char*, 4>{
        "Child in Need", "Child Protection Plan", "Child Protection Plan", "Section 20"});
  }
  c.team = team;
  c.worker = worker;
  set_dates(c, random_.uniform(30, 17 * 365 + 300));
  return c;
}

// Siblings share a family name, team, worker, legal status and dates; they are
// born at least a year apart, the eldest first.
std::vector<std::size_t> Builder::make_siblings(std::size_t team, std::int64_t worker, int count,
                                                const std::string& legal_status) {
  std::vector<std::size_t> out;
  const int group = static_cast<int>(groups_.size());
  Child eldest = random_child(team, worker, "");
  eldest.legal_status = legal_status;
  int age = random_.uniform(8 * 365, 15 * 365);
  set_dates(eldest, age);
  for (int i = 0; i < count; ++i) {
    Child c = i == 0 ? eldest : random_child(team, worker, eldest.last_name);
    // Brothers and sisters do not share a first name.
    for (int tries = 0; tries < 10 && std::any_of(out.begin(), out.end(),
                                                  [&](std::size_t o) {
                                                    return children_[o].first_name == c.first_name;
                                                  });
         ++tries) {
      c = random_child(team, worker, eldest.last_name);
    }
    c.legal_status = legal_status;
    c.ethnicity = eldest.ethnicity;
    c.date_of_birth = plus_days(today_, -age);
    c.case_opened = eldest.case_opened;
    c.came_into_care = eldest.came_into_care;
    c.cp_plan_start = eldest.cp_plan_start;
    c.sibling_group = group;
    age -= random_.uniform(380, 900);
    age = std::max(age, 60);
    out.push_back(children_.size());
    children_.push_back(std::move(c));
  }
  groups_.push_back(out);
  return out;
}

std::vector<std::size_t> Builder::with_siblings(std::size_t child) const {
  const int g = children_[child].sibling_group;
  if (g < 0) {
    return {child};
  }
  return groups_[static_cast<std::size_t>(g)];
}

history::ChildRow Builder::child_row(const Child& c, std::size_t number,
                                     std::optional<std::int64_t> sibling_group) const {
  char external[32];
  std::snprintf(external, sizeof external, "DEMO-%06zu", number);
  return {.id = c.id,
          .external_id = external,
          .first_name = c.first_name,
          .last_name = c.last_name,
          .date_of_birth = c.date_of_birth,
          .gender = c.gender,
          .ethnicity = c.ethnicity,
          .disability = c.disability,
          .legal_status = c.legal_status,
          .came_into_care = c.came_into_care,
          .cp_plan_start = c.cp_plan_start,
          .case_opened = c.case_opened,
          .allocated_worker_id = c.worker,
          .team_id = council_.teams[c.team].id,
          .sibling_group_id = sibling_group};
}

void Builder::insert_children() {
  std::vector<std::int64_t> group_ids;
  for (const auto& g : groups_) {
    group_ids.push_back(
        history::insert_sibling_group(tx_, children_[g.front()].last_name + " siblings"));
  }
  for (std::size_t i = 0; i < children_.size(); ++i) {
    Child& c = children_[i];
    const std::optional<std::int64_t> group =
        c.sibling_group < 0 ? std::nullopt
                            : std::optional(group_ids[static_cast<std::size_t>(c.sibling_group)]);
    c.id = history::insert_child(tx_, child_row(c, 100 + i * 7, group));
  }
}

}  // namespace casepanel::app::demo
