// 1,000 random tamperings of a copy of a keyed audit log, each by someone who
// holds the database file (and drops its triggers) but not the key or the
// checkpoint file: every one must be found by verify_audit. The PRNG is
// seeded, so a failure names a trial that reproduces.
//
// The log is checkpointed at the end of building it, as serve does when it
// stops: deleting events written after the last checkpoint cannot be found
// (docs/audit.md states that window), so no trial is asked to.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <random>

#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "store/audit_support.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

namespace fs = std::filesystem;

enum class Tampering {
  edit_field,         // change one column of one event
  delete_event,       // remove one event anywhere
  truncate,           // remove the newest k events
  swap_events,        // exchange two events' contents (reorder)
  edit_and_rehash,    // edit, then recompute prev_hash/hash from there to the end
  delete_and_rehash,  // remove events, then recompute the chain after them
  strip_and_rehash,   // remove the MACs from an event on and rehash as unkeyed
};
constexpr std::array kKinds = {Tampering::edit_field,      Tampering::delete_event,
                               Tampering::truncate,        Tampering::swap_events,
                               Tampering::edit_and_rehash, Tampering::delete_and_rehash,
                               Tampering::strip_and_rehash};
constexpr const char* kKindNames[] = {
    "edit a field",    "delete an event",   "truncate the tail",    "swap two events",
    "edit and rehash", "delete and rehash", "strip MACs and rehash"};

constexpr int kEvents = 240;
constexpr int kTrials = 1000;

struct Column {
  const char* name;
  bool integer;
};
constexpr Column kColumns[] = {
    {"at", false},      {"actor_id", true},   {"actor_role", false}, {"action", false},
    {"entity", false},  {"entity_id", false}, {"detail", false},     {"client_address", false},
    {"outcome", false}, {"prev_hash", false}, {"hash", false},       {"mac", false}};

void edit_field(Tx& tx, std::mt19937& rng, std::int64_t id) {
  const Column& c = kColumns[std::uniform_int_distribution<>(0, std::size(kColumns) - 1)(rng)];
  const std::string col = c.name;
  if (col == "outcome") {
    // Another outcome casepanel could have written.
    tx.exec(
        "UPDATE audit_events SET outcome = CASE outcome WHEN 'done' THEN 'refused' ELSE 'done' "
        "END WHERE id = $1",
        {id});
  } else if (c.integer) {
    tx.exec("UPDATE audit_events SET " + col + " = COALESCE(" + col + ", 0) + 1 WHERE id = $1",
            {id});
  } else if (col == "prev_hash" || col == "hash" || col == "mac") {
    // Flip one hex digit.
    tx.exec("UPDATE audit_events SET " + col + " = CASE WHEN substr(" + col +
                ", 1, 1) = 'a' THEN 'b' ELSE 'a' END || substr(" + col + ", 2) WHERE id = $1",
            {id});
  } else {
    tx.exec("UPDATE audit_events SET " + col + " = " + col + " || 'x' WHERE id = $1", {id});
  }
}

void swap_events(Tx& tx, std::int64_t a, std::int64_t b) {
  const std::string cols =
      "at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash, "
      "client_address, outcome, mac";
  auto ra = tx.query_one("SELECT " + cols + " FROM audit_events WHERE id = $1", {a});
  auto rb = tx.query_one("SELECT " + cols + " FROM audit_events WHERE id = $1", {b});
  const std::string set =
      "UPDATE audit_events SET at = $1, actor_id = $2, actor_role = $3, action = $4, entity = $5, "
      "entity_id = $6, detail = $7, prev_hash = $8, hash = $9, client_address = $10, "
      "outcome = $11, mac = $12 WHERE id = $13";
  auto params = [](const Row& r, std::int64_t id) {
    return Params{r.text(0),  nullable(r.optional_integer(1)),
                  r.text(2),  r.text(3),
                  r.text(4),  r.text(5),
                  r.text(6),  r.text(7),
                  r.text(8),  r.text(9),
                  r.text(10), nullable(r.optional_text(11)),
                  id};
  };
  tx.exec(set, params(*rb, a));
  tx.exec(set, params(*ra, b));
}

