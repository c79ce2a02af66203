// Papers: the repository for a request's papers (the `request_papers`
// table): each row is a file uploaded for a document the panel asks for, or
// the reason a document is not provided (core/papers.h, PaperKind). The
// files themselves live on disk (app/paper_files.h); a row holds their
// generated name, original name, media type, size and SHA-256.
//
// A kind this build does not know throws std::runtime_error naming the row
// (a broken database). Every function takes the caller's open transaction;
// none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/papers.h"
#include "store/database.h"

namespace casepanel::store {

struct PaperRecord {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::string document_id;
  core::PaperKind kind = core::PaperKind::file;
  std::string reason;       // not_provided only
  std::string file_name;    // file only: cleaned for display
  std::string stored_name;  // file only: the generated name on disk
  std::string media_type;   // file only
  std::int64_t bytes = 0;   // file only
  std::string sha256;       // file only
};

// A request's papers, oldest first.
std::vector<PaperRecord> request_papers(Tx& tx, std::int64_t request_id);
std::optional<PaperRecord> find_paper(Tx& tx, std::int64_t paper_id);
// The document's paper of this kind (the first, for files); nullopt if none.
std::optional<PaperRecord> find_document_paper(Tx& tx, std::int64_t request_id,
                                               const std::string& document_id,
                                               core::PaperKind kind);

struct NewPaperFile {
  std::int64_t request_id = 0;
  std::string document_id;
  std::string file_name;
  std::string stored_name;
  std::string media_type;
  std::int64_t bytes = 0;
  std::string sha256;
  std::int64_t added_by = 0;
  core::Instant added_at;
};
// Records a file; returns the new row's id.
std::int64_t insert_paper_file(Tx& tx, const NewPaperFile& f);
// Removes the document's reason for not being provided, if any; returns
// whether there was one.
bool delete_not_provided(Tx& tx, std::int64_t request_id, const std::string& document_id);
// Records the reason a document is not provided (a new row, or the existing
// `paper_id` changed); returns the row's id.
struct NotProvided {
  std::int64_t request_id = 0;
  std::string document_id;
  std::string reason;
  std::int64_t added_by = 0;
  core::Instant added_at;
};
std::int64_t insert_not_provided(Tx& tx, const NotProvided& n);
void update_not_provided(Tx& tx, std::int64_t paper_id, const NotProvided& n);
void delete_paper(Tx& tx, std::int64_t paper_id);

// Every file the uploads directory should hold: each paper's file and each
// action's evidence (store/actions.h) share the directory and its generated
// names. For the sweep of orphan files and the check for missing ones
// (app/paper_sweep.h).
enum class FileOwner { paper, action_evidence };
struct StoredFile {
  FileOwner owner = FileOwner::paper;
  std::int64_t row_id = 0;     // request_papers.id or actions.id
  std::int64_t record_id = 0;  // the paper's request; the action itself
  std::string stored_name;
};
std::vector<StoredFile> stored_files(Tx& tx);

}  // namespace casepanel::store
