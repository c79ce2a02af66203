#include "store/papers.h"

#include <stdexcept>

namespace casepanel::store {
namespace {

constexpr const char* kPaperColumns =
    "SELECT id, request_id, document_id, kind, reason, file_name, stored_name, media_type, bytes, "
    "sha256 FROM request_papers ";

PaperRecord paper_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  const std::optional<core::PaperKind> kind = core::paper_kind_from_id(r.text(3));
  if (!kind) {
    throw std::runtime_error("request_papers " + std::to_string(id) + ": unknown kind \"" +
                             r.text(3) + "\"");
  }
  return {.id = id,
          .request_id = r.integer(1),
          .document_id = r.text(2),
          .kind = *kind,
          .reason = r.text(4),
          .file_name = r.text(5),
          .stored_name = r.text(6),
          .media_type = r.text(7),
          .bytes = r.integer(8),
          .sha256 = r.text(9)};
}

}  // namespace

std::vector<PaperRecord> request_papers(Tx& tx, std::int64_t request_id) {
  std::vector<PaperRecord> out;
  for (const Row& r :
       tx.query(std::string(kPaperColumns) + "WHERE request_id = $1 ORDER BY id", {request_id})) {
    out.push_back(paper_of(r));
  }
  return out;
}

std::optional<PaperRecord> find_paper(Tx& tx, std::int64_t paper_id) {
  auto r = tx.query_one(std::string(kPaperColumns) + "WHERE id = $1", {paper_id});
  if (!r) {
    return std::nullopt;
  }
  return paper_of(*r);
}

std::optional<PaperRecord> find_document_paper(Tx& tx, std::int64_t request_id,
                                               const std::string& document_id,
                                               core::PaperKind kind) {
  auto r = tx.query_one(std::string(kPaperColumns) +
                            "WHERE request_id = $1 AND document_id = $2 AND kind = $3 "
                            "ORDER BY id LIMIT 1",
                        {request_id, document_id, std::string(core::paper_kind_id(kind))});
  if (!r) {
    return std::nullopt;
  }
  return paper_of(*r);
}

std::int64_t insert_paper_file(Tx& tx, const NewPaperFile& f) {
  return tx.insert(
      "INSERT INTO request_papers (request_id, document_id, kind, file_name, stored_name, "
      "media_type, bytes, sha256, added_by, added_at) "
      "VALUES ($1, $2, 'file', $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {f.request_id, f.document_id, f.file_name, f.stored_name, f.media_type, f.bytes, f.sha256,
       f.added_by, core::to_iso_utc(f.added_at)});
}

bool delete_not_provided(Tx& tx, std::int64_t request_id, const std::string& document_id) {
  return !tx.query(
                "DELETE FROM request_papers WHERE request_id = $1 AND document_id = $2 "
                "AND kind = 'not_provided' RETURNING id",
                {request_id, document_id})
              .empty();
}

std::int64_t insert_not_provided(Tx& tx, const NotProvided& n) {
  return tx.insert(
      "INSERT INTO request_papers (request_id, document_id, kind, reason, added_by, added_at) "
      "VALUES ($1, $2, 'not_provided', $3, $4, $5) RETURNING id",
      {n.request_id, n.document_id, n.reason, n.added_by, core::to_iso_utc(n.added_at)});
}

void update_not_provided(Tx& tx, std::int64_t paper_id, const NotProvided& n) {
  tx.exec("UPDATE request_papers SET reason = $1, added_by = $2, added_at = $3 WHERE id = $4",
          {n.reason, n.added_by, core::to_iso_utc(n.added_at), paper_id});
}

void delete_paper(Tx& tx, std::int64_t paper_id) {
  tx.exec("DELETE FROM request_papers WHERE id = $1", {paper_id});
}

std::vector<StoredFile> stored_files(Tx& tx) {
  std::vector<StoredFile> out;
  for (const Row& r :
       tx.query("SELECT id, request_id, stored_name FROM request_papers WHERE stored_name <> '' "
                "ORDER BY id")) {
    out.push_back({FileOwner::paper, r.integer(0), r.integer(1), r.text(2)});
  }
  for (const Row& r :
       tx.query("SELECT id, evidence_stored_name FROM actions WHERE evidence_stored_name <> '' "
                "ORDER BY id")) {
    out.push_back({FileOwner::action_evidence, r.integer(0), r.integer(0), r.text(1)});
  }
  return out;
}

}  // namespace casepanel::store
