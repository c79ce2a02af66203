#include "app/audit_log.h"

#include <nlohmann/json.hpp>

#include "app/display.h"
#include "core/panel_type.h"
#include "store/audit_query.h"

namespace casepanel::app {
namespace {

// What each action reads as, after the person's name. {child} is the child's
// name, {id} the entity's id, {path} and {status} a refusal's.
struct ActionSentence {
  const char* action;
  const char* label;  // in the filter's select
  const char* sentence;
};
constexpr ActionSentence kSentences[] = {
    {"access.refused", "Refused access", "was refused access to {path} ({status})"},
    {"api_token.create", "API token created", "created an API token"},
    {"child.view", "Child's record viewed", "viewed {child}'s record"},
    {"child.discussion", "Discussion about a child", "recorded a discussion about {child}"},
    {"consultation.advise", "Advice given on a referral",
     "gave advice on request {id}, referred for consultation"},
    {"consultation.list", "Consultations listed", "listed the requests referred to them"},
    {"consultation.view", "Referral for consultation read",
     "read request {id}'s referral for consultation"},
    {"decision.record", "Decision recorded", "recorded decision {id}"},
    {"hearing.chair", "Hearing chair set", "set the chair of hearing {id}"},
    {"outbox.read", "Email read", "read email {id}"},
    {"outbox.retry", "Email retried", "retried email {id}"},
    {"paper.add", "Paper added", "added a paper to request {id}"},
    {"paper.download", "Paper downloaded", "downloaded a paper of request {id}"},
    {"paper.not_provided", "Paper not provided",
     "said why a paper of request {id} is not provided"},
    {"paper.remove", "Paper removed", "removed a paper from request {id}"},
    {"request.accept_late", "Request accepted late", "accepted request {id} late"},
    {"request.approve", "Request approved", "approved request {id}"},
    {"request.ask_information", "More information asked for",
     "asked for more information on request {id}"},
    {"request.create", "Request started", "started request {id}"},
    {"request.decline", "Request declined", "declined request {id}"},
    {"request.heard", "Request heard", "recorded request {id} as heard"},
    {"request.refer_consultation", "Request referred for consultation",
     "referred request {id} for consultation"},
    {"request.return", "Request returned", "returned request {id} to its author"},
    {"request.schedule", "Request scheduled", "scheduled request {id} at a sitting"},
    {"request.send", "Request sent", "sent request {id}"},
    {"request.update", "Request changed", "changed request {id}"},
    {"session.sign_in", "Signed in", "signed in"},
    {"session.sign_in_failed", "Sign-in failed", "failed to sign in"},
    {"session.sign_out", "Signed out", "signed out"},
    {"sitting.add", "Sitting added", "added sitting {id}"},
    {"sitting.attendance", "Attendance recorded", "recorded attendance at sitting {id}"},
    {"sitting.cancel", "Sitting cancelled", "cancelled sitting {id}"},
    {"sitting.details", "Sitting details changed", "changed the details of sitting {id}"},
    {"sitting.move", "Sitting moved", "moved sitting {id}"},
    {"sitting.publish", "Agenda published", "published the agenda of sitting {id}"},
};

struct OutcomeLabel {
  const char* outcome;
  const char* label;
  const char* tag;
};
constexpr OutcomeLabel kOutcomes[] = {
    {"done", "Done", "govuk-tag--green"},
    {"refused", "Refused", "govuk-tag--red"},
    {"failed", "Failed", "govuk-tag--orange"},
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

std::string who(const store::AuditRecord& e) {
  if (!e.actor_id) {
    return e.client_address.empty() ? "casepanel" : "Someone not signed in";
  }
  std::string name = e.actor_name.empty() ? "Person " + std::to_string(*e.actor_id) : e.actor_name;
  if (auto role = core::role_from_id(e.actor_role)) {
    std::string title(core::role_title(*role));
    if (!title.empty()) {
      title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
    }
    name.append(" (").append(title).append(")");
  }
  return name;
}

std::string status_words(int status) {
  switch (status) {
    case 403:
      return "not allowed";
    case 404:
      return "not found";
    default:
      return "status " + std::to_string(status);
  }
}

std::string sentence(const store::AuditRecord& e, const std::map<std::int64_t, std::string>& kids) {
  std::string text;
  for (const ActionSentence& s : kSentences) {
    if (e.action == s.action) {
      text = s.sentence;
    }
  }
  if (text.empty()) {
    // Not in the table: still a sentence, naming what the event is about.
    text = "recorded \u201c" + e.action + "\u201d";
    if (!e.entity.empty()) {
      text += " for " + e.entity;
      if (!e.entity_id.empty()) {
        text += " " + e.entity_id;
      }
    }
  }
  const auto detail = nlohmann::json::parse(e.detail, nullptr, false);
  std::string child = "child " + e.entity_id;
  if (e.entity == "child") {
    if (auto it = kids.find(std::atoll(e.entity_id.c_str())); it != kids.end()) {
      child = it->second;
    }
  }
  std::string path = "a page";
  std::string status = "refused";
  if (detail.is_object()) {
    path = detail.value("path", path);
    status = status_words(detail.value("status", 0));
  }
  replace_all(text, "{child}", child);
  replace_all(text, "{id}", e.entity_id);
  replace_all(text, "{path}", path);
  replace_all(text, "{status}", status);
  return who(e) + " " + text;
}

// A GOV.UK date input: all three parts or none. Returns the date as ISO text.
std::optional<std::string> date_field(const std::string& d, const std::string& m,
                                      const std::string& y, const char* field, const char* label,
                                      std::vector<core::FieldError>& errors) {
  if (d.empty() && m.empty() && y.empty()) {
    return std::string();
  }
  auto pad = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  const std::string iso = y + "-" + pad(m) + "-" + pad(d);
  if (y.size() != 4 || !core::parse_iso_date(iso)) {
    errors.push_back({field, std::string(label) + " must be a real date, like 24 11 2026"});
    return std::nullopt;
  }
  return iso;
}

// Midnight in London at the start of the day, as UTC text.
std::string london_midnight(const std::string& iso_date, int days_after) {
  const auto date = core::parse_iso_date(iso_date);
  const core::Date day{std::chrono::sys_days{*date} + std::chrono::days{days_after}};
  return core::to_iso_utc(core::london_to_utc(day, core::LocalTime{0}));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> audit_actions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const ActionSentence& s : kSentences) {
    out.emplace_back(s.action, s.label);
  }
  return out;
}

core::Result<std::vector<std::pair<std::int64_t, std::string>>> audit_people(Services& s,
                                                                             const Actor& a) {
  if (!a.may(core::Permission::view_audit)) {
    return core::Error::forbidden("Only auditors read the audit log");
  }
  std::vector<std::pair<std::int64_t, std::string>> out;
  s.db.read_all([&](store::Tx& tx) { out = store::audit_people(tx); });
  return out;
}

namespace {

// The filter the search asks for; problems with its dates in `errors`.
store::AuditFilter audit_filter(const AuditSearch& search, std::vector<core::FieldError>& errors) {
  const auto from = date_field(search.from_day, search.from_month, search.from_year, "from",
                               "The date from", errors);
  const auto to =
      date_field(search.to_day, search.to_month, search.to_year, "to", "The date to", errors);
  if (from && to && !from->empty() && !to->empty() && *to < *from) {
    errors.push_back({"to", "The date to must be the same as or after the date from"});
  }
  store::AuditFilter filter;
  if (from && !from->empty()) {
    filter.from = london_midnight(*from, 0);
  }
  if (to && !to->empty()) {
    filter.until = london_midnight(*to, 1);
  }
  if (const std::int64_t person = std::atoll(search.person.c_str()); person > 0) {
    filter.actor_id = person;
  }
  for (const auto& [action, label] : audit_actions()) {
    if (action == search.action) {
      filter.action = action;
    }
  }
  return filter;
}

AuditLine audit_line(const store::AuditRecord& e,
                     const std::map<std::int64_t, std::string>& names) {
  AuditLine line{e.id,
                 london_long_date(e.at) + " at " + london_hh_mm(e.at),
                 sentence(e, names),
                 e.client_address,
                 e.outcome,
                 ""};
  for (const OutcomeLabel& o : kOutcomes) {
    if (e.outcome == o.outcome) {
      line.outcome = o.label;
      line.outcome_tag = o.tag;
    }
  }
  return line;
}

// One page of the events the filter finds, each in a sentence.
void read_page(store::Tx& tx, const store::AuditFilter& filter, AuditPage& out) {
  const store::AuditRecords found = store::find_audit_events(
      tx, filter, (out.page - 1) * std::int64_t{kAuditPerPage}, kAuditPerPage);
  out.total = found.total;
  out.pages = static_cast<int>(
      std::max<std::int64_t>(1, (found.total + kAuditPerPage - 1) / kAuditPerPage));
  std::vector<std::int64_t> kids;
  for (const auto& e : found.rows) {
    if (e.entity == "child" && std::atoll(e.entity_id.c_str()) > 0) {
      kids.push_back(std::atoll(e.entity_id.c_str()));
    }
  }
  const auto names = store::child_names(tx, kids);
  for (const auto& e : found.rows) {
    out.rows.push_back(audit_line(e, names));
  }
}

}  // namespace

core::Result<AuditPage> audit_log(Services& s, const Actor& a, const AuditSearch& search) {
  if (!a.may(core::Permission::view_audit)) {
    return core::Error::forbidden("Only auditors read the audit log");
  }
  std::vector<core::FieldError> errors;
  store::AuditFilter filter = audit_filter(search, errors);
  AuditPage out;
  out.page = std::max(search.page, 1);
  s.db.read_all([&](store::Tx& tx) {
    if (!blank(search.child)) {
      for (const store::ChildName& c : store::find_children_named(tx, search.child, 20)) {
        filter.child_ids.push_back(c.id);
        out.children_matched.push_back(c.name);
      }
      if (filter.child_ids.empty()) {
        errors.push_back({"child", "No child has that name, id or case number"});
      }
    }
    if (errors.empty()) {
      read_page(tx, filter, out);
    }
  });
  if (!errors.empty()) {
    return core::Error::invalid_fields(std::move(errors));
  }
  return out;
}

}  // namespace casepanel::app
