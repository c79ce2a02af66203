// Papers for a request to panel: for each document the panel type asks for,
// the request's author uploads files or says why it is not provided.
//
// Files are kept in Services::uploads_dir (outside the web root) under
// generated names (32 random hex characters), never the uploaded name; the
// database row holds the original name (cleaned for display), media type,
// size and SHA-256. A file is written to a temporary name and renamed, so a
// crash leaves no half file under a real name, and it is deleted again when
// the transaction that records it fails.
//
// Who may do what:
//   - see the papers and download a file: whoever may see the request (its
//     author, or anyone who may see its team's records); anyone else gets
//     not_found;
//   - add or remove papers, or say why one is not provided: only the
//     request's author, and only while the request is a draft.
// Every change and every download is an audit event in the same transaction.
//
// A document's reason for not being provided and its files exclude each other:
// uploading a file replaces the reason; giving a reason is refused while the
// document has files (they must be removed first, so that nobody loses a file
// by typing a reason).
//
// All functions are thread-safe (each call runs in its own transaction).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/papers.h"
#include "core/result.h"

namespace casepanel::app {

// A file as it arrived from the browser.
struct Upload {
  std::string file_name;  // as the browser sent it; cleaned before it is shown
  std::string content;
};

// What is wrong with an upload (a file is chosen, it is not empty, within
// the size limit, an accepted type) shown against `field`; its media type if
// nothing. Papers and an action's evidence file share it.
core::Result<std::string> check_upload(const Services& s, const std::string& field,
                                       const Upload& u);

// Checks the upload (a file is chosen, it is not empty, within the size
// limit, an accepted type) and stores it. Returns the paper's id.
// Errors: not_found (no such request or document, or outside the actor's
// scope), forbidden (not the author), conflict (not a draft), invalid
// (field "paper_<document_id>").
core::Result<std::int64_t> add_paper(Services& s, const Actor& a, std::int64_t request_id,
                                     const std::string& document_id, const Upload& upload);

// Records (or changes) why a document is not provided. The reason is needed
// and at most 2,000 characters (field "reason_<document_id>"). Refused for a
// required document, and while the document has files.
core::Status mark_not_provided(Services& s, const Actor& a, std::int64_t request_id,
                               const std::string& document_id, const std::string& reason);

// Removes a file (and deletes it from disk once the removal is committed) or
// a reason. Returns the request's id.
core::Result<std::int64_t> remove_paper(Services& s, const Actor& a, std::int64_t paper_id);

struct PaperFileView {
  std::int64_t id = 0;
  std::string file_name;
  std::string size_label;   // "1.2 MB"
  std::string media_label;  // "PDF"
};

struct DocumentPapers {
  std::string id;
  std::string label;
  std::string hint;
  bool required = false;
  bool reason_required_if_missing = true;
  std::vector<PaperFileView> files;
  std::int64_t not_provided_id = 0;  // the reason's row, 0 when there is none
  std::string not_provided_reason;
  core::PaperStatus status = core::PaperStatus::not_yet_started;
  std::string status_label;  // "Completed", "Not yet started" ...
  std::string problem;       // what check_papers says about it, if anything
};

struct PapersView {
  std::int64_t request_id = 0;
  std::string panel_name;
  std::string children;  // "Ada Testchild, Cal Testchild"
  std::string state_label;
  std::vector<DocumentPapers> documents;  // in the panel's order
  bool can_edit = false;                  // the author, in draft
  bool complete = false;                  // core::check_papers passes
};
core::Result<PapersView> papers_view(Services& s, const Actor& a, std::int64_t request_id);

struct PaperFile {
  std::string file_name;  // cleaned for display
  std::string media_type;
  std::string content;
};
// Reads a stored file for download; audited as "paper.download".
core::Result<PaperFile> open_paper(Services& s, const Actor& a, std::int64_t paper_id);

// For sending a request: every problem with its papers (core::check_papers),
// read inside the caller's transaction.
core::Status papers_ready(store::Tx& tx, const core::PanelType& panel, std::int64_t request_id);

// Writes a paper's content under a new generated name in s.uploads_dir and
// returns that name (for the demo data, whose papers arrive without a
// browser). The caller records the row.
std::string store_paper_content(const Services& s, const std::string& content);

// The field a document's reason is shown against: "reason_<document_id>".
std::string reason_field(const std::string& document_id);

}  // namespace casepanel::app
