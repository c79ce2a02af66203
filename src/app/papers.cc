#include "app/papers.h"

#include <optional>
#include <stdexcept>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/paper_files.h"
#include "app/scope.h"
#include "core/request.h"
#include "store/crypto.h"
#include "store/papers.h"
#include "store/typed_columns.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;
using core::PaperKind;
using store::Tx;

constexpr std::size_t kMaxReasonChars = 2000;

struct RequestRow {
  std::int64_t id = 0;
  std::string panel_id;
  core::RequestState state = core::RequestState::draft;
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
};

// The request if the actor may see its papers (core/access.h: a draft's
// papers as the draft, a submitted request's as `papers`); otherwise
// not_found.
core::Result<RequestRow> load_visible(Tx& tx, const Services& s, const Actor& a, std::int64_t id) {
  auto facts = store::request_facts(tx, id);
  if (!facts || !may_request(tx, s, a, *facts, RequestPart::papers, core::Use::read)) {
    return core::Error::not_found();
  }
  return RequestRow{facts->id, facts->panel_id, store::request_state(id, facts->state),
                    facts->author_id, facts->team_id};
}

// Papers change only in the author's hands, and only while the request is a draft.
core::Status may_edit(const Actor& a, const RequestRow& r) {
  if (r.author_id != a.id) {
    return core::Error::forbidden("Only the request's author can change its papers");
  }
  if (r.state != core::RequestState::draft) {
    return core::Error::conflict("The papers cannot be changed once the request has been sent");
  }
  return core::ok_status();
}

// The request (editable by the actor) and the document of its panel.
struct PaperTarget {
  RequestRow request;
  const core::PanelType* panel = nullptr;
  const core::DocumentRequirement* document = nullptr;
};
core::Result<PaperTarget> editable_document(Tx& tx, Services& s, const Actor& a,
                                            std::int64_t request_id,
                                            const std::string& document_id) {
  const RequestRow r = TRY(load_visible(tx, s, a, request_id));
  PaperTarget t{r, s.panels.find(r.panel_id), nullptr};
  if (t.panel != nullptr) {
    for (const auto& d : t.panel->documents) {
      if (d.id == document_id) {
        t.document = &d;
      }
    }
  }
  if (t.document == nullptr) {
    return core::Error::not_found();
  }
  TRY(may_edit(a, r));
  return t;
}

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  return n;
}

std::vector<core::PaperEntry> load_entries(Tx& tx, std::int64_t request_id) {
  std::vector<core::PaperEntry> out;
  for (const store::PaperRecord& p : store::request_papers(tx, request_id)) {
    out.push_back({p.document_id, p.kind, p.reason});
  }
  return out;
}

// Writes the upload to disk and records it (the file replacing a reason
// given earlier for the same document). `written` is set once the file is on
// disk, so that the caller can remove it unless the transaction commits.
core::Result<std::int64_t> record_upload(Tx& tx, Services& s, const Actor& a,
                                         std::int64_t request_id, const std::string& document_id,
                                         const Upload& upload, std::optional<fs::path>& written) {
  TRY(editable_document(tx, s, a, request_id, document_id));
  const std::string type = TRY(check_upload(s, core::paper_field(document_id), upload));
  const store::NewPaperFile file{.request_id = request_id,
                                 .document_id = document_id,
                                 .file_name = core::display_file_name(upload.file_name),
                                 .stored_name = generated_paper_name(),
                                 .media_type = type,
                                 .bytes = static_cast<std::int64_t>(upload.content.size()),
                                 .sha256 = store::sha256_hex(upload.content),
                                 .added_by = a.id,
                                 .added_at = s.clock.now()};
  write_file_atomically(s.uploads_dir, file.stored_name, upload.content);
  written = s.uploads_dir / file.stored_name;
  const bool had_reason = store::delete_not_provided(tx, request_id, document_id);
  const std::int64_t id = store::insert_paper_file(tx, file);
  audit(tx, s, a, "paper.add", "request", request_id,
        {{"paper", id},
         {"document", document_id},
         {"file_name", file.file_name},
         {"media_type", type},
         {"bytes", file.bytes},
         {"sha256", file.sha256},
         {"replaced_reason", had_reason}});
  return id;
}

