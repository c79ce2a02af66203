// The audit log's evidence: append-only triggers, the keyed MAC chain,
// checkpoints outside the database, and the two attacks from the security
// review (delete the newest 20 events; edit one and recompute the SHA-256
// chain), which the unkeyed chain of before migration 8 did not detect.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "store/audit_key.h"
#include "store/audit_support.h"
#include "store/crypto.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

namespace fs = std::filesystem;
using testing::drop_audit_triggers;
using testing::open_audited;
using testing::rehash_audit_chain;
using testing::sample_event;

// A keyed log of `events` events in a temporary directory, with a checkpoint
// file written the way serve writes it at shutdown (after the last event).
class AuditLog : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    key_ = std::make_shared<AuditKey>(AuditKey::load(dir_ / "audit.key", KeyFileMissing::create));
    database_ = std::make_unique<testing::TestDatabase>(dir_, "audit");
    db_ = open_audited(database_->location(), key_);
  }
  void TearDown() override {
    db_.reset();
    database_.reset();
    fs::remove_all(dir_);
  }
  void append(int events) {
    db_->write_all([&](Tx& tx) {
      for (int i = 0; i < events; ++i) {
        append_audit(tx, sample_event(next_++));
      }
    });
  }
  void checkpoint() {
    db_->read_all([&](Tx& tx) {
      auto head = audit_head(tx);
      ASSERT_TRUE(head);
      head->at = "2026-11-24T10:00:00Z";
      append_checkpoint(dir_ / "checkpoints.log", *key_, *head);
    });
  }
  AuditVerification verify() {
    const CheckpointFile file = read_checkpoints(dir_ / "checkpoints.log", *key_);
    EXPECT_FALSE(file.bad_line) << file.problem;
    return verify_audit(*db_, file.checkpoints);
  }
  std::int64_t integer(const std::string& sql) {
    std::int64_t n = 0;
    db_->read_all([&](Tx& tx) { n = tx.query_one(sql)->integer(0); });
    return n;
  }

  fs::path dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::shared_ptr<AuditKey> key_;
  std::unique_ptr<Database> db_;
  int next_ = 1;
};

TEST_F(AuditLog, AnUntouchedLogVerifiesWithItsCheckpoints) {
  append(30);
  checkpoint();
  append(5);
  checkpoint();
  const AuditVerification v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 35);
  EXPECT_EQ(v.keyed_events, 35);
  EXPECT_EQ(v.checkpoints, 2);
}

// A transaction reads the chain's tail once and chains its own events from
// memory (Tx::audit_tail); one that rolls back leaves no tail behind.
TEST_F(AuditLog, EventsAfterATransactionThatRolledBackChainToTheCommittedTail) {
  append(3);
  EXPECT_THROW(db_->write_all([&](Tx& tx) {
    append_audit(tx, sample_event(100));
    append_audit(tx, sample_event(101));
    throw std::runtime_error("the use case failed");
  }),
               std::runtime_error);
  append(4);
  checkpoint();
  const AuditVerification v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 7);
}

// On PostgreSQL a transaction's events are held and sent in one INSERT of
// arrays (take_held_audit): text that array syntax gives meaning to must come
// back as it went in, NULL and the word "NULL" apart, in the order chained.
TEST_F(AuditLog, EventsSentTogetherKeepTheirTextAndTheirOrder) {
  const std::vector<std::string> awkward = {R"({"said":"a \"quoted\" word"})",
                                            R"(back\slash \\ two)",
                                            "{braces}, commas",
                                            "NULL",
                                            "",
                                            "line one\nline two\ttab",
                                            "caf\u00e9 \u2014 \U0001F600",
                                            " spaced "};
  db_->write_all([&](Tx& tx) {
    for (std::size_t i = 0; i < awkward.size(); ++i) {
      AuditEvent e = sample_event(static_cast<int>(i) + 1);
      e.detail = awkward[i];
      e.entity_id = awkward[awkward.size() - 1 - i];
      e.actor_role = awkward[(i + 3) % awkward.size()];
      e.actor_id = i % 2 ? std::optional<std::int64_t>() : static_cast<std::int64_t>(1000 + i);
      append_audit(tx, e);
    }
  });
  db_->read_all([&](Tx& tx) {
    const Rows rows =
        tx.query("SELECT detail, entity_id, actor_role, actor_id FROM audit_events ORDER BY id");
    ASSERT_EQ(rows.size(), awkward.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].text(0), awkward[i]) << "event " << i;
      EXPECT_EQ(rows[i].text(1), awkward[awkward.size() - 1 - i]) << "event " << i;
      EXPECT_EQ(rows[i].text(2), awkward[(i + 3) % awkward.size()]) << "event " << i;
      EXPECT_EQ(rows[i].is_null(3), i % 2 == 1) << "event " << i;
      if (i % 2 == 0) {
        EXPECT_EQ(rows[i].integer(3), static_cast<std::int64_t>(1000 + i));
      }
    }
  });
  checkpoint();
  const AuditVerification v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, static_cast<std::int64_t>(awkward.size()));
}

