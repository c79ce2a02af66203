// Papers for a request, through the use cases: adding, listing, removing,
// saying why a document is not provided, downloading; who may do each, the
// files on disk and the audit trail.
#include "app/papers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/requests.h"
#include "store/audit.h"
#include "store/crypto.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;
using testing::TestWorld;

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";

std::int64_t clam_request(TestWorld& w, std::int64_t author) {
  core::RequestDraft d;
  d.panel_id = "clam";
  d.request_type = "section_20_permission";
  d.reason = "Mother has asked for help while she is in hospital.";
  d.proposed_plan = "Short-term foster care under section 20.";
  d.parallel_plan = "Care with the maternal aunt.";
  d.venue_preference = "chn";
  auto id = create_request(w.services(), w.actor(author), {w.child_a}, d);
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
  return id.ok() ? *id : 0;
}

std::int64_t support_request(TestWorld& w) {
  core::RequestDraft d;
  d.panel_id = "support";
  d.criteria = {"complex_or_high_risk"};
  d.reason = "Risks have grown since the last conference.";
  d.proposed_plan = "A family group conference and an intensive support package.";
  auto id = create_request(w.services(), w.actor(w.sw_a), {w.child_a}, d);
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
  return id.ok() ? *id : 0;
}

// Every regular file under the uploads directory (none when it does not exist).
std::vector<fs::path> stored_files(TestWorld& w) {
  std::vector<fs::path> out;
  if (fs::exists(w.services().uploads_dir)) {
    for (const auto& e : fs::directory_iterator(w.services().uploads_dir)) {
      out.push_back(e.path());
    }
  }
  return out;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::int64_t count(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::int64_t n = 0;
  w.db().read_all([&](store::Tx& tx) { n = tx.query_one(sql, params)->integer(0); });
  return n;
}

void set_state(TestWorld& w, std::int64_t request, const std::string& state) {
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE requests SET state = $1 WHERE id = $2", {state, request});
  });
}

TEST(Papers, AFileIsStoredUnderAGeneratedNameListedAndDownloaded) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = clam_request(w, w.sw_a);
  auto before = papers_view(w.services(), sw, request);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->documents.size(), 1u);
  EXPECT_EQ(before->documents[0].status_label, "Not yet started");
  EXPECT_FALSE(before->complete);
  EXPECT_TRUE(before->can_edit);

  auto id =
      add_paper(w.services(), sw, request, "referral", {"C:\\Users\\sam\\Referral.pdf", kPdf});
  ASSERT_TRUE(id.ok()) << id.error().message;

  // On disk: one file, a generated name, the content as uploaded.
  const auto files = stored_files(w);
  ASSERT_EQ(files.size(), 1u);
  const std::string stored = files[0].filename().string();
  EXPECT_EQ(stored.size(), 32u);
  EXPECT_EQ(stored.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(read_all(files[0]), kPdf);
  EXPECT_EQ(fs::status(w.services().uploads_dir).permissions() & fs::perms::all,
            fs::perms::owner_all);
  w.db().read_all([&](store::Tx& tx) {
    auto row = tx.query_one(
        "SELECT kind, file_name, stored_name, media_type, bytes, sha256, added_by "
        "FROM request_papers WHERE id = $1",
        {*id});
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->text(0), "file");
    EXPECT_EQ(row->text(1), "Referral.pdf");
    EXPECT_EQ(row->text(2), stored);
    EXPECT_EQ(row->text(3), "application/pdf");
    EXPECT_EQ(row->integer(4), static_cast<std::int64_t>(kPdf.size()));
    EXPECT_EQ(row->text(5), store::sha256_hex(kPdf));
    EXPECT_EQ(row->integer(6), w.sw_a);
  });

  auto v = papers_view(w.services(), sw, request);
  ASSERT_TRUE(v.ok());
  const DocumentPapers& doc = v->documents[0];
  EXPECT_EQ(doc.id, "referral");
  EXPECT_TRUE(doc.required);
  ASSERT_EQ(doc.files.size(), 1u);
  EXPECT_EQ(doc.files[0].id, *id);
  EXPECT_EQ(doc.files[0].file_name, "Referral.pdf");
  EXPECT_EQ(doc.files[0].media_label, "PDF");
  EXPECT_EQ(doc.files[0].size_label, std::to_string(kPdf.size()) + " bytes");
  EXPECT_EQ(doc.status_label, "Completed");
  EXPECT_TRUE(v->complete);

  auto f = open_paper(w.services(), sw, *id);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->content, kPdf);
  EXPECT_EQ(f->media_type, "application/pdf");
  EXPECT_EQ(f->file_name, "Referral.pdf");

  // A second file for the same document sits beside the first.
  ASSERT_TRUE(add_paper(w.services(), sw, request, "referral", {"annex.pdf", kPdf}).ok());
  EXPECT_EQ(stored_files(w).size(), 2u);

  auto removed = remove_paper(w.services(), sw, *id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, request);
  EXPECT_FALSE(fs::exists(files[0]));
  EXPECT_EQ(stored_files(w).size(), 1u);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM request_papers WHERE id = $1", {*id}), 0);
  EXPECT_EQ(open_paper(w.services(), sw, *id).error().kind, core::ErrorKind::not_found);
}

