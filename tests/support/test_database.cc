#include "support/test_database.h"

#include <Poco/Exception.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "store/migrations.h"
#include "support/postgres_cluster.h"

namespace casepanel::testing {
namespace {

constexpr const char* kTemplate = "casepanel_template";

// The migrated template, made the first time a test asks for it.
void ensure_template(PostgresCluster& cluster) {
  static std::once_flag made;
  std::call_once(made, [&] {
    // Not "CREATE DATABASE " + kTemplate: g++ 12 at -O2 takes that
    // concatenation for an out-of-bounds copy (GCC bug 105329).
    cluster.execute("CREATE DATABASE casepanel_template");
    // Closed before any copy is made: PostgreSQL copies a template only
    // while no one is connected to it.
    auto db = store::Database::open(cluster.url(kTemplate), 1);
    store::migrate(*db);
  });
}

// Database names must be unique within the cluster, which only this process uses.
std::string next_name(std::string_view name) {
  static std::atomic<int> counter{0};
  std::string out = "t" + std::to_string(++counter) + "_";
  for (char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    out += plain ? c : '_';
  }
  return out.substr(0, 60);
}

}  // namespace

store::Engine test_engine() {
  static const store::Engine engine = [] {
    const char* chosen = std::getenv("CASEPANEL_TEST_ENGINE");
    const std::string name = chosen ? chosen : "sqlite";
    if (name == "sqlite") {
      return store::Engine::sqlite;
    }
    if (name == "postgresql") {
      return store::Engine::postgresql;
    }
    throw std::runtime_error("CASEPANEL_TEST_ENGINE must be sqlite or postgresql, not " + name);
  }();
  return engine;
}

std::string_view engine_name(store::Engine engine) {
  return engine == store::Engine::sqlite ? "sqlite" : "postgresql";
}

std::string error_text(const std::exception& e) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  return poco != nullptr ? poco->displayText() : std::string(e.what());
}

TestDatabase::TestDatabase(const std::filesystem::path& dir, std::string_view name, Start start)
    : engine_(test_engine()) {
  if (engine_ == store::Engine::sqlite) {
    location_ = (dir / (std::string(name) + ".db")).string();
    return;
  }
  PostgresCluster& cluster = PostgresCluster::shared();
  postgres_name_ = next_name(name);
  if (start == Start::migrated) {
    ensure_template(cluster);
    cluster.execute("CREATE DATABASE " + postgres_name_ + " TEMPLATE " + kTemplate +
                    " STRATEGY FILE_COPY");
  } else {
    cluster.execute("CREATE DATABASE " + postgres_name_);
  }
  location_ = cluster.url(postgres_name_);
}

TestDatabase::~TestDatabase() {
  if (postgres_name_.empty()) {
    return;
  }
  try {
    // FORCE ends the sessions of anything the test left connected (a
    // server it started, a pool it still holds).
    PostgresCluster::shared().execute("DROP DATABASE " + postgres_name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster goes at exit anyway; a destructor must not throw.
  }
}

}  // namespace casepanel::testing
