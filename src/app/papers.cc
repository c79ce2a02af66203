#include "app/papers.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "app/support.h"
#include "core/request.h"
#include "store/crypto.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;
using store::Row;
using store::Rows;
using store::Tx;

constexpr std::size_t kMaxReasonChars = 2000;
constexpr std::size_t kStoredNameLength = 32;

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
  return RequestRow{facts->id, facts->panel_id,
                    core::state_from_id(facts->state).value_or(core::RequestState::draft),
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
struct Target {
  RequestRow request;
  const core::PanelType* panel = nullptr;
  const core::DocumentRequirement* document = nullptr;
};
core::Result<Target> editable_document(Tx& tx, Services& s, const Actor& a, std::int64_t request_id,
                                       const std::string& document_id) {
  auto r = load_visible(tx, s, a, request_id);
  if (!r) {
    return r.error();
  }
  Target t{*r, s.panels.find(r->panel_id), nullptr};
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
  if (auto ok = may_edit(a, *r); !ok) {
    return ok.error();
  }
  return t;
}

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  return n;
}

// What is wrong with an upload before anything is written; its media type if nothing.
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

// Only names this module made are ever opened: 32 lowercase hex characters.
bool generated_name(const std::string& name) {
  return name.size() == kStoredNameLength &&
         name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void ensure_uploads_dir(const fs::path& dir) {
  if (fs::exists(dir)) {
    return;
  }
  fs::create_directories(dir);
  // Children's papers: readable by the service's own user only.
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

// Writes the file under a temporary name, flushes it to disk, then renames
// it, so that a crash never leaves a half-written file under its real name.
void write_file_atomically(const fs::path& dir, const std::string& name,
                           const std::string& content) {
  ensure_uploads_dir(dir);
  const fs::path tmp = dir / (".tmp-" + name);
  const fs::path final_path = dir / name;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail("cannot create", tmp);
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      fail("cannot write", tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot flush", tmp);
  }
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot rename", tmp);
  }
  // Make the rename itself durable; failing here loses nothing already written.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot open", path);
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (!in.good() && !in.eof()) {
    fail("cannot read", path);
  }
  return std::move(out).str();
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

std::vector<core::PaperEntry> load_entries(Tx& tx, std::int64_t request_id) {
  std::vector<core::PaperEntry> out;
  for (const Row& r : tx.query(
           "SELECT document_id, kind, reason FROM request_papers WHERE request_id = $1 ORDER BY id",
           {request_id})) {
    if (auto kind = core::paper_kind_from_id(r.text(1))) {
      out.push_back({r.text(0), *kind, r.text(2)});
    }
  }
  return out;
}

}  // namespace

std::string reason_field(const std::string& document_id) { return "reason_" + document_id; }

core::Result<std::int64_t> add_paper(Services& s, const Actor& a, std::int64_t request_id,
                                     const std::string& document_id, const Upload& upload) {
  // Set once the file is on disk: removed again unless the transaction commits.
  std::optional<fs::path> written;
  try {
    auto id = s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
      auto t = editable_document(tx, s, a, request_id, document_id);
      if (!t) {
        return t.error();
      }
      auto type = check_upload(s, core::paper_field(document_id), upload);
      if (!type) {
        return type.error();
      }
      const std::string stored = store::random_token().substr(0, kStoredNameLength);
      const std::string name = core::display_file_name(upload.file_name);
      const std::string sha = store::sha256_hex(upload.content);
      const auto bytes = static_cast<std::int64_t>(upload.content.size());
      write_file_atomically(s.uploads_dir, stored, upload.content);
      written = s.uploads_dir / stored;
      // A file replaces a reason given earlier for the same document.
      const bool had_reason =
          tx.query_one(
                "SELECT id FROM request_papers WHERE request_id = $1 AND document_id = $2 "
                "AND kind = 'not_provided'",
                {request_id, document_id})
              .has_value();
      tx.exec(
          "DELETE FROM request_papers WHERE request_id = $1 AND document_id = $2 "
          "AND kind = 'not_provided'",
          {request_id, document_id});
      const std::int64_t id = tx.insert(
          "INSERT INTO request_papers (request_id, document_id, kind, file_name, stored_name, "
          "media_type, bytes, sha256, added_by, added_at) "
          "VALUES ($1, $2, 'file', $3, $4, $5, $6, $7, $8, $9) RETURNING id",
          {request_id, document_id, name, stored, *type, bytes, sha, a.id, now_utc(s)});
      audit(tx, s, a, "paper.add", "request", request_id,
            {{"paper", id},
             {"document", document_id},
             {"file_name", name},
             {"media_type", *type},
             {"bytes", bytes},
             {"sha256", sha},
             {"replaced_reason", had_reason}});
      return id;
    });
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
  const std::string stored = store::random_token().substr(0, kStoredNameLength);
  write_file_atomically(s.uploads_dir, stored, content);
  return stored;
}

