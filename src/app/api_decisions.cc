#include "app/api_decisions.h"

#include <algorithm>
#include <map>
#include <string>

#include "app/audit_trail.h"
#include "app/scope.h"
#include "store/children.h"
#include "store/relationships.h"

namespace casepanel::app {
namespace {

using store::Tx;

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The reader's scope over children, worked out once for a page of the feed:
// the relationships the actor's roles have rows for on a child's record
// (core/access.h), the cheap ones as sets, and "on the agenda" (which
// depends on each sitting's access window) asked child by child through
// may_child and remembered.
class FeedScope {
 public:
  FeedScope(Tx& tx, const Services& s, const Actor& a) : tx_(tx), s_(s), a_(a) {
    using core::Relationship;
    const core::Relationships wanted = core::relevant(a.roles, core::Resource::child_record);
    everyone_ = wanted.count(Relationship::any) > 0;
    if (wanted.count(Relationship::own_line)) {
      teams_ = teams_in_scope(tx, a);
    }
    if (wanted.count(Relationship::panel_served)) {
      panels_ = store::panels_served(tx, a.id);
    }
    agenda_ = wanted.count(Relationship::on_agenda) > 0;
  }

  bool keeps(const store::EventRecord& e) {
    if (everyone_ || contains(teams_, e.team_id) || contains(panels_, e.panel_id)) {
      return true;
    }
    if (!agenda_) {
      return false;
    }
    auto [at, fresh] = asked_.try_emplace(e.child_id, false);
    if (fresh) {
      at->second = may_child(tx_, s_, a_, e.child_id, core::Use::read);
    }
    return at->second;
  }

 private:
  Tx& tx_;
  const Services& s_;
  const Actor& a_;
  bool everyone_ = false;
  bool agenda_ = false;
  std::vector<std::int64_t> teams_;
  std::vector<std::string> panels_;
  std::map<std::int64_t, bool> asked_;
};

}  // namespace

core::Result<std::vector<ApiDecisionRecord>> api_child_decisions(Services& s, const Actor& a,
                                                                 std::int64_t child_id) {
  using Records = std::vector<ApiDecisionRecord>;
  auto out = s.db.read<Records>([&](Tx& tx) -> core::Result<Records> {
    // Outside scope answers "not found", so that child ids cannot be probed.
    if (!a.may(core::Permission::view_children) ||
        !may_child(tx, s, a, child_id, core::Use::read) || !store::find_child(tx, child_id)) {
      return core::Error::not_found("There is no such child");
    }
    Records records;
    for (store::DecisionRecord& d : store::child_decision_records(tx, child_id)) {
      RecordView view = record_view(s, d);
      records.push_back({std::move(d), std::move(view)});
    }
    return records;
  });
  if (!out) {
    return out;
  }
  // Handed out only once the read is recorded (as app/children.cc does for
  // the child's page): when the audit write fails it throws.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "api.child.decisions", "child", child_id, {{"records", out->size()}});
  });
  return out;
}

core::Result<DecisionFeedPage> api_decision_feed(Services& s, const Actor& a, std::int64_t cursor,
                                                 int limit) {
  if (!a.may(core::Permission::view_children)) {
    return core::Error::forbidden("You cannot see children's records");
  }
  if (cursor < 0) {
    return core::Error::invalid("since", "The cursor must be 0 or a cursor the feed gave");
  }
  if (limit < 1 || limit > kFeedMaxLimit) {
    return core::Error::invalid(
        "limit", "The limit must be a whole number from 1 to " + std::to_string(kFeedMaxLimit));
  }
  DecisionFeedPage page;
  page.next_cursor = cursor;
  s.db.read_all([&](Tx& tx) {
    FeedScope scope(tx, s, a);
    for (store::EventRecord& e : store::events_since(tx, cursor, limit)) {
      page.next_cursor = e.id;
      if (scope.keeps(e)) {
        page.events.push_back(std::move(e));
      }
    }
  });
  nlohmann::json children = nlohmann::json::array();
  for (const store::EventRecord& e : page.events) {
    children.push_back(e.child_id);
  }
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "api.decisions.feed", "significant_event", 0,
          {{"since", cursor},
           {"next_cursor", page.next_cursor},
           {"shown", page.events.size()},
           {"children", children}});
  });
  return page;
}

}  // namespace casepanel::app