TEST(Papers, ReasonsForDocumentsNotProvided) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = support_request(w);
  ASSERT_NE(request, 0);

  auto blank = mark_not_provided(w.services(), sw, request, "chronology", "  \n");
  ASSERT_FALSE(blank.ok());
  ASSERT_EQ(blank.error().fields.size(), 1u);
  EXPECT_EQ(blank.error().fields[0].field, "reason_chronology");
  EXPECT_EQ(blank.error().fields[0].message, "Enter why the chronology is not provided");

  auto too_long =
      mark_not_provided(w.services(), sw, request, "chronology", std::string(2001, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().fields[0].message, "Keep the reason to 2,000 characters or fewer");
  // 2,000 characters, counted as characters: "é" is two bytes.
  std::string longest;
  for (int i = 0; i < 2000; ++i) {
    longest += "é";
  }
  EXPECT_TRUE(mark_not_provided(w.services(), sw, request, "genogram", longest).ok());

  ASSERT_TRUE(
      mark_not_provided(w.services(), sw, request, "chronology", "Case opened last week").ok());
  ASSERT_TRUE(mark_not_provided(w.services(), sw, request, "chronology",
                                "Case opened last week; being written")
                  .ok());
  EXPECT_EQ(count(w,
                  "SELECT COUNT(*) FROM request_papers WHERE request_id = $1 AND "
                  "document_id = 'chronology'",
                  {request}),
            1);
  auto v = papers_view(w.services(), sw, request);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->documents[0].id, "chronology");
  EXPECT_EQ(v->documents[0].not_provided_reason, "Case opened last week; being written");
  EXPECT_EQ(v->documents[0].status_label, "Not provided");
  EXPECT_EQ(v->documents.back().status_label, "Optional");
  EXPECT_FALSE(v->complete);

  // A file replaces the reason; a reason is then refused until the files go.
  auto file = add_paper(w.services(), sw, request, "chronology", {"chronology.pdf", kPdf});
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(count(w,
                  "SELECT COUNT(*) FROM request_papers WHERE request_id = $1 AND "
                  "document_id = 'chronology' AND kind = 'not_provided'",
                  {request}),
            0);
  auto refused = mark_not_provided(w.services(), sw, request, "chronology", "Not needed");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields[0].field, "reason_chronology");
  ASSERT_TRUE(remove_paper(w.services(), sw, *file).ok());
  EXPECT_TRUE(mark_not_provided(w.services(), sw, request, "chronology", "Not needed").ok());

  // With every other document given or explained, the papers are complete.
  for (const char* doc : {"assessment", "cp_conference_minutes", "care_plan", "signs_of_safety"}) {
    ASSERT_TRUE(mark_not_provided(w.services(), sw, request, doc, "Not yet written").ok()) << doc;
  }
  EXPECT_TRUE(papers_view(w.services(), sw, request)->complete);
  // A reason can be withdrawn like a file.
  const std::int64_t reason_id =
      papers_view(w.services(), sw, request)->documents[0].not_provided_id;
  ASSERT_TRUE(remove_paper(w.services(), sw, reason_id).ok());
  EXPECT_FALSE(papers_view(w.services(), sw, request)->complete);
}

