#include "store/database.h"

#include <atomic>
#include <charconv>
#include <deque>
#include <exception>
#include <stdexcept>
#include <unordered_set>

#include "core/deferred.h"
#include "core/non_blocking.h"
#include "store/kept_reads.h"
#include "store/presumed_reads.h"
#include "store/shared_reads.h"

namespace casepanel::store {

Value nullable(const std::optional<std::string>& s) {
  if (!s) {
    return nullptr;
  }
  return *s;
}

Value nullable(const std::optional<std::int64_t>& i) {
  if (!i) {
    return nullptr;
  }
  return *i;
}

Value nullable_text(std::string_view s) {
  if (s.empty()) {
    return nullptr;
  }
  return std::string(s);
}

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(values_.at(i));
}

std::string Row::text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    return *s;
  }
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    return std::to_string(*n);
  }
  return {};
}

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    return *n;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    // Expression columns (COUNT(*), COALESCE ...) may arrive as text.
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{}) {
      throw std::runtime_error("column " + std::to_string(i) + " is not an integer: " + *s);
    }
    return out;
  }
  return 0;
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) {
    return std::nullopt;
  }
  return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) {
    return std::nullopt;
  }
  return integer(i);
}

namespace {

bool starts_with_word(std::string_view sql, std::string_view prefix) {
  if (sql.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = sql[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != prefix[i]) {
      return false;
    }
  }
  return sql.size() == prefix.size() || sql[prefix.size()] == ' ' || sql[prefix.size()] == '\n' ||
         sql[prefix.size()] == '(';
}

}  // namespace

// The statements a page view and a sign-in write, which no cached page shows
// (web/page_cache.h). Anything else that is not a plain SELECT (a WITH, a
// PRAGMA, DDL) counts as a change: a needless change of version costs a
// page built again, a missed one a page out of date.
bool Tx::may_change_content(std::string_view sql) {
  const auto start = sql.find_first_not_of(" \n\t");
  if (start == std::string_view::npos) {
    return false;
  }
  sql.remove_prefix(start);
  for (std::string_view unchanged : {"select", "insert into audit_events", "insert into sessions",
                                     "update sessions", "delete from sessions"}) {
    if (starts_with_word(sql, unchanged)) {
      return false;
    }
  }
  return true;
}