void tamper(Tx& tx, Tampering kind, std::mt19937& rng) {
  auto any = [&](int lo, int hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const std::int64_t id = any(1, kEvents);
  switch (kind) {
    case Tampering::edit_field:
      edit_field(tx, rng, id);
      return;
    case Tampering::delete_event:
      tx.exec("DELETE FROM audit_events WHERE id = $1", {id});
      return;
    case Tampering::truncate:
      tx.exec("DELETE FROM audit_events WHERE id > $1", {kEvents - any(1, 40)});
      return;
    case Tampering::swap_events: {
      std::int64_t other = any(1, kEvents - 1);
      swap_events(tx, id, other >= id ? other + 1 : other);
      return;
    }
    case Tampering::edit_and_rehash:
      tx.exec("UPDATE audit_events SET detail = detail || ' ' WHERE id = $1", {id});
      testing::rehash_audit_chain(tx, id);
      return;
    case Tampering::delete_and_rehash: {
      const std::int64_t last = std::min<std::int64_t>(kEvents, id + any(0, 30));
      tx.exec("DELETE FROM audit_events WHERE id >= $1 AND id <= $2", {id, last});
      testing::rehash_audit_chain(tx, id);
      return;
    }
    case Tampering::strip_and_rehash:
      testing::rehash_audit_chain(tx, id, testing::StripMacs::yes);
      return;
  }
}

TEST(AuditTampering, EveryOneOfAThousandRandomTamperingsIsFound) {
  if (testing::test_engine() == Engine::postgresql) {
    // The verification reads rows the same way on both engines; what this
    // test needs is a thousand whole copies of a database, which SQLite
    // makes by copying a file.
    GTEST_SKIP() << "copies the SQLite file a thousand times";
  }
  const fs::path dir = testing::make_temp_dir();
  auto key = std::make_shared<AuditKey>(AuditKey::random());
  const fs::path original = dir / "original.db";
  const fs::path checkpoints = dir / "checkpoints.log";
  {
    auto db = testing::open_audited(original.string(), key);
    for (int batch = 0; batch < kEvents / 40; ++batch) {
      db->write_all([&](Tx& tx) {
        for (int i = 1; i <= 40; ++i) {
          append_audit(tx, testing::sample_event(batch * 40 + i));
        }
      });
      // A checkpoint after each batch; the last is the shutdown checkpoint.
      db->read_all([&](Tx& tx) {
        auto head = audit_head(tx);
        head->at = "2026-11-24T10:00:00Z";
        append_checkpoint(checkpoints, *key, *head);
      });
    }
    ASSERT_TRUE(verify_audit(*db, read_checkpoints(checkpoints, *key).checkpoints).intact);
  }  // closed: the WAL is folded into the file, which can now be copied whole
  const std::vector<AuditCheckpoint> marks = read_checkpoints(checkpoints, *key).checkpoints;
  ASSERT_EQ(marks.size(), static_cast<std::size_t>(kEvents / 40));

  std::mt19937 rng(20261124);
  std::array<int, kKinds.size()> tried{};
  std::array<int, kKinds.size()> found{};
  const fs::path copy = dir / "copy.db";
  for (int trial = 0; trial < kTrials; ++trial) {
    const std::size_t k = std::uniform_int_distribution<std::size_t>(0, kKinds.size() - 1)(rng);
    fs::copy_file(original, copy, fs::copy_options::overwrite_existing);
    auto db = Database::open(copy.string(), 1);
    db->set_audit_key(key);
    db->write_all([&](Tx& tx) {
      testing::drop_audit_triggers(tx);
      tamper(tx, kKinds[k], rng);
    });
    ++tried[k];
    const AuditVerification v = verify_audit(*db, marks);
    if (!v.intact) {
      ++found[k];
    } else {
      ADD_FAILURE() << "trial " << trial << " (" << kKindNames[k] << ") was not found";
    }
    db.reset();
    fs::remove(copy);
  }
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    std::printf("  %-22s found %d of %d\n", kKindNames[k], found[k], tried[k]);
    EXPECT_GT(tried[k], 0) << kKindNames[k];
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::store