core::Status mark_not_provided(Services& s, const Actor& a, std::int64_t request_id,
                               const std::string& document_id, const std::string& reason) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto t = editable_document(tx, s, a, request_id, document_id);
    if (!t) {
      return t.error();
    }
    const std::string field = reason_field(document_id);
    const std::string name = core::label_in_sentence(t->document->label);
    if (t->document->required) {
      // CLAM: the written referral must be sent; no reason replaces it.
      return core::Error::invalid(field, "Upload the " + name + ": a reason is not enough");
    }
    if (blank(reason)) {
      return core::Error::invalid(field, "Enter why the " + name + " is not provided");
    }
    if (utf8_chars(reason) > kMaxReasonChars) {
      return core::Error::invalid(field, "Keep the reason to 2,000 characters or fewer");
    }
    if (tx.query_one("SELECT id FROM request_papers WHERE request_id = $1 AND document_id = $2 "
                     "AND kind = 'file'",
                     {request_id, document_id})) {
      return core::Error::invalid(
          field, "Remove the uploaded files before saying why the " + name + " is not provided");
    }
    auto existing = tx.query_one(
        "SELECT id, reason FROM request_papers WHERE request_id = $1 AND "
        "document_id = $2 AND kind = 'not_provided'",
        {request_id, document_id});
    std::int64_t id = 0;
    if (existing) {
      id = existing->integer(0);
      tx.exec("UPDATE request_papers SET reason = $1, added_by = $2, added_at = $3 WHERE id = $4",
              {reason, a.id, now_utc(s), id});
    } else {
      id = tx.insert(
          "INSERT INTO request_papers (request_id, document_id, kind, reason, added_by, added_at) "
          "VALUES ($1, $2, 'not_provided', $3, $4, $5) RETURNING id",
          {request_id, document_id, reason, a.id, now_utc(s)});
    }
    nlohmann::json detail = {{"paper", id}, {"document", document_id}, {"reason", reason}};
    if (existing) {
      detail["previous_reason"] = existing->text(1);
    }
    audit(tx, s, a, "paper.not_provided", "request", request_id, detail);
    return core::Done{};
  });
}

core::Result<std::int64_t> remove_paper(Services& s, const Actor& a, std::int64_t paper_id) {
  std::string stored;
  auto request = s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    auto p = tx.query_one(
        "SELECT request_id, document_id, kind, reason, file_name, stored_name, sha256 "
        "FROM request_papers WHERE id = $1",
        {paper_id});
    if (!p) {
      return core::Error::not_found();
    }
    auto t = editable_document(tx, s, a, p->integer(0), p->text(1));
    if (!t) {
      return t.error();
    }
    tx.exec("DELETE FROM request_papers WHERE id = $1", {paper_id});
    nlohmann::json detail = {{"paper", paper_id}, {"document", p->text(1)}, {"kind", p->text(2)}};
    if (p->text(2) == "file") {
      detail["file_name"] = p->text(4);
      detail["sha256"] = p->text(6);
    } else {
      detail["reason"] = p->text(3);
    }
    audit(tx, s, a, "paper.remove", "request", p->integer(0), detail);
    stored = p->text(5);
    return p->integer(0);
  });
  // Deleted only once the removal is committed: a rollback keeps the file.
  if (request && generated_name(stored)) {
    remove_quietly(s.uploads_dir / stored);
  }
  return request;
}

namespace {

core::Result<PapersView> papers_view_unrecorded(Services& s, const Actor& a,
                                                std::int64_t request_id) {
  return s.db.read<PapersView>([&](Tx& tx) -> core::Result<PapersView> {
    auto r = load_visible(tx, s, a, request_id);
    if (!r) {
      return r.error();
    }
    const core::PanelType* panel = s.panels.find(r->panel_id);
    PapersView v;
    v.request_id = request_id;
    v.panel_name = panel ? panel->name : r->panel_id;
    v.children = request_children_names(tx, request_id);
    v.state_label = std::string(core::state_label(r->state));
    v.can_edit = may_edit(a, *r).ok();
    if (panel == nullptr) {
      return v;
    }
    const std::vector<core::PaperEntry> entries = load_entries(tx, request_id);
    const core::Status check = core::check_papers(*panel, entries);
    v.complete = check.ok();
    const Rows rows = tx.query(
        "SELECT id, document_id, kind, reason, file_name, media_type, bytes "
        "FROM request_papers WHERE request_id = $1 ORDER BY id",
        {request_id});
    for (const core::DocumentRequirement& doc : panel->documents) {
      DocumentPapers d;
      d.id = doc.id;
      d.label = doc.label;
      d.hint = doc.hint;
      d.required = doc.required;
      d.reason_required_if_missing = doc.reason_required_if_missing;
      for (const Row& p : rows) {
        if (p.text(1) != doc.id) {
          continue;
        }
        if (p.text(2) == "file") {
          d.files.push_back({p.integer(0), p.text(4), core::size_label(p.integer(6)),
                             core::media_label(p.text(5))});
        } else {
          d.not_provided_id = p.integer(0);
          d.not_provided_reason = p.text(3);
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
      v.documents.push_back(std::move(d));
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
    auto p = tx.query_one(
        "SELECT request_id, file_name, stored_name, media_type, sha256 FROM request_papers "
        "WHERE id = $1 AND kind = 'file'",
        {paper_id});
    if (!p) {
      return core::Error::not_found();
    }
    if (auto r = load_visible(tx, s, a, p->integer(0)); !r) {
      return r.error();
    }
    const std::string stored = p->text(2);
    if (!generated_name(stored)) {
      throw std::runtime_error("paper " + std::to_string(paper_id) + " has a bad stored name");
    }
    PaperFile f{p->text(1), p->text(3), read_file(s.uploads_dir / stored)};
    if (store::sha256_hex(f.content) != p->text(4)) {
      throw std::runtime_error("paper " + std::to_string(paper_id) + " does not match its SHA-256");
    }
    audit(tx, s, a, "paper.download", "request", p->integer(0),
          {{"paper", paper_id}, {"file_name", f.file_name}, {"sha256", p->text(4)}});
    return f;
  });
}

core::Status papers_ready(store::Tx& tx, const core::PanelType& panel, std::int64_t request_id) {
  return core::check_papers(panel, load_entries(tx, request_id));
}

}  // namespace casepanel::app
