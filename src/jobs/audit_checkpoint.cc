#include "jobs/audit_checkpoint.h"

#include <spdlog/spdlog.h>
#include <syslog.h>

#include <algorithm>

#include "store/audit.h"
#include "store/audit_checkpoints.h"

namespace casepanel::jobs {
namespace {

const store::AuditKey& key_of(app::Services& s) {
  const store::AuditKey* key = s.db.audit_key();
  if (key == nullptr) {
    throw std::logic_error("audit checkpoints need the audit key (Database::set_audit_key)");
  }
  return *key;
}

// Often enough that `every_events` is honoured closely under load; the query
// is one indexed row.
std::chrono::milliseconds poll_interval(const CheckpointPolicy& policy) {
  return std::min<std::chrono::milliseconds>(policy.every, std::chrono::seconds(2));
}

}  // namespace

AuditCheckpointer::AuditCheckpointer(app::Services& s, CheckpointPolicy policy)
    : services_(s),
      policy_(std::move(policy)),
      last_at_(s.clock.now()),
      periodic_("audit: checkpoint failed", poll_interval(policy_),
                Periodic::FirstRound::after_interval,
                [this](std::stop_token) { checkpoint(CheckpointWhen::if_due); }) {
  const store::CheckpointFile existing = store::read_checkpoints(policy_.file, key_of(s));
  if (!existing.checkpoints.empty()) {
    last_id_ = existing.checkpoints.back().event_id;
  }
}

AuditCheckpointer::~AuditCheckpointer() = default;

bool AuditCheckpointer::checkpoint(CheckpointWhen when) {
  std::optional<store::AuditCheckpoint> head;
  services_.db.read_all([&](store::Tx& tx) { head = store::audit_head(tx); });
  if (!head || head->event_id == last_id_) {
    return false;
  }
  const core::Instant now = services_.clock.now();
  const bool due = when == CheckpointWhen::now ||
                   head->event_id - last_id_ >= policy_.every_events ||
                   now - last_at_ >= policy_.every;
  if (!due) {
    return false;
  }
  head->at = core::to_iso_utc(now);
  const store::AuditKey& key = key_of(services_);
  store::append_checkpoint(policy_.file, key, *head);
  if (policy_.syslog == CheckpointSyslog::on) {
    const std::string line = store::checkpoint_line(key, *head);
    ::syslog(LOG_AUTHPRIV | LOG_NOTICE, "casepanel audit checkpoint %.*s",
             static_cast<int>(line.size() - 1), line.c_str());
  }
  last_id_ = head->event_id;
  last_at_ = now;
  return true;
}

void AuditCheckpointer::start() {
  checkpoint(CheckpointWhen::now);
  periodic_.start();
}

void AuditCheckpointer::stop() {
  periodic_.stop();
  checkpoint(CheckpointWhen::now);
}

}  // namespace casepanel::jobs
