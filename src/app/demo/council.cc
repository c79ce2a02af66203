// The demo council: settings, localities, teams, staff and line management,
// the fixed logins (ROLE@demo.casepanel.test) and the summary of what was made.
#include <cctype>
#include <stdexcept>

#include "app/audit_trail.h"
#include "app/demo/builder.h"
#include "app/demo/people.h"
#include "store/crypto.h"
#include "store/demo_history.h"
#include "store/relationships.h"
#include "store/settings.h"

namespace casepanel::app::demo {

using core::Role;
namespace history = store::history;

namespace {

std::string login_email(Role r) { return std::string(core::role_id(r)) + "@" + kDemoEmailDomain; }

}  // namespace

void Builder::ensure_empty() {
  if (history::has_users(tx_)) {
    throw std::runtime_error(
        "The database already has users: demo data goes only into an empty database");
  }
}

void Builder::write_settings(DemoScale scale) {
  store::put_setting(tx_, "demo", "1");
  store::put_setting(tx_, "council", kCouncil);
  store::put_setting(tx_, "demo_scale", scale == DemoScale::large ? "large" : "standard");
}

void Builder::note(const std::string& step, const nlohmann::json& detail) {
  nlohmann::json d = detail;
  d["step"] = step;
  audit(tx_, s_, Actor{}, "demo.create", "demo", 0, d);
}

std::string Builder::email_for(const std::string& name) {
  std::string base;
  for (char ch : name) {
    if (ch == ' ') {
      base += '.';
    } else if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') {
      base += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  std::string email = base + "@" + kDemoEmailDomain;
  for (int n = 2; council_.emails.count(email); ++n) {
    email = base + std::to_string(n) + "@" + kDemoEmailDomain;
  }
  return email;
}

std::int64_t Builder::add_user(const std::string& email, const std::string& name,
                               const std::string& job, std::optional<std::int64_t> team,
                               std::optional<std::int64_t> line_manager, Role role) {
  council_.emails.insert(email);
  return history::insert_user(tx_, {.email = email,
                                    .name = name,
                                    .job_title = job,
                                    .password_hash = council_.password_hash,
                                    .team_id = team,
                                    .line_manager_id = line_manager,
                                    .created_at = s_.clock.now(),
                                    .roles = {role}});
}

// A demo login: named by hand, one per role.
std::int64_t Builder::add_login(Role r, const std::string& name, const std::string& job,
                                std::optional<std::int64_t> team,
                                std::optional<std::int64_t> manager) {
  const std::int64_t id = add_user(login_email(r), name, job, team, manager, r);
  council_.login[r] = id;
  return id;
}

std::int64_t Builder::add_staff(const std::string& job, std::optional<std::int64_t> team,
                                std::optional<std::int64_t> manager, Role r) {
  const std::string name = next_staff_name();
  return add_user(email_for(name), name, job, team, manager, r);
}

std::string Builder::next_staff_name() {
  if (staff_names_.empty()) {
    for (std::size_t f = 0; f < kStaffFirst.size(); ++f) {
      for (std::size_t l = 0; l < kStaffLast.size(); ++l) {
        staff_names_.emplace_back(f, l);
      }
    }
    random_.shuffle(staff_names_.begin(), staff_names_.end());
  }
  const auto [f, l] = staff_names_[next_staff_++ % staff_names_.size()];
  return std::string(kStaffFirst[f]) + " " + kStaffLast[l];
}

void Builder::build_council(const Layout& layout) {
  // Argon2id is slow on purpose: hash the shared demo password once.
  council_.password_hash = store::hash_password(kDemoPassword);
  std::vector<std::int64_t> localities;
  for (int l = 0; l < layout.localities; ++l) {
    localities.push_back(history::insert_locality(tx_, kLocalities[static_cast<std::size_t>(l)]));
  }
  const std::int64_t director =
      add_login(Role::assistant_director, "Helen Ashdown",
                "Assistant Director, Children's Social Care", std::nullopt, std::nullopt);
  add_group_managers(layout, director);
  add_teams(layout, localities);
  add_panel_staff(director);
}

void Builder::add_group_managers(const Layout& layout, std::int64_t director) {
  for (int l = 0; l < layout.localities; ++l) {
    const std::string job =
        std::string("Group Manager, ") + kLocalities[static_cast<std::size_t>(l)] + " Locality";
    council_.group_managers.push_back(
        l == 0 ? add_login(Role::group_manager, "Martin Oduya", job, std::nullopt, director)
               : add_staff(job, std::nullopt, director, Role::group_manager));
  }
}

void Builder::add_teams(const Layout& layout, const std::vector<std::int64_t>& localities) {
  for (int l = 0; l < layout.localities; ++l) {
    for (int t = 0; t < layout.teams_per_locality; ++t) {
      const std::size_t i = council_.teams.size();
      Team team;
      team.kind = kTeamKinds[i % kTeamKinds.size()];
      team.locality = static_cast<std::size_t>(l);
      team.name = std::string(kLocalities[team.locality]) + " " + team_label(team.kind) +
                  (layout.team_numbers == TeamNumbers::shown ? " " + std::to_string(t + 1) : "");
      team.id = history::insert_team(tx_, team.name, team.kind, localities[team.locality]);
      const std::string pm_job = "Practice Manager, " + team.name;
      const std::int64_t gm = council_.group_managers[team.locality];
      team.manager = i == 0
                         ? add_login(Role::practice_manager, "Priya Castell", pm_job, team.id, gm)
                         : add_staff(pm_job, team.id, gm, Role::practice_manager);
      history::set_team_manager(tx_, team.id, team.manager);
      if (i == 0) {
        team.workers.push_back(add_login(Role::social_worker, "Jordan Ellery", "Social Worker",
                                         team.id, team.manager));
      }
      for (int w = 0; w < layout.workers_per_team; ++w) {
        team.workers.push_back(add_staff(w == 0 ? "Senior Practitioner" : "Social Worker", team.id,
                                         team.manager, Role::social_worker));
      }
      council_.teams.push_back(std::move(team));
    }
  }
}

// The chairs, the panels' coordinator and administrator, members, the
// auditor and the system administrator.
void Builder::add_panel_staff(std::int64_t director) {
  // Support Panel 4.1: the chair is a Service Manager independent of the
  // line management of the case; neither chair manages anyone.
  council_.chairs.push_back(add_login(Role::chair, "Grace Penhallow",
                                      "Service Manager, Quality Assurance (Panel Chair)",
                                      std::nullopt, director));
  council_.chairs.push_back(add_staff("Service Manager, Safeguarding (Panel Chair)", std::nullopt,
                                      director, Role::chair));
  const std::int64_t coordinator =
      add_login(Role::coordinator, "Tom Fairweather", "Panel Coordinator", std::nullopt, director);
  const std::int64_t panel_admin =
      add_login(Role::panel_admin, "Nadia Brookes", "Panel Administrator and Note Taker",
                std::nullopt, director);
  // Both demo panels are served by the one coordinator and panel
  // administrator (docs/access.md: user_panels).
  for (const core::PanelType& panel : s_.panels.all()) {
    store::serve_panel(tx_, coordinator, panel.id);
    store::serve_panel(tx_, panel_admin, panel.id);
  }
  council_.members["Fostering Team Manager"] =
      add_login(Role::member, "Ian Tresize", "Fostering Team Manager", std::nullopt, director);
  for (const char* job : {"Family Group Conference Manager", "Youth Offending Service Officer",
                          "SEND Team Representative", "Permanency Planning Co-ordinator",
                          "Placement Finding Team Manager"}) {
    council_.members[job] = add_staff(job, std::nullopt, director, Role::member);
  }
  add_login(Role::auditor, "Ruth Kavanagh", "Quality Assurance Officer", std::nullopt,
            std::nullopt);
  add_login(Role::admin, "Omar Linwood", "System Administrator", std::nullopt, std::nullopt);
}

// The person who acts on an approval step for a team's request: its practice
// manager, its locality's group manager, or the demo login holding the role.
std::int64_t Builder::approver_for(Role role, const Team& team) const {
  if (role == Role::practice_manager) {
    return team.manager;
  }
  if (role == Role::group_manager) {
    return council_.group_managers[team.locality];
  }
  return council_.login.at(role);
}

DemoSummary Builder::summary() { return history::count_rows(tx_); }

}  // namespace casepanel::app::demo
