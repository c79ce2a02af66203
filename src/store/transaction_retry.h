// When a transaction that PostgreSQL aborted may simply be run again.
//
// Under SERIALIZABLE, PostgreSQL aborts a transaction that could not be
// placed in a serial order with the others (SQLSTATE 40001,
// serialization_failure) or that it chose as a deadlock's victim (40P01,
// deadlock_detected). Nothing of it was written, and running it again from
// the start is the documented cure. The runner (store/poco_database.cc) does
// that up to kMaxTransactionAttempts times in all, pausing a random, growing
// time between attempts so that the transactions that collided do not
// collide again in step. Any other error is the caller's.
//
// Thread safety: both functions may be called from any thread.
#pragma once

#include <chrono>
#include <exception>

namespace casepanel::store {

inline constexpr int kMaxTransactionAttempts = 10;

// Whether `error` is PostgreSQL's serialization failure or deadlock (POCO
// puts the SQLSTATE in its message as "State: 40001").
bool is_serialization_failure(const std::exception& error);

// The pause before attempt `next` (2, 3 ...): uniformly random between zero
// and 1 ms doubled per attempt so far, at most 100 ms ("full jitter").
std::chrono::microseconds retry_pause(int next);

}  // namespace casepanel::store
