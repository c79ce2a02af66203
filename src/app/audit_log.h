// Reading the audit log (auditors): each event as a sentence a person can
// read ("Sam Alpha (social worker) approved request 42"), never raw JSON,
// newest first, filtered by child, person, action and date (Europe/London),
// 50 a page. The sentences come from one table of action -> template in
// audit_log.cc; an action missing from it gets a generic sentence.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

// What the person typed in the filter form, unchecked.
struct AuditSearch {
  std::string child;   // a child's name, id or external id
  std::string person;  // a user id, or ""
  std::string action;  // one of audit_actions(), or ""
  std::string from_day, from_month, from_year;
  std::string to_day, to_month, to_year;
  int page = 1;
};

struct AuditLine {
  std::int64_t id = 0;
  std::string when;      // "24 November 2026 at 09:00" (Europe/London)
  std::string sentence;  // "Sam Alpha (social worker) viewed Ada Testchild's record"
  std::string client_address;
  std::string outcome;      // "Done", "Refused", "Failed"
  std::string outcome_tag;  // its GOV.UK tag colour class
};

struct AuditPage {
  std::vector<AuditLine> rows;
  std::int64_t total = 0;
  int page = 1;
  int pages = 1;
  std::vector<std::string> children_matched;  // names, when filtering by child
};

// The actions the filter offers, with a label: every action casepanel writes.
std::vector<std::pair<std::string, std::string>> audit_actions();

inline constexpr int kAuditPerPage = 50;

// Everyone with an account (id, name), for the person filter.
core::Result<std::vector<std::pair<std::int64_t, std::string>>> audit_people(Services& s,
                                                                             const Actor& a);

// Bad filter values come back as `invalid`, one error per field ("child",
// "from", "to").
core::Result<AuditPage> audit_log(Services& s, const Actor& a, const AuditSearch& search);

}  // namespace casepanel::app