std::optional<Row> Tx::query_one(std::string_view sql, const Params& params) {
  Rows rows = query(sql, params);
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

std::int64_t Tx::insert(std::string_view sql, const Params& params) {
  Rows rows = query(sql, params);
  if (rows.empty()) {
    throw std::logic_error("INSERT returned no id: " + std::string(sql));
  }
  return rows.front().integer(0);
}

Database::Database()
    : kept_reads_(std::make_shared<KeptReads>()),
      presumed_reads_(std::make_shared<PresumedReads>()) {}

namespace {
constexpr int kQueued = 0, kLead = 1, kDone = 2;  // a shared batch's states
}  // namespace

struct Database::SharedBatch {
  std::vector<const std::function<void(Tx&)>*> works;
  // The works of write_shared_async(), kept here until they have run (a
  // deque: the pointers in `works` stay valid as more are added).
  struct Owned {
    std::function<void(Tx&)> work;
    std::shared_ptr<core::Completion> done;
    std::optional<Presumption> presumed;  // confirmed before the work runs
    bool stale = false;                   // it was not: the work did not run
  };
  std::deque<Owned> owned;
  // Callers of write_shared() waiting for it (those of write_shared_async()
  // do not wait): the lead of the batch is handed to one of them, and a
  // batch no one waits for is run by the thread that ran the one before.
  int waiting = 0;
  // Its callers wait on this, never on the mutex: kQueued, then kLead (one
  // of them is to run it) or kDone (written after the outcome below).
  std::atomic<int> state{kQueued};
  bool failed = false;
  // The COMMIT's outcome was lost (a failover): each work may have
  // committed, so none runs again; every caller hears so.
  std::exception_ptr outcome_unknown;
};

void Database::write_shared(const std::function<void(Tx&)>& work) {
  core::NonBlocking::would_wait();
  shared_reads::end_held(*this);  // another thread may commit it: see it after
  std::unique_lock lock(shared_mutex_);
  if (!shared_open_) {
    shared_open_ = std::make_shared<SharedBatch>();
  }
  const std::shared_ptr<SharedBatch> mine = shared_open_;
  mine->works.push_back(&work);
  bool lead = !shared_leading_;
  shared_leading_ = true;
  if (!lead) {
    // A write is under way: wait for the one that carries this work, or to
    // be handed the lead of it.
    ++mine->waiting;
    lock.unlock();
    for (;;) {
      int state = mine->state.load(std::memory_order_acquire);
      if (state == kDone) {
        break;
      }
      if (state == kLead && mine->state.compare_exchange_strong(state, kQueued)) {
        lead = true;
        break;
      }
      mine->state.wait(state, std::memory_order_acquire);
    }
    if (lead) {
      lock.lock();
    }
  }
  if (lead) {
    lead_shared(lock);
  }
  if (mine->outcome_unknown) {
    std::rethrow_exception(mine->outcome_unknown);
  }
  if (mine->failed) {
    write_all(work);
  }
}

std::shared_ptr<core::Completion> Database::write_shared_async(std::function<void(Tx&)> work) {
  std::optional<Presumption> presumed = presumed_reads::take(*this);
  shared_reads::end_held(*this);
  auto done = std::make_shared<core::Completion>();
  std::unique_lock lock(shared_mutex_);
  if (!shared_open_) {
    shared_open_ = std::make_shared<SharedBatch>();
  }
  SharedBatch& batch = *shared_open_;
  batch.owned.push_back({std::move(work), done, std::move(presumed)});
  batch.works.push_back(&batch.owned.back().work);
  if (!shared_leading_) {
    // This thread runs the write, once it has handed its own response over
    // (core/deferred.h); works keep joining the batch until then.
    shared_leading_ = true;
    lock.unlock();
    core::Deferred::later([this] {
      std::unique_lock again(shared_mutex_);
      lead_shared(again);
    });
  }
  return done;
}

void Database::lead_shared(std::unique_lock<std::mutex>& lock) {
  for (;;) {
    // This thread runs the open batch while its other callers wait (their
    // works live until they return) or go on (their pages wait instead).
    const std::shared_ptr<SharedBatch> batch = std::move(shared_open_);
    shared_open_.reset();
    ++shared_writes_;
    shared_works_ += static_cast<std::int64_t>(batch->works.size());
    lock.unlock();
    bool failed = false;
    std::exception_ptr unknown;
    try {
      write_all([&](Tx& tx) { run_confirmed(tx, *batch); });
    } catch (const CommitOutcomeUnknown&) {
      unknown = std::current_exception();
    } catch (...) {
      failed = true;
    }
    batch->failed = failed;
    batch->outcome_unknown = unknown;
    // A work no caller waits for: run again alone if the write failed, so
    // that one work's error fails only its own page.
    for (SharedBatch::Owned& each : batch->owned) {
      using Outcome = core::Completion::Outcome;
      bool ok = !failed && !unknown;
      if (failed) {
        try {
          write_all([&](Tx& tx) {
            each.stale = each.presumed && !presumed_reads::confirm(tx, {&*each.presumed}).front();
            if (!each.stale) {
              each.work(tx);
            }
          });
          ok = true;
        } catch (...) {
          ok = false;
        }
      }
      each.done->finish(!ok ? Outcome::failed : each.stale ? Outcome::stale : Outcome::committed);
    }
    lock.lock();
    bool go_on = false;
    if (!shared_open_) {
      shared_leading_ = false;
    } else if (shared_open_->waiting > 0) {
      // The works queued meanwhile: one of their callers runs them next.
      shared_open_->state.store(kLead, std::memory_order_release);
      shared_open_->state.notify_one();
    } else {
      go_on = true;  // no one waits to run them: this thread does
    }
    lock.unlock();
    batch->state.store(kDone, std::memory_order_release);
    batch->state.notify_all();
    if (!go_on) {
      return;
    }
    lock.lock();
  }
}

void Database::run_confirmed(Tx& tx, SharedBatch& batch) {
  // The presumptions the batch's pages were answered on, confirmed in one
  // statement (store/presumed_reads.h); a page whose presumption fails
  // writes nothing.
  std::vector<const Presumption*> presumptions;
  std::vector<SharedBatch::Owned*> presumed;
  for (SharedBatch::Owned& each : batch.owned) {
    each.stale = false;  // a transaction run again confirms again
    if (each.presumed) {
      presumptions.push_back(&*each.presumed);
      presumed.push_back(&each);
    }
  }
  std::unordered_set<const std::function<void(Tx&)>*> skip;
  if (!presumptions.empty()) {
    const std::vector<bool> holds = presumed_reads::confirm(tx, presumptions);
    for (std::size_t i = 0; i < presumed.size(); ++i) {
      if (!holds[i]) {
        presumed[i]->stale = true;
        skip.insert(&presumed[i]->work);
      }
    }
  }
  for (const auto* each : batch.works) {
    if (!skip.contains(each)) {
      (*each)(tx);
    }
  }
}

Database::SharedCounts Database::shared_counts() {
  const std::lock_guard lock(shared_mutex_);
  return {shared_writes_, shared_works_, shared_open_ ? shared_open_->works.size() : 0};
}

}  // namespace casepanel::store