TEST(Papers, ARequiredDocumentNeedsAFileNotAReason) {
  TestWorld w;
  const std::int64_t request = clam_request(w, w.sw_a);
  auto r = mark_not_provided(w.services(), w.actor(w.sw_a), request, "referral", "Not written");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, core::ErrorKind::invalid);
  EXPECT_EQ(r.error().fields[0].message,
            "Upload the written CLAM referral: a reason is not enough");
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM request_papers"), 0);
}

TEST(Papers, PapersReadyChecksEveryDocument) {
  TestWorld w;
  const std::int64_t request = clam_request(w, w.sw_a);
  const core::PanelType& clam = *w.services().panels.find("clam");
  auto ready = [&] {
    auto out = w.db().read<core::Done>(
        [&](store::Tx& tx) -> core::Status { return papers_ready(tx, clam, request); });
    return out;
  };
  auto missing = ready();
  ASSERT_FALSE(missing.ok());
  ASSERT_EQ(missing.error().fields.size(), 1u);
  EXPECT_EQ(missing.error().fields[0].field, "paper_referral");
  EXPECT_EQ(missing.error().fields[0].message, "Upload the written CLAM referral");
  ASSERT_TRUE(
      add_paper(w.services(), w.actor(w.sw_a), request, "referral", {"referral.pdf", kPdf}).ok());
  EXPECT_TRUE(ready().ok());
}

TEST(Papers, AnotherTeamsSocialWorkerFindsNothing) {
  TestWorld w;
  const auto sw_a = w.actor(w.sw_a);
  const auto sw_b = w.actor(w.sw_b);
  const std::int64_t request = clam_request(w, w.sw_a);
  auto id = add_paper(w.services(), sw_a, request, "referral", {"referral.pdf", kPdf});
  ASSERT_TRUE(id.ok());

  EXPECT_EQ(papers_view(w.services(), sw_b, request).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(open_paper(w.services(), sw_b, *id).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(add_paper(w.services(), sw_b, request, "referral", {"x.pdf", kPdf}).error().kind,
            core::ErrorKind::not_found);
  EXPECT_EQ(remove_paper(w.services(), sw_b, *id).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(papers_view(w.services(), sw_a, 999999).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(stored_files(w).size(), 1u);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'paper.download'"), 0);
}

TEST(Papers, OnlyTheAuthorChangesThePapers) {
  TestWorld w;
  const std::int64_t request = clam_request(w, w.sw_a);
  const auto pm = w.actor(w.pm_a);  // manages team A: sees the request
  auto added = add_paper(w.services(), pm, request, "referral", {"referral.pdf", kPdf});
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().kind, core::ErrorKind::forbidden);
  EXPECT_TRUE(stored_files(w).empty());

  auto id = add_paper(w.services(), w.actor(w.sw_a), request, "referral", {"referral.pdf", kPdf});
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(remove_paper(w.services(), pm, *id).error().kind, core::ErrorKind::forbidden);
  // The manager may read them, though.
  auto v = papers_view(w.services(), pm, request);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->can_edit);
  EXPECT_TRUE(open_paper(w.services(), pm, *id).ok());
}

TEST(Papers, NothingChangesOnceTheRequestHasLeftDraft) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = support_request(w);
  ASSERT_NE(request, 0);
  auto id = add_paper(w.services(), sw, request, "chronology", {"chronology.pdf", kPdf});
  ASSERT_TRUE(id.ok());
  set_state(w, request, "awaiting_approval");

  EXPECT_EQ(add_paper(w.services(), sw, request, "genogram", {"g.pdf", kPdf}).error().kind,
            core::ErrorKind::conflict);
  EXPECT_EQ(mark_not_provided(w.services(), sw, request, "genogram", "None").error().kind,
            core::ErrorKind::conflict);
  EXPECT_EQ(remove_paper(w.services(), sw, *id).error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(stored_files(w).size(), 1u);
  auto v = papers_view(w.services(), sw, request);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->can_edit);
  EXPECT_TRUE(open_paper(w.services(), sw, *id).ok());

  // Returned for changes, it is a draft again.
  set_state(w, request, "draft");
  EXPECT_TRUE(add_paper(w.services(), sw, request, "genogram", {"g.pdf", kPdf}).ok());
}

TEST(Papers, RefusedUploadsLeaveNoFile) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = clam_request(w, w.sw_a);
  struct Case {
    const char* what;
    Upload upload;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"nothing chosen", {"", ""}, "Select a file to upload"},
      {"empty", {"referral.pdf", ""}, "The selected file is empty"},
      {"HTML named .pdf",
       {"referral.pdf", "<html><body>hello</body></html>"},
       std::string(core::kRefusedTypeMessage)},
      {"text", {"referral.txt", "Dear panel"}, std::string(core::kRefusedTypeMessage)},
      // Security review, item 12: stored on 797697a and served back as evil.html.
      {"PDF named .html",
       {"evil.html", kPdf},
       "The selected file is a PDF but its name ends in .html: rename it to end in .pdf"},
      {"bidirectional override",
       {"report\u202Efdp.pdf", kPdf},
       "The file name contains hidden characters that change the direction of the text: rename "
       "the file and upload it again"},
  };
  for (const Case& c : cases) {
    auto r = add_paper(w.services(), sw, request, "referral", c.upload);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().kind, core::ErrorKind::invalid) << c.what;
    ASSERT_EQ(r.error().fields.size(), 1u) << c.what;
    EXPECT_EQ(r.error().fields[0].field, "paper_referral") << c.what;
    EXPECT_EQ(r.error().fields[0].message, c.message) << c.what;
  }
  w.services().max_upload_bytes = 1024 * 1024;
  auto big = add_paper(w.services(), sw, request, "referral",
                       {"big.pdf", kPdf + std::string(1024 * 1024, ' ')});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().fields[0].message, "The selected file must be smaller than 1 MB");
  EXPECT_EQ(add_paper(w.services(), sw, request, "no_such_document", {"a.pdf", kPdf}).error().kind,
            core::ErrorKind::not_found);
  EXPECT_TRUE(stored_files(w).empty());
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM request_papers"), 0);
}

