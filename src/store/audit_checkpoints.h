// Audit checkpoints: the audit chain's head, written from time to time to a
// text file outside the database, so that deleting the newest events (which
// leaves a consistent chain) is still found by `casepanel audit verify`.
//
// The file is opened O_APPEND and each line is fsync'ed; the operator should
// also make it append-only (`chattr +a`) and may copy each line to syslog
// (docs/audit.md). One line per checkpoint:
//   2026-11-24T09:00:00Z 1234 <event mac> <line mac>
// time written (UTC), the event's id, its MAC, and an HMAC of the three
// under the audit key, so nobody without the key can add a plausible line.
//
// Functions are safe to call from several threads, and from several
// processes on one file: append_checkpoint holds an exclusive flock while it
// writes, so the checkpoint jobs of several instances sharing a file never
// interleave their lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_key.h"

namespace casepanel::store {

struct AuditCheckpoint {
  std::string at;  // ISO 8601 UTC, when it was written
  std::int64_t event_id = 0;
  std::string event_mac;
};

// The line for a checkpoint, with its trailing newline.
std::string checkpoint_line(const AuditKey& key, const AuditCheckpoint& c);
// Appends the line and fsyncs it, creating the file (mode 0600) when missing.
// Throws std::runtime_error when the file cannot be written.
void append_checkpoint(const std::filesystem::path& file, const AuditKey& key,
                       const AuditCheckpoint& c);

struct CheckpointFile {
  std::vector<AuditCheckpoint> checkpoints;
  // The first line that is not a checkpoint made with this key, if any.
  std::optional<int> bad_line;
  std::string problem;
};
// Reads every line; a missing file has no checkpoints.
CheckpointFile read_checkpoints(const std::filesystem::path& file, const AuditKey& key);

}  // namespace casepanel::store
