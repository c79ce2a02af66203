// The audit checkpoint job: copies the audit chain's head (the newest event's
// id and MAC) to the checkpoint file outside the database, so that deleting
// the newest events is found by `casepanel audit verify` (store/audit.h,
// store/audit_checkpoints.h, docs/audit.md).
//
// `serve` runs one AuditCheckpointer: a checkpoint when it starts, then
// whenever the head has moved and either `every_events` events have been
// added or `every` has passed since the last checkpoint, and a last one when
// it stops. Events added after the last checkpoint can be deleted without
// trace: that window is at most `every_events` events or `every` (plus the
// poll interval), and nothing after a crash.
//
// Several instances: every instance runs its checkpointer, and each
// checkpoints the head of the one chain in the database (whichever instance
// appended the events), so each file covers every instance's events. Give
// each instance its own file on its own disk (the default, relative path
// does): `audit verify` with any one of them checks the chain, and deleting
// the newest events is caught unless it escapes every file. Instances may
// also share one file; appends are locked (store/audit_checkpoints.h), and
// lines from two instances may come out of id order, which verification
// allows. Either way a checkpoint line only ever names an event that was
// committed, so no instance's line can make the chain look broken.
//
// Time comes from the Services clock, so tests move a FakeClock and call
// checkpoint() directly; start()/stop() run it on a thread for `serve` and
// are for one owning thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "app/services.h"
#include "jobs/periodic.h"

namespace casepanel::jobs {

enum class CheckpointSyslog { off, on };
enum class CheckpointWhen { if_due, now };

struct CheckpointPolicy {
  std::filesystem::path file = "var/audit-checkpoints.log";
  int every_events = 100;
  std::chrono::seconds every{60};
  CheckpointSyslog syslog = CheckpointSyslog::off;
};

class AuditCheckpointer {
 public:
  // Reads the file's last checkpoint, so a restart does not repeat it.
  AuditCheckpointer(app::Services& s, CheckpointPolicy policy);
  ~AuditCheckpointer();
  AuditCheckpointer(const AuditCheckpointer&) = delete;
  AuditCheckpointer& operator=(const AuditCheckpointer&) = delete;

  // Writes a checkpoint when the head has moved since the last one and it is
  // due (or `when` is now). Returns whether it wrote one. Throws when the
  // file cannot be written.
  bool checkpoint(CheckpointWhen when);

  // A checkpoint now, then checks every poll interval on a thread.
  void start();
  // Stops the thread and writes a last checkpoint.
  void stop();

 private:
  app::Services& services_;
  CheckpointPolicy policy_;
  std::int64_t last_id_ = 0;
  core::Instant last_at_;
  Periodic periodic_;
};

}  // namespace casepanel::jobs