TEST(Papers, AFileIsDeletedWhenItsTransactionFails) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = clam_request(w, w.sw_a);
  // The file is written, then the database refuses the row.
  w.db().write_all(
      [](store::Tx& tx) { testing::refuse_inserts(tx, "request_papers", "disk full"); });
  EXPECT_ANY_THROW((void)add_paper(w.services(), sw, request, "referral", {"referral.pdf", kPdf}));
  EXPECT_TRUE(fs::exists(w.services().uploads_dir));  // the file had been written
  EXPECT_TRUE(stored_files(w).empty());
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'paper.add'"), 0);
}

TEST(Papers, EveryChangeAndDownloadIsAudited) {
  TestWorld w;
  const auto sw = w.actor(w.sw_a);
  const std::int64_t request = support_request(w);
  ASSERT_NE(request, 0);
  auto id = add_paper(w.services(), sw, request, "genogram", {"genogram.pdf", kPdf});
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(open_paper(w.services(), w.actor(w.pm_a), *id).ok());
  ASSERT_TRUE(remove_paper(w.services(), sw, *id).ok());
  ASSERT_TRUE(mark_not_provided(w.services(), sw, request, "genogram", "No family known").ok());

  std::vector<std::string> seen;
  w.db().read_all([&](store::Tx& tx) {
    for (const auto& r :
         tx.query("SELECT action, actor_id, detail FROM audit_events WHERE entity = 'request' "
                  "AND entity_id = $1 AND action LIKE 'paper.%' ORDER BY id",
                  {std::to_string(request)})) {
      seen.push_back(r.text(0) + " by " + std::to_string(r.integer(1)));
      EXPECT_NE(r.text(2).find("genogram"), std::string::npos) << r.text(2);
    }
  });
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "paper.add by " + std::to_string(w.sw_a),
                      "paper.download by " + std::to_string(w.pm_a),
                      "paper.remove by " + std::to_string(w.sw_a),
                      "paper.not_provided by " + std::to_string(w.sw_a),
                  }));
  EXPECT_TRUE(store::verify_audit(w.db()).intact);
}

}  // namespace
}  // namespace casepanel::app
