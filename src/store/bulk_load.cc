// Multi-row inserts for a large history (see store/bulk_load.h).
#include "store/bulk_load.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace casepanel::store::history {

namespace {

// Parameters per statement. SQLite finds each "$N" parameter by name in a
// list, so a statement's cost grows with the square of its parameters: about
// sixty is the sweet spot (measured: 120 takes half as long again, 250 twice
// as long). PostgreSQL has no such cost, and fewer round trips pay.
std::size_t bulk_parameters(Engine engine) { return engine == Engine::sqlite ? 60 : 3000; }

const Columns& sibling_group_columns() {
  static const Columns c{"sibling_groups", {"name"}};
  return c;
}

const Columns& request_child_columns() {
  static const Columns c{"request_children", {"request_id", "child_id"}};
  return c;
}

std::int64_t next_id(Tx& tx, const char* table) {
  return tx.query_one(std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table)->integer(0);
}

}  // namespace

// One table's pending rows. A table whose rows refer to another's names it
// as a parent, which is flushed first.
class BulkLoad::Table {
 public:
  Table(Tx& tx, const Columns& columns, WithId with_id, std::vector<Table*> parents = {})
      : tx_(tx),
        columns_(columns),
        with_id_(with_id),
        parents_(std::move(parents)),
        batch_(std::max<std::size_t>(1, bulk_parameters(tx.engine()) / width())) {}

  void add(std::optional<std::int64_t> id, Params row) {
    if (id) {
      pending_.push_back(*id);
    }
    for (Value& v : row) {
      pending_.push_back(std::move(v));
    }
    if (++rows_ == batch_) {
      flush();
    }
  }

  void flush() {
    if (rows_ == 0) {
      return;
    }
    for (Table* parent : parents_) {
      parent->flush();
    }
    if (rows_ == batch_ && full_sql_.empty()) {
      full_sql_ = insert_sql(columns_, rows_, with_id_);
    }
    tx_.exec(rows_ == batch_ ? full_sql_ : insert_sql(columns_, rows_, with_id_), pending_);
    pending_.clear();
    rows_ = 0;
  }

 private:
  std::size_t width() const { return columns_.names.size() + (with_id_ == WithId::yes ? 1 : 0); }

  Tx& tx_;
  const Columns& columns_;
  WithId with_id_;
  std::vector<Table*> parents_;
  std::size_t batch_;
  std::size_t rows_ = 0;
  Params pending_;
  std::string full_sql_;
};

FirstIds first_ids(Tx& tx) {
  return FirstIds{.sibling_group = next_id(tx, "sibling_groups"),
                  .child = next_id(tx, "children"),
                  .sitting = next_id(tx, "sittings"),
                  .request = next_id(tx, "requests"),
                  .approval = next_id(tx, "approvals"),
                  .hearing = next_id(tx, "hearings"),
                  .decision = next_id(tx, "decisions"),
                  .action = next_id(tx, "actions")};
}

BulkLoad::BulkLoad(Tx& tx) : tx_(tx) {
  const WithId id = WithId::yes;
  groups_ = std::make_unique<Table>(tx, sibling_group_columns(), id);
  children_ = std::make_unique<Table>(tx, child_columns(), id, std::vector<Table*>{groups_.get()});
  sittings_ = std::make_unique<Table>(tx, sitting_columns(), id);
  minutes_ = std::make_unique<Table>(tx, minutes_columns(), WithId::no,
                                     std::vector<Table*>{sittings_.get()});
  requests_ = std::make_unique<Table>(tx, request_columns(), id);
  request_children_ =
      std::make_unique<Table>(tx, request_child_columns(), WithId::no,
                              std::vector<Table*>{requests_.get(), children_.get()});
  approvals_ =
      std::make_unique<Table>(tx, approval_columns(), id, std::vector<Table*>{requests_.get()});
  hearings_ = std::make_unique<Table>(tx, hearing_columns(), id,
                                      std::vector<Table*>{requests_.get(), sittings_.get()});
  decisions_ = std::make_unique<Table>(tx, decision_columns(), id,
                                       std::vector<Table*>{hearings_.get(), children_.get()});
  actions_ =
      std::make_unique<Table>(tx, action_columns(), id, std::vector<Table*>{decisions_.get()});
  items_ = std::make_unique<Table>(tx, decision_item_columns(), WithId::no,
                                   std::vector<Table*>{decisions_.get()});
  events_ = std::make_unique<Table>(tx, decision_event_columns(), WithId::no,
                                    std::vector<Table*>{decisions_.get()});
}

BulkLoad::~BulkLoad() = default;

void BulkLoad::add_sibling_group(std::int64_t id, const std::string& name) {
  groups_->add(id, {name});
}
void BulkLoad::add(const ChildRow& row) { children_->add(row.id, values(row)); }
void BulkLoad::add(const SittingRow& row) {
  sittings_->add(row.id, values(row));
  if (row.minutes_authorised_at && row.minutes_drafted_by) {
    minutes_->add(std::nullopt, minutes_values(row));
  }
}
void BulkLoad::add(const RequestRow& row) { requests_->add(row.id, values(row)); }
void BulkLoad::add_request_child(std::int64_t request_id, std::int64_t child_id) {
  request_children_->add(std::nullopt, {request_id, child_id});
}
void BulkLoad::add(const ApprovalRow& row) { approvals_->add(row.id, values(row)); }
void BulkLoad::add(const HearingRow& row) { hearings_->add(row.id, values(row)); }
void BulkLoad::add(const DecisionRow& row) {
  decisions_->add(row.id, values(row));
  items_->add(std::nullopt, item_values(row, row.id));
  events_->add(std::nullopt, event_values(row, row.id));
}
void BulkLoad::add(const ActionRow& row) { actions_->add(row.id, values(row)); }

void BulkLoad::finish() {
  for (Table* t : {groups_.get(), children_.get(), sittings_.get(), requests_.get(),
                   request_children_.get(), approvals_.get(), hearings_.get(), decisions_.get(),
                   actions_.get(), items_.get(), events_.get(), minutes_.get()}) {
    t->flush();
  }
  if (tx_.engine() != Engine::postgresql) {
    return;
  }
  // Ids were chosen by the caller: move each identity past them.
  for (const char* table :
       {"sibling_groups", "children", "sittings", "requests", "approvals", "hearings", "decisions",
        "actions", "decision_items", "significant_events"}) {
    tx_.query(std::string("SELECT setval(pg_get_serial_sequence('") + table +
              "', 'id'), (SELECT MAX(id) FROM " + table + "))");
  }
}

}  // namespace casepanel::store::history