// Why a reason cannot be recorded for the document, if it cannot.
core::Status check_reason(Tx& tx, const PaperTarget& t, std::int64_t request_id,
                          const std::string& document_id, const std::string& reason) {
  const std::string field = reason_field(document_id);
  const std::string name = core::label_in_sentence(t.document->label);
  if (t.document->required) {
    // CLAM: the written referral must be sent; no reason replaces it.
    return core::Error::invalid(field, "Upload the " + name + ": a reason is not enough");
  }
  if (blank(reason)) {
    return core::Error::invalid(field, "Enter why the " + name + " is not provided");
  }
  if (utf8_chars(reason) > kMaxReasonChars) {
    return core::Error::invalid(field, "Keep the reason to 2,000 characters or fewer");
  }
  if (store::find_document_paper(tx, request_id, document_id, PaperKind::file)) {
    return core::Error::invalid(
        field, "Remove the uploaded files before saying why the " + name + " is not provided");
  }
  return core::ok_status();
}

}  // namespace

core::Result<std::string> check_upload(const Services& s, const std::string& field,
                                       const Upload& u) {
  if (u.content.empty() && u.file_name.empty()) {
    return core::Error::invalid(field, "Select a file to upload");
  }
  if (u.content.empty()) {
    return core::Error::invalid(field, "The selected file is empty");
  }
  if (u.content.size() > s.max_upload_bytes) {
    return core::Error::invalid(field, "The selected file must be smaller than " +
                                           std::to_string(s.max_upload_bytes / (1024 * 1024)) +
                                           " MB");
  }
  auto type = core::sniff_media_type(u.content, u.file_name);
  if (!type) {
    return core::Error::invalid(field, std::string(core::kRefusedTypeMessage));
  }
  if (auto problem = core::upload_name_problem(u.file_name, *type)) {
    return core::Error::invalid(field, *problem);
  }
  return *type;
}

std::string reason_field(const std::string& document_id) { return "reason_" + document_id; }

core::Result<std::int64_t> add_paper(Services& s, const Actor& a, std::int64_t request_id,
                                     const std::string& document_id, const Upload& upload) {
  // Set once the file is on disk: removed again unless the transaction commits.
  std::optional<fs::path> written;
  try {
    auto id = s.db.write<std::int64_t>(
        [&](Tx& tx) { return record_upload(tx, s, a, request_id, document_id, upload, written); });
    if (!id && written) {
      remove_quietly(*written);
    }
    return id;
  } catch (...) {
    if (written) {
      remove_quietly(*written);
    }
    throw;
  }
}

std::string store_paper_content(const Services& s, const std::string& content) {
  const std::string stored = generated_paper_name();
  write_file_atomically(s.uploads_dir, stored, content);
  return stored;
}

core::Status mark_not_provided(Services& s, const Actor& a, std::int64_t request_id,
                               const std::string& document_id, const std::string& reason) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const PaperTarget t = TRY(editable_document(tx, s, a, request_id, document_id));
    TRY(check_reason(tx, t, request_id, document_id, reason));
    const auto existing =
        store::find_document_paper(tx, request_id, document_id, PaperKind::not_provided);
    const store::NotProvided row{.request_id = request_id,
                                 .document_id = document_id,
                                 .reason = reason,
                                 .added_by = a.id,
                                 .added_at = s.clock.now()};
    std::int64_t id = 0;
    if (existing) {
      id = existing->id;
      store::update_not_provided(tx, id, row);
    } else {
      id = store::insert_not_provided(tx, row);
    }
    nlohmann::json detail = {{"paper", id}, {"document", document_id}, {"reason", reason}};
    if (existing) {
      detail["previous_reason"] = existing->reason;
    }
    audit(tx, s, a, "paper.not_provided", "request", request_id, detail);
    return core::Done{};
  });
}

core::Result<std::int64_t> remove_paper(Services& s, const Actor& a, std::int64_t paper_id) {
  std::string stored;
  auto request = s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    const std::optional<store::PaperRecord> p = store::find_paper(tx, paper_id);
    if (!p) {
      return core::Error::not_found();
    }
    TRY(editable_document(tx, s, a, p->request_id, p->document_id));
    store::delete_paper(tx, paper_id);
    nlohmann::json detail = {{"paper", paper_id},
                             {"document", p->document_id},
                             {"kind", std::string(core::paper_kind_id(p->kind))}};
    if (p->kind == PaperKind::file) {
      detail["file_name"] = p->file_name;
      detail["sha256"] = p->sha256;
    } else {
      detail["reason"] = p->reason;
    }
    audit(tx, s, a, "paper.remove", "request", p->request_id, detail);
    stored = p->stored_name;
    return p->request_id;
  });
  // Deleted only once the removal is committed: a rollback keeps the file.
  if (request && generated_name(stored)) {
    remove_quietly(s.uploads_dir / stored);
  }
  return request;
}

