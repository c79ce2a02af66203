// Reading the audit log (auditors and administrators only).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct AuditRow {
  std::int64_t id = 0;
  std::string at;  // Europe/London, "22 November 2026 10:04"
  std::string actor;
  std::string role;
  std::string action;
  std::string entity;
  std::string detail;
};
struct AuditPage {
  std::vector<AuditRow> rows;
  std::int64_t total = 0;
};
// Newest first; `page` counts from 1.
core::Result<AuditPage> audit_log(Services& s, const Actor& a, int page, int per_page = 50);

}  // namespace casepanel::app