// Held events are sent before the transaction's next statement: a read in
// the same transaction sees them, and a write after them chains after them.
TEST_F(AuditLog, ATransactionSeesItsOwnEventsBeforeItCommits) {
  append(2);
  db_->write_all([&](Tx& tx) {
    append_audit(tx, sample_event(50));
    append_audit(tx, sample_event(51));
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0), 4);
    append_audit(tx, sample_event(52));
  });
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events"), 5);
  checkpoint();
  EXPECT_TRUE(verify().intact);
}

TEST(PostgresArray, QuotesEveryElementEscapesOnlyQuoteAndBackslashAndWritesNullBare) {
  const std::vector<Params> rows = {{std::string("a\"b"), std::int64_t{7}},
                                    {std::string("c\\d"), nullptr},
                                    {std::string("NULL"), std::int64_t{-3}},
                                    {std::string("{x,y}"), std::int64_t{0}}};
  EXPECT_EQ(postgres_array(rows, 0), R"({"a\"b","c\\d","NULL","{x,y}"})");
  EXPECT_EQ(postgres_array(rows, 1), R"({"7",NULL,"-3","0"})");
  EXPECT_EQ(postgres_array({}, 0), "{}");
}

TEST_F(AuditLog, TriggersRefuseUpdateAndDeleteAndLeaveTheRow) {
  append(3);
  ASSERT_EQ(integer("SELECT COUNT(*) FROM audit_events"), 3);
  struct Case {
    const char* sql;
    const char* why;
  };
  for (const Case& c : {
           Case{.sql = "UPDATE audit_events SET detail = '{}' WHERE id = 2",
          .why = "an event cannot be changed"},
           Case{.sql = "DELETE FROM audit_events WHERE id = 3", .why = "an event cannot go"},
           Case{.sql = "DELETE FROM audit_events", .why = "nor can all of them"},
       }) {
    EXPECT_ANY_THROW(db_->write_all([&](Tx& tx) { tx.exec(c.sql); })) << c.why;
  }
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events"), 3);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events WHERE detail = '{}'"), 0);
  EXPECT_TRUE(verify().intact);
}

// Issue 7, first attack: the old chain verified after its newest 20 events
// were deleted, because what is left is a consistent chain.
TEST_F(AuditLog, DeletingTheNewest20EventsIsFoundThroughTheCheckpoint) {
  append(60);
  checkpoint();
  db_->write_all([](Tx& tx) {
    drop_audit_triggers(tx);
    tx.exec("DELETE FROM audit_events WHERE id > 40");
  });
  const AuditVerification v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 60);
  EXPECT_NE(v.problem.find("truncated"), std::string::npos) << v.problem;
}

// Issue 7, second attack: edit an event and recompute every later hash.
TEST_F(AuditLog, EditingAnEventAndRecomputingTheHashChainIsFoundByItsMac) {
  append(40);
  db_->write_all([](Tx& tx) {
    drop_audit_triggers(tx);
    tx.exec("UPDATE audit_events SET detail = '{\"n\":999}' WHERE id = 17");
    rehash_audit_chain(tx, 17);
  });
  const AuditVerification v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 17);
  EXPECT_NE(v.problem.find("MAC"), std::string::npos) << v.problem;
}

TEST_F(AuditLog, DressingKeyedEventsUpAsOldUnkeyedOnesIsFound) {
  append(10);
  checkpoint();
  db_->write_all([](Tx& tx) {
    drop_audit_triggers(tx);
    rehash_audit_chain(tx, 5, testing::StripMacs::yes);
  });
  EXPECT_EQ(verify().first_broken_id, 5);
  // Stripped from the very first event, the chain alone looks old and whole:
  // the checkpoint is what still catches it.
  db_->write_all([](Tx& tx) { rehash_audit_chain(tx, 1, testing::StripMacs::yes); });
  const AuditVerification v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 10);
}

