// The integration API for machine clients: JSON, bearer tokens, the token's
// user's permissions and scope (docs/api.md). Each handler parses, calls one
// app/ function and writes JSON; an error is JSON {"error", "reason"}.
#include <nlohmann/json.hpp>

#include "app/api_decisions.h"
#include "app/children.h"
#include "core/calendar.h"
#include "web/site.h"

namespace casepanel::web {
namespace {

using nlohmann::json;

WebResponse error_response(const core::Error& e) {
  switch (e.kind) {
    case core::ErrorKind::not_found:
      return WebResponse::json_error(404, "not_found", e.message);
    case core::ErrorKind::forbidden:
      return WebResponse::json_error(403, "forbidden", e.message);
    case core::ErrorKind::conflict:
      return WebResponse::json_error(409, "conflict", e.message);
    case core::ErrorKind::invalid:
      break;
  }
  return WebResponse::json_error(400, "bad_request", e.message);
}

WebResponse children(const Site& site, WebRequest& r) {
  auto list = app::children_in_scope(site.services(), r.actor(), "api.children.list");
  if (!list) {
    return WebResponse::json_error(403, "forbidden", list.error().message);
  }
  json out = json::array();
  for (const auto& c : *list) {
    out.push_back({{"id", c.id},
                   {"external_id", c.external_id},
                   {"name", c.name},
                   {"date_of_birth", c.date_of_birth},
                   {"team", c.team},
                   {"legal_status", c.legal_status},
                   {"allocated_worker", c.allocated_worker}});
  }
  return WebResponse::json(200, json{{"children", out}}.dump());
}

json optional_instant(const std::optional<core::Instant>& t) {
  return t ? json(core::to_iso_utc(*t)) : json(nullptr);
}

json optional_text(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

const app::ItemView* item_view(const app::RecordView& v, std::int64_t item_id) {
  for (const auto* list : {&v.decisions, &v.outcomes}) {
    for (const app::ItemView& i : *list) {
      if (i.id == item_id) {
        return &i;
      }
    }
  }
  return nullptr;
}

json disagreement_json(const store::DisagreementRecord& g) {
  json agreed = nullptr;
  if (g.agreed_outcome) {
    agreed = {{"outcome", *g.agreed_outcome},
              {"reasons", g.agreed_reasons},
              {"by", g.resolved_by},
              {"at", optional_instant(g.resolved_at)}};
  }
  return {{"id", g.id},
          {"member", g.member},
          {"why", g.why},
          {"recorded_by", g.recorded_by},
          {"recorded_at", core::to_iso_utc(g.recorded_at)},
          {"resolved_by_role", std::string(core::role_id(g.resolve_role))},
          {"status", g.agreed_outcome ? "agreed" : "awaiting"},
          {"agreed", agreed}};
}

// A recommendation's final decision; null for an item that is final as
// recorded.
json final_json(const store::ItemRecord& it, const app::ItemView* v) {
  if (!it.final_role) {
    return nullptr;
  }
  return {{"by_role", std::string(core::role_id(*it.final_role))},
          {"status", std::string(core::final_status_id(it.final_status))},
          {"summary", v ? v->final_line : std::string()},
          {"detail", optional_text(it.final_detail)},
          {"reasons", optional_text(it.final_reasons)},
          {"by", optional_text(it.final_by)},
          {"at", optional_instant(it.final_at)}};
}

json item_json(const store::ItemRecord& it, const app::RecordView& view,
               const std::vector<store::DisagreementRecord>& disagreements) {
  const app::ItemView* v = item_view(view, it.id);
  json against = json::array();
  for (const store::DisagreementRecord& g : disagreements) {
    if (g.item_id == it.id) {
      against.push_back(disagreement_json(g));
    }
  }
  return {{"id", it.id},
          {"kind", std::string(core::item_kind_id(it.kind))},
          {"option_id", it.option_id},
          {"label", v ? v->label : it.option_id},
          {"detail", it.detail},
          {"recommendation", it.final_role.has_value()},
          {"final_decision", final_json(it, v)},
          {"disagreements", against}};
}

json plan_json(const store::PlanRecord& p, const app::PlanView& v) {
  if (p.plan_id.empty()) {
    return nullptr;
  }
  return {{"plan_id", p.plan_id},
          {"label", v.label},
          {"timeframe", p.timeframe},
          {"responsible", optional_text(p.owner)}};
}

json record_json(const app::ApiDecisionRecord& r) {
  const store::DecisionRecord& d = r.record;
  json items = json::array();
  for (const store::ItemRecord& it : d.items) {
    items.push_back(item_json(it, r.view, d.disagreements));
  }
  json actions = json::array();
  for (const store::ActionRecord& a : d.actions) {
    actions.push_back({{"id", a.id},
                       {"description", a.description},
                       {"owner", a.owner},
                       {"due", core::to_iso(a.due)},
                       {"status", a.status}});
  }
  return {{"id", d.id},
          {"child_id", d.child_id},
          {"hearing_id", d.hearing_id},
          {"sitting_id", d.sitting_id},
          {"panel_id", d.panel_id},
          {"panel", r.view.panel},
          {"sitting_date", core::to_iso(d.sitting_date)},
          {"items", items},
          {"reasons", d.reasons},
          {"permanency_plan", plan_json(d.permanency, r.view.permanency)},
          {"parallel_plan", plan_json(d.parallel, r.view.parallel)},
          {"review_date", d.review_date ? json(core::to_iso(*d.review_date)) : json(nullptr)},
          {"actions", actions},
          {"awaiting", r.view.awaiting},
          {"recorded_by", d.recorded_by},
          {"recorded_at", core::to_iso_utc(d.recorded_at)},
          {"corrected_by", optional_text(d.corrected_by)},
          {"corrected_at", optional_instant(d.corrected_at)}};
}

WebResponse child_decisions(const Site& site, WebRequest& r) {
  const std::int64_t child_id = r.id_param();
  if (child_id == 0) {
    return WebResponse::json_error(404, "not_found", "There is no such child");
  }
  auto records = app::api_child_decisions(site.services(), r.actor(), child_id);
  if (!records) {
    return error_response(records.error());
  }
  json out = json::array();
  for (const app::ApiDecisionRecord& rec : *records) {
    out.push_back(record_json(rec));
  }
  return WebResponse::json(200, json{{"child_id", child_id}, {"decisions", out}}.dump());
}

// ?since=CURSOR: 0 (or absent) from the start, else a positive id the feed
// gave; ?limit=N: 1 to 500, 100 when absent. Both read with parse_id, the
// parser every path id goes through.
std::optional<std::int64_t> cursor_param(const WebRequest& r) {
  const std::string since = r.query_value("since");
  if (since.empty() || since == "0") {
    return 0;
  }
  const std::int64_t cursor = parse_id(since);
  return cursor > 0 ? std::optional<std::int64_t>(cursor) : std::nullopt;
}

std::optional<int> limit_param(const WebRequest& r) {
  const std::string text = r.query_value("limit");
  if (text.empty()) {
    return app::kFeedDefaultLimit;
  }
  const std::int64_t limit = parse_id(text);
  if (limit < 1 || limit > app::kFeedMaxLimit) {
    return std::nullopt;
  }
  return static_cast<int>(limit);
}

json event_json(const store::EventRecord& e) {
  return {{"cursor", e.id},
          {"kind", std::string(store::event_kind_id(e.kind))},
          {"child_id", e.child_id},
          {"decision_id", e.decision_id},
          {"item_id", e.item_id ? json(*e.item_id) : json(nullptr)},
          {"panel_id", e.panel_id},
          {"summary", e.summary},
          {"recorded_by", e.recorded_by},
          {"recorded_at", core::to_iso_utc(e.recorded_at)}};
}

WebResponse decision_feed(const Site& site, WebRequest& r) {
  const std::optional<std::int64_t> cursor = cursor_param(r);
  if (!cursor) {
    return WebResponse::json_error(
        400, "bad_request", "since must be 0 or a next_cursor the feed gave (a whole number)");
  }
  const std::optional<int> limit = limit_param(r);
  if (!limit) {
    return WebResponse::json_error(
        400, "bad_request",
        "limit must be a whole number from 1 to " + std::to_string(app::kFeedMaxLimit));
  }
  auto page = app::api_decision_feed(site.services(), r.actor(), *cursor, *limit);
  if (!page) {
    return error_response(page.error());
  }
  json events = json::array();
  for (const store::EventRecord& e : page->events) {
    events.push_back(event_json(e));
  }
  return WebResponse::json(200,
                           json{{"events", events}, {"next_cursor", page->next_cursor}}.dump());
}

}  // namespace

void add_api_routes(std::vector<Route>& routes) {
  const Rule rule{Access::api, core::Permission::view_children};
  routes.push_back({"GET", "/api/v1/children", rule, children});
  routes.push_back({"GET", "/api/v1/children/{id}/decisions", rule, child_decisions});
  routes.push_back({"GET", "/api/v1/decisions", rule, decision_feed});
}

}  // namespace casepanel::web
