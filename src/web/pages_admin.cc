// Oversight pages: the audit log, and the email outbox (administrators).
#include "app/audit_log.h"
#include "app/outbox.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

WebResponse audit(const Site& site, WebRequest& r) {
  const int page = std::max<std::int64_t>(1, parse_id(r.query_value("page")));
  auto log = app::audit_log(site.services(), r.actor(), page);
  if (!log) {
    return site.error(r, log.error());
  }
  Data rows{Data::type::list};
  for (const auto& e : log->rows) {
    Data x;
    x.set("id", str(e.id));
    x.set("at", e.at);
    x.set("actor", e.actor);
    x.set("role", e.role);
    x.set("action", e.action);
    x.set("entity", e.entity);
    x.set("detail", e.detail);
    rows.push_back(x);
  }
  Data d;
  d.set("events", rows);
  d.set("total", str(log->total));
  if (page > 1) {
    d.set("previous", str(page - 1));
  }
  if (static_cast<std::int64_t>(page) * 50 < log->total) {
    d.set("next", str(page + 1));
  }
  return site.page(r, "audit", "Audit log", std::move(d));
}

struct StatusLabel {
  const char* status;
  const char* label;
  const char* tag;  // GOV.UK tag colour
};
constexpr StatusLabel kStatuses[] = {
    {"pending", "Waiting", "govuk-tag--blue"},
    {"sending", "Sending", "govuk-tag--yellow"},
    {"sent", "Sent", "govuk-tag--green"},
    {"failed", "Failed", "govuk-tag--red"},
};

Data outbox_row(const app::OutboxMessage& m) {
  Data x;
  x.set("id", str(m.id));
  x.set("recipient", m.recipient);
  x.set("subject", m.subject);
  x.set("attempts", str(m.attempts));
  set_if(x, "next_attempt", m.next_attempt);
  set_if(x, "sent", m.sent);
  set_if(x, "last_error", m.last_error);
  set_flag(x, "has_calendar", m.has_calendar);
  set_flag(x, "failed", m.status == "failed");
  x.set("status", m.status);
  x.set("tag", "govuk-tag--grey");
  for (const StatusLabel& s : kStatuses) {
    if (m.status == s.status) {
      x.set("status", s.label);
      x.set("tag", s.tag);
    }
  }
  return x;
}

WebResponse outbox(const Site& site, WebRequest& r) {
  auto messages = app::outbox_messages(site.services(), r.actor());
  if (!messages) {
    return site.error(r, messages.error());
  }
  Data rows{Data::type::list};
  for (const auto& m : *messages) {
    rows.push_back(outbox_row(m));
  }
  Data d;
  d.set("messages", rows);
  set_flag(d, "has_messages", !messages->empty());
  set_flag(d, "delivery_off", !site.options().email_delivery);
  return site.page(r, "outbox", "Email outbox", std::move(d));
}

WebResponse retry_outbox(const Site& site, WebRequest& r) {
  auto done = app::retry_outbox_message(site.services(), r.actor(), r.id_param());
  if (!done) {
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/admin/outbox");
}

}  // namespace

void add_admin_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/audit", {Access::signed_in, core::Permission::view_audit}, audit});
  const Rule administering{Access::signed_in, core::Permission::administer};
  routes.push_back({"GET", "/admin/outbox", administering, outbox});
  routes.push_back({"POST", "/admin/outbox/{id}/retry", administering, retry_outbox});
}

}  // namespace casepanel::web
