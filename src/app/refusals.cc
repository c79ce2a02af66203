#include "app/refusals.h"

#include <nlohmann/json.hpp>

#include "app/audit_trail.h"

namespace casepanel::app {
namespace {

// The first path segment names what the page is about.
struct PathEntity {
  const char* segment;
  const char* entity;
};
constexpr PathEntity kEntities[] = {
    {"children", "child"},  {"requests", "request"}, {"sittings", "sitting"}, {"papers", "paper"},
    {"triage", "request"},  {"watch", "watch_list"}, {"audit", "audit_log"},  {"admin", "admin"},
    {"account", "account"}, {"people", "person"},
};

// Paths are cut to this length: a refusal is recorded, not a client's essay.
constexpr std::size_t kMaxPath = 200;

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) {
      end = path.size();
    }
    if (end > start) {
      out.push_back(path.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

bool is_number(const std::string& s) {
  return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void record_refusal(Services& s, const Actor* actor, const Refusal& refusal) {
  std::vector<std::string> parts = segments(refusal.path);
  if (!parts.empty() && parts.front() == "api") {
    parts.erase(parts.begin());
    if (!parts.empty() && parts.front().size() == 2 && parts.front()[0] == 'v') {
      parts.erase(parts.begin());  // "/api/v1/requests/9"
    }
  }
  std::string entity = "page";
  std::int64_t entity_id = 0;
  if (!parts.empty()) {
    for (const PathEntity& e : kEntities) {
      if (parts.front() == e.segment) {
        entity = e.entity;
      }
    }
    if (parts.size() > 1 && is_number(parts[1])) {
      entity_id = std::stoll(parts[1]);
    }
  }
  const nlohmann::json detail = {{"method", refusal.method.substr(0, 10)},
                                 {"path", refusal.path.substr(0, kMaxPath)},
                                 {"status", refusal.status}};
  Actor who = actor != nullptr ? *actor : Actor{};
  who.client_address = refusal.client_address;
  s.db.write_all([&](store::Tx& tx) {
    audit(tx, s, who, "access.refused", entity, entity_id, detail, store::AuditOutcome::refused);
  });
}

}  // namespace casepanel::app
