// TestWorld: a small council on a fresh database with a fake clock, for
// store/, app/ and web/ tests: an SQLite file in a temporary directory, or a
// database of a throwaway PostgreSQL cluster when the run tests that engine
// (support/test_database.h). Two teams in one locality:
//   team A: managed by pm_a (practice manager), social worker sw_a;
//   team B: managed by pm_b, social worker sw_b;
//   gm (group manager) manages pm_a and pm_b; plus a coordinator and a panel
//   administrator (both serving every shipped panel: user_panels), an
//   auditor and an administrator.
// One child in each team (child_a, child_b) and a sibling pair in team A.
// Panel types come from the repository's config/panels.
// Everything is removed when the world goes out of scope.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/actor_cache.h"
#include "app/auth.h"
#include "app/services.h"
#include "store/database.h"
#include "support/test_database.h"

namespace casepanel::testing {

inline constexpr const char* kPassword = "correct horse battery staple";

class TestWorld {
 public:
  TestWorld();
  // The same council with one more panel file (a third council's panel,
  // written by the test), loaded beside the repository's.
  explicit TestWorld(const std::string& extra_panel_toml);
  ~TestWorld();

  app::Services& services() { return *services_; }
  store::Database& db() { return *db_; }
  core::FakeClock& clock() { return clock_; }
  const std::filesystem::path& dir() const { return dir_; }
  // Where the database is, for `casepanel --database` and a second
  // Database::open: an SQLite file or a postgresql:// URL.
  const std::string& location() const { return database_->location(); }
  app::Actor actor(std::int64_t user_id);

  std::int64_t sw_a = 0, pm_a = 0, sw_b = 0, pm_b = 0, gm = 0;
  std::int64_t coordinator = 0, panel_admin = 0, auditor = 0, admin = 0;
  std::int64_t team_a = 0, team_b = 0;
  std::int64_t child_a = 0, child_b = 0, sibling_1 = 0, sibling_2 = 0;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<TestDatabase> database_;
  core::FakeClock clock_;
  core::Calendar calendar_;
  std::unique_ptr<app::PanelCatalogue> panels_;
  std::unique_ptr<store::Database> db_;
  // As serve keeps them: every test that signs in resumes from it.
  app::ActorCache actors_;
  std::unique_ptr<app::Services> services_;
};

// The number an SQL query gives (a count, an id), read directly; 0 for no row.
std::int64_t number(TestWorld& w, const std::string& sql, const store::Params& params = {});

// The outbox rows (subject, body or calendar) that name one of the world's
// children, as "outbox 12 names Ada Test": email is not a safe channel for a
// child's details, and the administrator who reads the outbox may not see
// them (docs/email.md), so there must be none.
std::vector<std::string> emails_naming_a_child(TestWorld& w);

// Makes every INSERT into `table` fail with `message` (a trigger, written
// for the transaction's engine): a database that refuses a write.
void refuse_inserts(store::Tx& tx, const std::string& table, const std::string& message);

// Removes the audit log's append-only triggers, as someone holding the
// SQLite file (or the PostgreSQL database's owner) can.
void drop_audit_triggers(store::Tx& tx);

// A person who can sign in with kPassword, holding one role, in no team.
std::int64_t add_person(TestWorld& w, const std::string& email, const std::string& role);

// A temporary directory removed on destruction.
std::filesystem::path make_temp_dir();

}  // namespace casepanel::testing
