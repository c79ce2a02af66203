// The crash harness's writers and the moment of the kill.
//
// Each writer is a thread with its own signed-in administrator session
// (CrashClient). In a loop it adds a person with a unique token (a real use
// case through the real form: users, user_roles and an audit event in one
// transaction) and, when that is acknowledged, sends the person a
// set-password link (password_links, an outbox email and an audit event in
// one transaction). Every attempt goes into the WriteLog with its outcome.
//
// KillTrigger picks the moment without a clock: the harness arms it with a
// count drawn from its seeded generator, and it fires when the writers have
// sent (KillAt::send: that request is then in flight, often mid-transaction)
// or had answered (KillAt::answer: the other writers' requests are in
// flight) that many requests. The main thread waits on it, sets stop() and
// kills the server; the writers then stop at their next request.
//
// Thread safety: KillTrigger's members may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "crash/crash_client.h"
#include "crash/write_log.h"

namespace casepanel::crash {

enum class KillAt { send, answer };

class KillTrigger {
 public:
  void arm(KillAt at, int count);
  void sent() { count(KillAt::send); }
  void answered() { count(KillAt::answer); }
  // True when the trigger fired; false when `deadline` passed first (a
  // server that makes no progress: a finding, not a pause to lengthen).
  bool wait(std::chrono::seconds deadline);
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }

 private:
  void count(KillAt what);

  std::mutex mutex_;
  std::condition_variable fired_;
  KillAt at_ = KillAt::answer;
  int left_ = 0;
  std::atomic<bool> stopped_{false};
};

struct Writer {
  CrashClient& client;
  WriteLog& log;
  KillTrigger& trigger;
  int number = 0;  // 1..8
  int life = 0;
};

// Runs until trigger.stopped(); never throws.
void run_writer(Writer w);

}  // namespace casepanel::crash
