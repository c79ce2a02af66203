// Issue 15: concurrent writers neither fail nor fork the audit chain, on
// either engine. Eight threads, each standing for an instance of casepanel
// (a Database of its own, so its own connections: the in-process writer
// mutex does not line them up), run use cases at once: each starts a draft
// request (a write with its audit event) and opens the child's record (a
// read, then its audit event in a write of its own). Every one must succeed,
// and the audit chain must verify with one event per use case.
//
// CASEPANEL_WRITER_USE_CASES sets how many use cases each thread runs (5 by
// default, so that `make test` takes seconds; `make test-concurrency` runs
// 500 on each engine).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "app/children.h"
#include "app/drafting.h"
#include "store/audit.h"
#include "store/audit_key.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

int use_cases_per_writer() {
  const char* n = std::getenv("CASEPANEL_WRITER_USE_CASES");
  return n != nullptr ? std::stoi(n) : 5;
}

TEST(ConcurrentWriters, EightWritersAllSucceedAndTheAuditChainHolds) {
  constexpr int kWriters = 8;
  const int per_writer = use_cases_per_writer();
  TestWorld w;
  const Actor sw = w.actor(w.sw_a);
  const std::int64_t events_before = testing::number(w, "SELECT COUNT(*) FROM audit_events");
  std::atomic<int> done{0};
  std::vector<std::string> failures;
  std::mutex failures_mutex;
  std::latch start(kWriters);
  std::vector<std::thread> writers;
  const auto key = std::make_shared<store::AuditKey>(
      store::AuditKey::load(w.dir() / "audit.key", store::KeyFileMissing::refuse));
  for (int t = 0; t < kWriters; ++t) {
    writers.emplace_back([&, t] {
      auto db = store::Database::open(w.location(), 2);
      db->set_audit_key(key);
      const Services& world = w.services();
      Services instance{*db,          world.clock,       world.calendar,
                        world.panels, world.uploads_dir, world.max_upload_bytes};
      start.arrive_and_wait();
      for (int i = 0; i < per_writer; ++i) {
        std::string problem;
        try {
          if (i % 2 == 0) {
            auto id = start_request(instance, sw, "clam", {w.child_a});
            problem = id.ok() ? "" : id.error().message;
          } else {
            auto record = child_record(instance, sw, w.child_a);
            problem = record.ok() ? "" : record.error().message;
          }
        } catch (const std::exception& e) {
          problem = testing::error_text(e);
        }
        if (problem.empty()) {
          ++done;
          continue;
        }
        std::lock_guard lock(failures_mutex);
        failures.push_back("writer " + std::to_string(t) + ", use case " + std::to_string(i) +
                           ": " + problem);
      }
    });
  }
  for (std::thread& t : writers) {
    t.join();
  }
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed; the first: " << failures.front();
  EXPECT_EQ(done.load(), kWriters * per_writer);
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM audit_events") - events_before,
            kWriters * per_writer);
  const store::AuditVerification v = store::verify_audit(w.db());
  EXPECT_TRUE(v.intact) << "event " << v.first_broken_id << ": " << v.problem;
}

}  // namespace
}  // namespace casepanel::app
