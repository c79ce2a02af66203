// The uploads directory and the database kept in step: no orphan file, and
// no row whose file is gone without somebody being told.
//
// A paper (or an action's evidence) is written to the directory first and
// its row committed after (app/papers.h), so a crash or a failed transaction
// between the two leaves a file that no row names; removing a paper deletes
// the file after the commit, so a crash there leaves one too. The sweep
// removes such files, but only once they are older than a grace period:
// another instance sharing the directory may have written a file a moment
// ago and be about to commit its row, and the sweep cannot tell that file
// from an orphan except by its age. Only names this code generates (32 hex
// characters, and the ".tmp-" files of a write cut short) are ever touched;
// anything else in the directory is left alone.
//
// The files to remove are decided, and the audit event (a system event,
// "uploads.sweep", listing them) committed, in one write transaction, so no
// row committed before it can be missed; the files are deleted after it
// commits. A crash in between leaves them for the next sweep.
//
// missing_files() is the other direction: rows whose file is not in the
// directory (a lost volume, a restore of the database without its files).
// It only reports: a row is the record of a child's paper and is never
// deleted by a job.
//
// Ages are measured by the Services clock against each file's modification
// time. Both functions are safe to run from several instances at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "store/papers.h"

namespace casepanel::app {

// A day: far above the seconds an upload takes between its file and its
// row, and above any clock skew between instances and the shared volume.
inline constexpr std::chrono::seconds kSweepGrace = std::chrono::hours(24);

struct SweepResult {
  std::vector<std::string> removed;  // file names, sorted
  int too_young = 0;                 // orphans left for a later sweep
};
SweepResult sweep_orphan_files(Services& s, std::chrono::seconds grace = kSweepGrace);

// Rows naming a file the uploads directory does not hold.
std::vector<store::StoredFile> missing_files(Services& s);
// "paper 12 of request 7: 0123...cdef is missing" / "evidence of action 9: ...".
std::string describe_missing(const store::StoredFile& f);

}  // namespace casepanel::app
