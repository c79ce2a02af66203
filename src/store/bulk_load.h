// BulkLoad: writes a large history (the large demo council: 5,000 children,
// 50,000 hearings, 200,000 actions) in few statements. Rows are the typed
// rows of store/history_rows.h with ids chosen by the caller, starting at
// first_ids(); they go in through multi-row INSERT ... VALUES (...), (...)
// with every value bound. Each table is flushed after the tables it refers
// to, because foreign keys are checked at once. finish() flushes what is
// left and, on PostgreSQL, moves each table's identity past the chosen ids
// (SQLite needs nothing: its next id is MAX(id) + 1).
//
// A BulkLoad lives inside one transaction, which must have no other writer
// of these tables while it runs. Call finish() before reading what was
// written; rows added after it are not written.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/history_rows.h"

namespace casepanel::store::history {

// The next free id of each table the loader writes.
struct FirstIds {
  std::int64_t sibling_group = 1;
  std::int64_t child = 1;
  std::int64_t sitting = 1;
  std::int64_t request = 1;
  std::int64_t approval = 1;
  std::int64_t hearing = 1;
  std::int64_t decision = 1;
  std::int64_t action = 1;
};
FirstIds first_ids(Tx& tx);

class BulkLoad {
 public:
  explicit BulkLoad(Tx& tx);
  ~BulkLoad();
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

  void add_sibling_group(std::int64_t id, const std::string& name);
  void add(const ChildRow& row);
  void add(const SittingRow& row);
  void add(const RequestRow& row);
  void add_request_child(std::int64_t request_id, std::int64_t child_id);
  void add(const ApprovalRow& row);
  void add(const HearingRow& row);
  void add(const DecisionRow& row);
  void add(const ActionRow& row);
  void finish();

 private:
  class Table;
  Tx& tx_;
  std::unique_ptr<Table> groups_, children_, sittings_, requests_, request_children_, approvals_,
      hearings_, decisions_, actions_, items_, events_, minutes_;
};

}  // namespace casepanel::store::history