namespace {

DocumentPapers document_papers(const core::DocumentRequirement& doc,
                               const std::vector<store::PaperRecord>& papers,
                               const std::vector<core::PaperEntry>& entries,
                               const core::Status& check) {
  DocumentPapers d;
  d.id = doc.id;
  d.label = doc.label;
  d.hint = doc.hint;
  d.required = doc.required;
  d.reason_required_if_missing = doc.reason_required_if_missing;
  for (const store::PaperRecord& p : papers) {
    if (p.document_id != doc.id) {
      continue;
    }
    if (p.kind == PaperKind::file) {
      d.files.push_back(
          {p.id, p.file_name, core::size_label(p.bytes), core::media_label(p.media_type)});
    } else {
      d.not_provided_id = p.id;
      d.not_provided_reason = p.reason;
    }
  }
  d.status = core::paper_status(doc, entries);
  d.status_label = std::string(core::paper_status_label(d.status));
  if (!check) {
    for (const auto& f : check.error().fields) {
      if (f.field == core::paper_field(doc.id)) {
        d.problem = f.message;
      }
    }
  }
  return d;
}

core::Result<PapersView> papers_view_unrecorded(Services& s, const Actor& a,
                                                std::int64_t request_id) {
  return s.db.read<PapersView>([&](Tx& tx) -> core::Result<PapersView> {
    const RequestRow r = TRY(load_visible(tx, s, a, request_id));
    const core::PanelType* panel = s.panels.find(r.panel_id);
    PapersView v;
    v.request_id = request_id;
    v.panel_name = panel ? panel->name : r.panel_id;
    v.children = request_children_names(tx, request_id);
    v.state_label = std::string(core::state_label(r.state));
    v.can_edit = may_edit(a, r).ok();
    if (panel == nullptr) {
      return v;
    }
    const std::vector<store::PaperRecord> papers = store::request_papers(tx, request_id);
    const std::vector<core::PaperEntry> entries = load_entries(tx, request_id);
    const core::Status check = core::check_papers(*panel, entries);
    v.complete = check.ok();
    for (const core::DocumentRequirement& doc : panel->documents) {
      v.documents.push_back(document_papers(doc, papers, entries, check));
    }
    return v;
  });
}

}  // namespace

core::Result<PapersView> papers_view(Services& s, const Actor& a, std::int64_t request_id) {
  auto view = papers_view_unrecorded(s, a, request_id);
  if (view) {
    // Recorded before the list is handed out, as a child's record is.
    s.db.write_all([&](Tx& tx) { audit(tx, s, a, "papers.view", "request", request_id); });
  }
  return view;
}

core::Result<PaperFile> open_paper(Services& s, const Actor& a, std::int64_t paper_id) {
  return s.db.write<PaperFile>([&](Tx& tx) -> core::Result<PaperFile> {
    const std::optional<store::PaperRecord> p = store::find_paper(tx, paper_id);
    if (!p || p->kind != PaperKind::file) {
      return core::Error::not_found();
    }
    TRY(load_visible(tx, s, a, p->request_id));
    if (!generated_name(p->stored_name)) {
      throw std::runtime_error("paper " + std::to_string(paper_id) + " has a bad stored name");
    }
    PaperFile f{p->file_name, p->media_type, read_file(s.uploads_dir / p->stored_name)};
    if (store::sha256_hex(f.content) != p->sha256) {
      throw std::runtime_error("paper " + std::to_string(paper_id) + " does not match its SHA-256");
    }
    audit(tx, s, a, "paper.download", "request", p->request_id,
          {{"paper", paper_id}, {"file_name", f.file_name}, {"sha256", p->sha256}});
    return f;
  });
}

core::Status papers_ready(store::Tx& tx, const core::PanelType& panel, std::int64_t request_id) {
  return core::check_papers(panel, load_entries(tx, request_id));
}

}  // namespace casepanel::app
