// Oversight pages: the audit log, and the email outbox (administrators).
#include "app/audit_log.h"
#include "app/outbox.h"

#include <algorithm>
#include <cctype>

#include "core/counted.h"
#include "web/pagination.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// Query-string text: letters, digits and -._~ kept, everything else %XX.
std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

constexpr const char* kAuditFields[] = {"child",     "person", "action",   "from-day", "from-month",
                                        "from-year", "to-day", "to-month", "to-year"};

// The audit page's filters as a query string, for the pagination links.
std::string audit_query(const WebRequest& r, int page) {
  std::string q = "/audit?";
  for (const char* field : kAuditFields) {
    if (const std::string v = r.query_value(field); !v.empty()) {
      q.append(field).append("=").append(url_encode(v)).append("&");
    }
  }
  return q + "page=" + std::to_string(page);
}

app::AuditSearch audit_search(const WebRequest& r) {
  return {r.query_value("child"),
          r.query_value("person"),
          r.query_value("action"),
          r.query_value("from-day"),
          r.query_value("from-month"),
          r.query_value("from-year"),
          r.query_value("to-day"),
          r.query_value("to-month"),
          r.query_value("to-year"),
          static_cast<int>(std::clamp<std::int64_t>(parse_id(r.query_value("page")), 1, 1000000))};
}

// The search form as it was filled in, with its choices of person and action.
void add_audit_form(Data& d, const WebRequest& r, const app::AuditSearch& search,
                    const std::vector<std::pair<std::int64_t, std::string>>& people) {
  for (const char* field : kAuditFields) {
    std::string key = std::string("value_") + field;
    std::replace(key.begin(), key.end(), '-', '_');
    d.set(key, r.query_value(field));
  }
  Data person_options{Data::type::list};
  for (const auto& [id, name] : people) {
    Data o;
    o.set("id", str(id));
    o.set("name", name);
    set_flag(o, "selected", str(id) == search.person);
    person_options.push_back(o);
  }
  d.set("people", person_options);
  Data action_options{Data::type::list};
  for (const auto& [action, label] : app::audit_actions()) {
    Data o;
    o.set("action", action);
    o.set("label", label);
    set_flag(o, "selected", action == search.action);
    action_options.push_back(o);
  }
  d.set("actions", action_options);
}

void add_audit_events(const Site& site, Data& d, const WebRequest& r, const app::AuditPage& log) {
  Data rows{Data::type::list};
  for (const auto& e : log.rows) {
    Data x;
    x.set("when", e.when);
    x.set("sentence", e.sentence);
    set_if(x, "client_address", e.client_address);
    x.set("outcome", e.outcome);
    x.set("outcome_tag", e.outcome_tag);
    rows.push_back(x);
  }
  d.set("events", rows);
  set_flag(d, "has_events", !log.rows.empty());
  d.set("total", core::counted(log.total, "event", "events"));
  d.set("page", str(log.page));
  d.set("pages", str(log.pages));
  std::string children;
  for (const std::string& name : log.children_matched) {
    children.append(children.empty() ? "" : ", ").append(name);
  }
  set_if(d, "children_matched", children);
  d.set("pagination", pagination(
                          site, log.page, log.pages, [&](int n) { return audit_query(r, n); },
                          "Pages of the audit log"));
}

WebResponse audit(const Site& site, WebRequest& r) {
  const app::AuditSearch search = audit_search(r);
  auto people = app::audit_people(site.services(), r.actor());
  if (!people) {
    return site.error(r, people.error());
  }
  auto log = app::audit_log(site.services(), r.actor(), search);
  if (!log && log.error().kind != core::ErrorKind::invalid) {
    return site.error(r, log.error());
  }
  Data d;
  add_audit_form(d, r, search, *people);
  if (!log) {
    add_errors(d, log.error());
    return site.page(r, "audit", "Error: Audit log", std::move(d));
  }
  add_audit_events(site, d, r, *log);
  return site.page(r, "audit", "Audit log", std::move(d));
}

struct StatusLabel {
  store::OutboxStatus status;
  const char* label;
  const char* tag;  // GOV.UK tag colour
};
constexpr StatusLabel kStatuses[] = {
    {store::OutboxStatus::pending, "Waiting", "govuk-tag--blue"},
    {store::OutboxStatus::sending, "Sending", "govuk-tag--yellow"},
    {store::OutboxStatus::sent, "Sent", "govuk-tag--green"},
    {store::OutboxStatus::failed, "Failed", "govuk-tag--red"},
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
  set_flag(x, "failed", m.status == store::OutboxStatus::failed);
  for (const StatusLabel& s : kStatuses) {
    if (m.status == s.status) {
      x.set("status", s.label);
      x.set("tag", s.tag);
    }
  }
  return x;
}

WebResponse outbox(const Site& site, WebRequest& r) {
  // A page that is not a number is the first (as on the audit log and
  // People); one past the last is the last.
  const int asked =
      static_cast<int>(std::clamp<std::int64_t>(parse_id(r.query_value("page")), 1, 1000000));
  auto list = app::outbox_page(site.services(), r.actor(), asked);
  if (!list) {
    return site.error(r, list.error());
  }
  Data rows{Data::type::list};
  for (const auto& m : list->messages) {
    rows.push_back(outbox_row(m));
  }
  Data d;
  d.set("messages", rows);
  set_flag(d, "has_messages", !list->messages.empty());
  d.set("first", str(list->first));
  d.set("last", str(list->first + std::ssize(list->messages) - 1));
  d.set("total", str(list->total));
  set_flag(d, "delivery_off", !site.options().email_delivery);
  d.set("pagination", pagination(
                          site, list->page, list->pages,
                          [](int n) { return "/admin/outbox?page=" + std::to_string(n); },
                          "Pages of the email outbox"));
  const std::string title =
      list->pages > 1 ? "Email outbox (page " + str(list->page) + " of " + str(list->pages) + ")"
                      : "Email outbox";
  return site.page(r, "outbox", title, std::move(d));
}

void add_invitation(Data& d, const app::InvitationSummary& inv) {
  Data x;
  const bool cancel = inv.method == app::InviteMethod::cancel;
  x.set("method", app::invite_method_name(inv.method));
  x.set("kind", cancel ? "A cancellation" : "An invitation");
  x.set("summary", inv.summary);
  x.set("starts", inv.starts);
  x.set("ends", inv.ends);
  set_if(x, "location", inv.location);
  x.set("uid", inv.uid);
  x.set("sequence", str(inv.sequence));
  d.set("invitation", x);
}

WebResponse outbox_message(const Site& site, WebRequest& r) {
  auto m = app::outbox_message(site.services(), r.actor(), r.id_param());
  if (!m) {
    return site.error(r, m.error());
  }
  Data d = outbox_row(m->message);
  d.set("created", m->message.created);
  d.set("body", m->body);
  set_if(d, "calendar", m->calendar);
  if (m->invitation) {
    add_invitation(d, *m->invitation);
  }
  return site.page(r, "outbox_message", "Email " + str(m->message.id), std::move(d));
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
  routes.push_back({"GET", "/admin/outbox/{id}", administering, outbox_message});
  routes.push_back({"POST", "/admin/outbox/{id}/retry", administering, retry_outbox});
}

}  // namespace casepanel::web
