// The store: migrations, one transaction per use case, and the audit chain.
#include <gtest/gtest.h>

#include "store/audit.h"
#include "store/crypto.h"
#include "store/migrations.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

std::int64_t count(Database& db, const std::string& table) {
  std::int64_t n = 0;
  db.read_all([&](Tx& tx) { n = tx.query_one("SELECT COUNT(*) FROM " + table)->integer(0); });
  return n;
}

TEST(Migrations, ApplyOnceAndRecordTheirVersion) {
  TestWorld world;
  EXPECT_EQ(migrate(world.db()), 0);  // the world already migrated
  std::int64_t version = 0;
  world.db().read_all([&](Tx& tx) {
    version = tx.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0);
  });
  EXPECT_EQ(version, latest_schema_version());
}

TEST(Transactions, AnErrorResultRollsEverythingBack) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  auto result = world.db().write<int>([](Tx& tx) -> core::Result<int> {
    tx.exec("INSERT INTO localities (name) VALUES ('South')");
    return core::Error::invalid("name", "no");
  });
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(count(world.db(), "localities"), before);
}

TEST(Transactions, AnExceptionRollsBackAndPropagates) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  EXPECT_THROW(world.db().write_all([](Tx& tx) {
    tx.exec("INSERT INTO localities (name) VALUES ('East')");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(count(world.db(), "localities"), before);
}

TEST(Transactions, ASuccessfulResultCommits) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  auto id = world.db().write<std::int64_t>([](Tx& tx) -> core::Result<std::int64_t> {
    return tx.insert("INSERT INTO localities (name) VALUES ('West') RETURNING id");
  });
  ASSERT_TRUE(id.ok());
  EXPECT_GT(*id, 0);
  EXPECT_EQ(count(world.db(), "localities"), before + 1);
}

TEST(Values, NullsIntegersAndTextRoundTrip) {
  TestWorld world;
  world.db().read_all([](Tx& tx) {
    auto row = tx.query_one("SELECT $1, $2, $3", {nullptr, std::int64_t{42}, std::string("x'y")});
    ASSERT_TRUE(row);
    EXPECT_TRUE(row->is_null(0));
    EXPECT_EQ(row->integer(1), 42);
    EXPECT_EQ(row->text(2), "x'y");
  });
}

AuditEvent event(std::string action) {
  return AuditEvent{
      "2026-11-24T09:00:00Z", 1, "social_worker", std::move(action), "request", "7", R"({"a":1})"};
}

TEST(Audit, AnUntouchedChainVerifies) {
  TestWorld world;
  world.db().write_all([](Tx& tx) {
    append_audit(tx, event("request.create"));
    append_audit(tx, event("request.send"));
    append_audit(tx, event("request.approve"));
  });
  AuditVerification v = verify_audit(world.db());
  EXPECT_TRUE(v.intact);
  EXPECT_EQ(v.events, 3);
}

TEST(Audit, AChangedEventIsFound) {
  TestWorld world;
  world.db().write_all([](Tx& tx) {
    append_audit(tx, event("request.create"));
    append_audit(tx, event("request.send"));
    append_audit(tx, event("request.approve"));
  });
  std::int64_t second = 0;
  world.db().write_all([&](Tx& tx) {
    second = tx.query_one("SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 1")->integer(0);
    tx.exec("UPDATE audit_events SET detail = '{\"a\":2}' WHERE id = $1", {second});
  });
  AuditVerification v = verify_audit(world.db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, second);
}

TEST(Audit, ARemovedEventIsFound) {
  TestWorld world;
  world.db().write_all([](Tx& tx) {
    append_audit(tx, event("request.create"));
    append_audit(tx, event("request.send"));
    append_audit(tx, event("request.approve"));
  });
  std::int64_t third = 0;
  world.db().write_all([&](Tx& tx) {
    auto ids = tx.query("SELECT id FROM audit_events ORDER BY id");
    tx.exec("DELETE FROM audit_events WHERE id = $1", {ids[1].integer(0)});
    third = ids[2].integer(0);
  });
  AuditVerification v = verify_audit(world.db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, third);
}

TEST(Crypto, PasswordsVerifyOnlyWithTheRightPassword) {
  const std::string hash = hash_password("s3cret-enough");
  EXPECT_TRUE(hash.rfind("$argon2id$", 0) == 0) << hash;
  EXPECT_TRUE(verify_password("s3cret-enough", hash));
  EXPECT_FALSE(verify_password("s3cret-enougH", hash));
}

TEST(Crypto, TokensAre256BitsAndDiffer) {
  const std::string a = random_token();
  const std::string b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace casepanel::store
