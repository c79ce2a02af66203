#include "app/paper_sweep.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "app/audit_trail.h"
#include "app/paper_files.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kTemporaryPrefix = ".tmp-";

struct Candidate {
  std::string name;  // as in the directory
  core::Instant modified;
  bool temporary = false;  // a ".tmp-" file: never named by a row
};

// The files in the directory that this code could have made, with their
// modification times. A file that vanishes while being listed is skipped.
std::vector<Candidate> candidates(const fs::path& dir) {
  std::vector<Candidate> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    std::error_code ignored;
    if (!e.is_regular_file(ignored)) {
      continue;
    }
    const std::string name = e.path().filename().string();
    const bool temporary = name.starts_with(kTemporaryPrefix);
    if (!generated_name(temporary ? name.substr(kTemporaryPrefix.size()) : name)) {
      continue;
    }
    const fs::file_time_type t = e.last_write_time(ignored);
    if (ignored) {
      continue;
    }
    out.push_back({name,
                   std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t)),
                   temporary});
  }
  return out;
}

std::set<std::string> named_files(store::Tx& tx) {
  std::set<std::string> out;
  for (const store::StoredFile& f : store::stored_files(tx)) {
    out.insert(f.stored_name);
  }
  return out;
}

// The orphans among the candidates: old enough go to `result.removed`, the
// others are counted.
SweepResult orphans(const std::vector<Candidate>& files, const std::set<std::string>& named,
                    core::Instant now, std::chrono::seconds grace) {
  SweepResult result;
  for (const Candidate& c : files) {
    if (!c.temporary && named.count(c.name)) {
      continue;
    }
    if (now - c.modified >= grace) {
      result.removed.push_back(c.name);
    } else {
      ++result.too_young;
    }
  }
  std::sort(result.removed.begin(), result.removed.end());
  return result;
}

}  // namespace

SweepResult sweep_orphan_files(Services& s, std::chrono::seconds grace) {
  const std::vector<Candidate> files = candidates(s.uploads_dir);
  if (files.empty()) {
    return {};
  }
  const core::Instant now = s.clock.now();
  SweepResult result;
  // A read first: most sweeps find nothing, and a write makes every other
  // writer on the database wait its turn.
  s.db.read_all([&](store::Tx& tx) { result = orphans(files, named_files(tx), now, grace); });
  if (result.removed.empty()) {
    return result;
  }
  // Decided again inside the write, which follows every commit before it: a
  // row another instance committed since the read keeps its file.
  s.db.write_all([&](store::Tx& tx) {
    result = orphans(files, named_files(tx), now, grace);
    if (!result.removed.empty()) {
      audit(tx, s, Actor{}, "uploads.sweep", "uploads", 0,
            {{"removed", result.removed}, {"grace_seconds", grace.count()}});
    }
  });
  for (const std::string& name : result.removed) {
    remove_quietly(s.uploads_dir / name);
  }
  return result;
}

std::vector<store::StoredFile> missing_files(Services& s) {
  std::vector<store::StoredFile> rows;
  s.db.read_all([&](store::Tx& tx) { rows = store::stored_files(tx); });
  std::vector<store::StoredFile> out;
  for (store::StoredFile& f : rows) {
    std::error_code ec;
    // A name this code did not make is never opened: it counts as missing.
    if (!generated_name(f.stored_name) || !fs::is_regular_file(s.uploads_dir / f.stored_name, ec)) {
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::string describe_missing(const store::StoredFile& f) {
  const std::string where =
      f.owner == store::FileOwner::paper
          ? "paper " + std::to_string(f.row_id) + " of request " + std::to_string(f.record_id)
          : "evidence of action " + std::to_string(f.row_id);
  return where + ": " + f.stored_name + " is missing";
}

}  // namespace casepanel::app
