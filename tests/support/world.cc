#include "support/world.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <stdexcept>

#include "store/audit_key.h"
#include "store/crypto.h"
#include "store/migrations.h"
#include "store/panel_files.h"
#include "store/relationships.h"
#include "store/report_summary.h"

namespace casepanel::testing {
namespace {

using namespace std::chrono_literals;

// Tuesday 24 November 2026, 09:00 UTC (09:00 in London: GMT).
constexpr core::Instant kStart{std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + 9h};

std::int64_t add_user(store::Tx& tx, const std::string& email, const std::string& name,
                      std::optional<std::int64_t> team, std::optional<std::int64_t> manager,
                      std::initializer_list<const char*> roles, const std::string& hash) {
  const std::int64_t id = tx.insert(
      "INSERT INTO users (email, name, password_hash, team_id, line_manager_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5, '2026-01-01T00:00:00Z') RETURNING id",
      {email, name, hash, store::nullable(team), store::nullable(manager)});
  for (const char* role : roles) {
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, std::string(role)});
  }
  return id;
}

std::int64_t add_child(store::Tx& tx, const std::string& ext, const std::string& first,
                       std::int64_t team, std::int64_t worker, std::optional<std::int64_t> group) {
  return tx.insert(
      "INSERT INTO children (external_id, first_name, last_name, date_of_birth, team_id, "
      "allocated_worker_id, sibling_group_id, came_into_care) "
      "VALUES ($1, $2, 'Testchild', '2015-05-01', $3, $4, $5, '2026-11-19') RETURNING id",
      {ext, first, team, worker, store::nullable(group)});
}

}  // namespace

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "casepanel-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  return pattern;
}

TestWorld::TestWorld() : TestWorld(std::string()) {}

TestWorld::TestWorld(const std::string& extra_panel_toml)
    : dir_(make_temp_dir()),
      database_(std::make_unique<TestDatabase>(dir_, "test", Start::migrated)),
      clock_(kStart),
      calendar_(core::Calendar::england_and_wales()) {
  std::filesystem::path panel_dir = std::filesystem::path(CASEPANEL_SOURCE_DIR) / "config/panels";
  if (!extra_panel_toml.empty()) {
    const std::filesystem::path mine = dir_ / "panels";
    std::filesystem::create_directories(mine);
    for (const auto& f : std::filesystem::directory_iterator(panel_dir)) {
      std::filesystem::copy_file(f.path(), mine / f.path().filename());
    }
    std::ofstream(mine / "third-council.toml") << extra_panel_toml;
    panel_dir = mine;
  }
  auto files = store::load_panel_files(panel_dir);
  if (!files.ok()) {
    throw std::runtime_error("panel configuration: " + files.problems.front().to_string());
  }
  panels_ = std::make_unique<app::PanelCatalogue>(std::move(files.panels));
  db_ = store::Database::open(database_->location(), 4);
  db_->set_audit_key(std::make_shared<store::AuditKey>(
      store::AuditKey::load(dir_ / "audit.key", store::KeyFileMissing::create)));
  store::migrate(*db_);
  services_ = std::make_unique<app::Services>(
      app::Services{*db_, clock_, calendar_, *panels_, dir_ / "uploads", 20 * 1024 * 1024});
  services_->actors = &actors_;
  static const std::string hash = store::hash_password(kPassword);
  db_->write_all([&](store::Tx& tx) {
    const auto locality = tx.insert("INSERT INTO localities (name) VALUES ('North') RETURNING id");
    gm = add_user(tx, "gm@test", "Gita Manager", std::nullopt, std::nullopt, {"group_manager"},
                  hash);
    team_a = tx.insert("INSERT INTO teams (name, locality_id) VALUES ('Team A', $1) RETURNING id",
                       {locality});
    team_b = tx.insert("INSERT INTO teams (name, locality_id) VALUES ('Team B', $1) RETURNING id",
                       {locality});
    pm_a = add_user(tx, "pm_a@test", "Pat Alpha", team_a, gm, {"practice_manager"}, hash);
    pm_b = add_user(tx, "pm_b@test", "Pam Beta", team_b, gm, {"practice_manager"}, hash);
    tx.exec("UPDATE teams SET manager_id = $1 WHERE id = $2", {pm_a, team_a});
    tx.exec("UPDATE teams SET manager_id = $1 WHERE id = $2", {pm_b, team_b});
    sw_a = add_user(tx, "sw_a@test", "Sam Alpha", team_a, pm_a, {"social_worker"}, hash);
    sw_b = add_user(tx, "sw_b@test", "Sid Beta", team_b, pm_b, {"social_worker"}, hash);
    coordinator = add_user(tx, "coord@test", "Cora Ordinator", std::nullopt, std::nullopt,
                           {"coordinator"}, hash);
    panel_admin = add_user(tx, "admin@panel.test", "Nora Taker", std::nullopt, std::nullopt,
                           {"panel_admin"}, hash);
    auditor =
        add_user(tx, "auditor@test", "Audrey Tor", std::nullopt, std::nullopt, {"auditor"}, hash);
    admin = add_user(tx, "sysadmin@test", "Sys Admin", std::nullopt, std::nullopt, {"admin"}, hash);
    for (const core::PanelType& panel : panels_->all()) {
      store::serve_panel(tx, coordinator, panel.id);
      store::serve_panel(tx, panel_admin, panel.id);
    }
    const auto group = tx.insert("INSERT INTO sibling_groups (name) VALUES ('Pair') RETURNING id");
    child_a = add_child(tx, "T-1", "Ada", team_a, sw_a, std::nullopt);
    child_b = add_child(tx, "T-2", "Ben", team_b, sw_b, std::nullopt);
    sibling_1 = add_child(tx, "T-3", "Cal", team_a, sw_a, group);
    sibling_2 = add_child(tx, "T-4", "Dee", team_a, sw_a, group);
  });
}

