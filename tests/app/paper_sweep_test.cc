// The uploads directory against the database (app/paper_sweep.h): orphan
// files are removed only after the grace period, files a row names never,
// and rows whose file is gone are reported, never deleted. File ages are set
// on the fake clock's scale (each file's modification time is set to the
// clock), so nothing here reads the wall clock.
#include "app/paper_sweep.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/paper_files.h"
#include "app/papers.h"
#include "app/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TestWorld;

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";

std::int64_t clam_request(TestWorld& w) {
  core::RequestDraft d;
  d.panel_id = "clam";
  d.request_type = "section_20_permission";
  d.reason = "Mother has asked for help while she is in hospital.";
  d.proposed_plan = "Short-term foster care under section 20.";
  d.parallel_plan = "Care with the maternal aunt.";
  d.venue_preference = "chn";
  auto id = create_request(w.services(), w.actor(w.sw_a), {w.child_a}, d);
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
  return id.ok() ? *id : 0;
}

// A file as an upload leaves it before its row commits, written now by the
// fake clock.
std::string file_without_row(TestWorld& w, const std::string& prefix = "") {
  const std::string name = generated_paper_name();
  write_file_atomically(w.services().uploads_dir, name, kPdf);
  if (!prefix.empty()) {
    fs::rename(w.services().uploads_dir / name, w.services().uploads_dir / (prefix + name));
  }
  fs::last_write_time(w.services().uploads_dir / (prefix + name),
                      std::chrono::file_clock::from_sys(w.clock().now()));
  return prefix + name;
}

// Every file in the uploads directory is dated now by the fake clock.
void date_every_file_now(TestWorld& w) {
  for (const auto& e : fs::directory_iterator(w.services().uploads_dir)) {
    fs::last_write_time(e.path(), std::chrono::file_clock::from_sys(w.clock().now()));
  }
}

std::int64_t sweep_events(TestWorld& w) {
  return testing::number(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'uploads.sweep'");
}

TEST(PaperSweep, AFileLeftByACrashBeforeItsRowIsRemovedAfterTheGracePeriodAndNotBefore) {
  TestWorld w;
  const std::string orphan = file_without_row(w);
  const fs::path path = w.services().uploads_dir / orphan;

  SweepResult r = sweep_orphan_files(w.services(), 1h);
  EXPECT_TRUE(r.removed.empty());
  EXPECT_EQ(r.too_young, 1) << "an upload in flight on another instance looks just like this";
  w.clock().advance(1h - 1s);
  EXPECT_TRUE(sweep_orphan_files(w.services(), 1h).removed.empty());
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(sweep_events(w), 0) << "nothing removed, nothing audited";

  w.clock().advance(1s);
  r = sweep_orphan_files(w.services(), 1h);
  EXPECT_EQ(r.removed, std::vector<std::string>{orphan});
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(sweep_events(w), 1);
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'uploads.sweep' AND "
                            "actor_id IS NULL AND detail LIKE $1",
                            {"%" + orphan + "%"}),
            1)
      << "a system event naming the file";
  EXPECT_TRUE(sweep_orphan_files(w.services(), 1h).removed.empty());
}

TEST(PaperSweep, FilesThatRowsNameAndFilesItDidNotMakeAreKept) {
  TestWorld w;
  const std::int64_t request = clam_request(w);
  auto paper = add_paper(w.services(), w.actor(w.sw_a), request, "referral", {"r.pdf", kPdf});
  ASSERT_TRUE(paper.ok()) << paper.error().message;
  const fs::path foreign = w.services().uploads_dir / "README.txt";
  { std::ofstream(foreign) << "the operator's note"; }
  const std::string half_written = file_without_row(w, ".tmp-");
  date_every_file_now(w);
  w.clock().advance(48h);

  const SweepResult r = sweep_orphan_files(w.services(), 24h);
  EXPECT_EQ(r.removed, std::vector<std::string>{half_written}) << "only the cut-short write";
  EXPECT_TRUE(fs::exists(foreign));
  const auto papers = papers_view(w.services(), w.actor(w.sw_a), request);
  ASSERT_TRUE(papers.ok());
  EXPECT_TRUE(missing_files(w.services()).empty()) << "the paper's file is still there";
}

TEST(PaperSweep, ARowWhoseFileIsGoneIsReportedAndKept) {
  TestWorld w;
  const std::int64_t request = clam_request(w);
  auto paper = add_paper(w.services(), w.actor(w.sw_a), request, "referral", {"r.pdf", kPdf});
  ASSERT_TRUE(paper.ok()) << paper.error().message;
  EXPECT_TRUE(missing_files(w.services()).empty());
  for (const auto& e : fs::directory_iterator(w.services().uploads_dir)) {
    fs::remove(e.path());
  }
  const std::vector<store::StoredFile> missing = missing_files(w.services());
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].owner, store::FileOwner::paper);
  EXPECT_EQ(missing[0].row_id, *paper);
  EXPECT_EQ(describe_missing(missing[0]), "paper " + std::to_string(*paper) + " of request " +
                                              std::to_string(request) + ": " +
                                              missing[0].stored_name + " is missing");
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM request_papers WHERE id = $1", {*paper}), 1);
}

}  // namespace
}  // namespace casepanel::app