// Events written before migration 8 have no MAC: the first keyed event
// anchors their SHA-256 chain.
TEST_F(AuditLog, EventsFromBeforeTheKeyAreCheckedByTheirHashChain) {
  append(5);
  db_->write_all([](Tx& tx) {
    drop_audit_triggers(tx);
    rehash_audit_chain(tx, 1, testing::StripMacs::yes);
  });
  append(5);  // keyed, chained to the unkeyed tail
  checkpoint();
  AuditVerification v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.keyed_events, 5);
  // Rewriting an old event (and its old chain) breaks the first keyed MAC.
  db_->write_all([](Tx& tx) {
    tx.exec("UPDATE audit_events SET detail = '{}' WHERE id = 2");
    rehash_audit_chain(tx, 2, testing::StripMacs::yes, 5);
    rehash_audit_chain(tx, 6);
  });
  v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 6);
  EXPECT_NE(v.problem.find("MAC"), std::string::npos) << v.problem;
}

TEST_F(AuditLog, AnotherKeyDoesNotVerify) {
  append(3);
  db_->set_audit_key(std::make_shared<AuditKey>(AuditKey::random()));
  const AuditVerification v = verify_audit(*db_);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 1);
}

TEST_F(AuditLog, WithoutTheKeyNothingIsAppendedOrVerified) {
  db_->set_audit_key(nullptr);
  EXPECT_THROW(append(1), std::logic_error);
  EXPECT_THROW((void)verify_audit(*db_), std::logic_error);
}

TEST_F(AuditLog, CheckpointLinesMustBeMadeWithTheKey) {
  append(3);
  checkpoint();
  {
    std::ofstream out(dir_ / "checkpoints.log", std::ios::app);
    out << "2026-11-24T11:00:00Z 3 " << std::string(64, 'a') << " " << std::string(64, 'b') << "\n";
  }
  CheckpointFile file = read_checkpoints(dir_ / "checkpoints.log", *key_);
  EXPECT_EQ(file.bad_line, 2);
  EXPECT_EQ(file.checkpoints.size(), 1u);
  file = read_checkpoints(dir_ / "checkpoints.log", AuditKey::random());
  EXPECT_EQ(file.bad_line, 1);
}

TEST_F(AuditLog, TheCheckpointFileIsPrivate) {
  append(1);
  checkpoint();
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "checkpoints.log").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
}

class AuditKeyFile : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AuditKeyFile, IsCreatedWith32RandomBytesReadableOnlyByTheService) {
  const fs::path file = dir_ / "var" / "audit.key";
  const AuditKey key = AuditKey::load(file, KeyFileMissing::create);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 32);
  // Loaded again, it is the same key.
  EXPECT_EQ(AuditKey::load(file, KeyFileMissing::refuse).mac_hex("x"), key.mac_hex("x"));
  EXPECT_NE(AuditKey::random().mac_hex("x"), key.mac_hex("x"));
}

TEST_F(AuditKeyFile, IsRefusedWhenMissingUnsafeOrTheWrongSize) {
  const fs::path file = dir_ / "audit.key";
  struct Case {
    const char* why;
    std::string content;  // "" for no file
    mode_t mode;
    AuditKeyError::Kind kind;
  };
  for (const Case& c : {
           Case{.why = "missing, and not to be created",
          .content = "",
          .mode = 0600,
          .kind = AuditKeyError::Kind::missing},
           Case{.why = "readable by others",
           .content = std::string(32, 'k'),
           .mode = 0644,
           .kind = AuditKeyError::Kind::unsafe},
           Case{.why = "readable by the group",
           .content = std::string(32, 'k'),
           .mode = 0640,
           .kind = AuditKeyError::Kind::unsafe},
           Case{.why = "too short",
           .content = std::string(16, 'k'),
           .mode = 0600,
           .kind = AuditKeyError::Kind::unsafe},
           Case{.why = "too long",
           .content = std::string(33, 'k'),
           .mode = 0600,
           .kind = AuditKeyError::Kind::unsafe},
       }) {
    fs::remove(file);
    if (!c.content.empty()) {
      std::ofstream(file) << c.content;
      fs::permissions(file, static_cast<fs::perms>(c.mode));
    }
    try {
      (void)AuditKey::load(file, KeyFileMissing::refuse);
      ADD_FAILURE() << c.why << ": accepted";
    } catch (const AuditKeyError& e) {
      EXPECT_EQ(e.kind, c.kind) << c.why << ": " << e.what();
    }
    if (!c.content.empty()) {
      // Creating does not paper over an unsafe file either.
      EXPECT_THROW((void)AuditKey::load(file, KeyFileMissing::create), AuditKeyError) << c.why;
    }
  }
}

}  // namespace
}  // namespace casepanel::store