TestWorld::~TestWorld() {
  // Whatever the test did, the review's summary rows must be what they
  // would be made again from every request (store/report_summary.h).
  std::vector<std::string> drift;
  (void)db_->write<int>([&](store::Tx& tx) -> core::Result<int> {
    drift = store::report_summary::differences(tx);
    return core::Error::conflict("rolled back: only compared");
  });
  for (const std::string& d : drift) {
    ADD_FAILURE() << "the review's summary drifted from its rows: " << d;
  }
  services_.reset();
  db_.reset();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::int64_t number(TestWorld& w, const std::string& sql, const store::Params& params) {
  std::int64_t n = 0;
  w.db().read_all([&](store::Tx& tx) {
    const auto row = tx.query_one(sql, params);
    n = row ? row->integer(0) : 0;
  });
  return n;
}

std::vector<std::string> emails_naming_a_child(TestWorld& w) {
  // Matched here rather than in SQL, where finding text in text is spelt
  // differently on each engine.
  std::vector<std::string> out;
  w.db().read_all([&](store::Tx& tx) {
    const store::Rows children = tx.query("SELECT first_name, last_name FROM children");
    for (const store::Row& o :
         tx.query("SELECT id, subject || body || COALESCE(calendar, '') FROM outbox")) {
      const std::string text = o.text(1);
      for (const store::Row& c : children) {
        if (text.find(c.text(0)) != std::string::npos ||
            text.find(c.text(1)) != std::string::npos) {
          out.push_back("outbox " + std::to_string(o.integer(0)) + " names " + c.text(0) + " " +
                        c.text(1));
        }
      }
    }
  });
  return out;
}

void refuse_inserts(store::Tx& tx, const std::string& table, const std::string& message) {
  // Test code's own names and words: spliced, as DDL takes no parameters.
  const std::string name = "refuse_" + table;
  if (tx.engine() == store::Engine::sqlite) {
    tx.exec("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table +
            " BEGIN SELECT RAISE(ABORT, '" + message + "'); END");
    return;
  }
  tx.exec("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN " +
          "RAISE EXCEPTION '" + message + "'; END $fn$");
  tx.exec("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table +
          " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
}

void drop_audit_triggers(store::Tx& tx) {
  if (tx.engine() == store::Engine::sqlite) {
    tx.exec("DROP TRIGGER IF EXISTS audit_events_no_update");
    tx.exec("DROP TRIGGER IF EXISTS audit_events_no_delete");
    return;
  }
  tx.exec("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events");
  tx.exec("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events");
}

std::int64_t add_person(TestWorld& w, const std::string& email, const std::string& role) {
  std::int64_t id = 0;
  w.db().write_all([&](store::Tx& tx) {
    id = tx.insert(
        "INSERT INTO users (email, name, password_hash, created_at) SELECT $1, $2, "
        "password_hash, created_at FROM users WHERE email = 'sw_a@test' RETURNING id",
        {email, email});
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, role});
  });
  return id;
}

app::Actor TestWorld::actor(std::int64_t user_id) {
  std::optional<app::Actor> a;
  db_->read_all([&](store::Tx& tx) { a = app::load_actor(tx, user_id); });
  if (!a) {
    throw std::runtime_error("no such test user");
  }
  return *a;
}

}  // namespace casepanel::testing
