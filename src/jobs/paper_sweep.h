// The sweep of orphan paper files (app/paper_sweep.h) on the clock: `serve`
// runs one PaperSweepWorker, which sweeps an hour after it starts and every
// hour after that (not at start: a fleet restarted together would all sweep
// at once, and nothing is urgent about a leftover file). Every instance may
// run it: the decision and its audit event are one write transaction, and
// write transactions take turns, so two sweeps never remove a file twice or
// a file a row names.
//
// start() and stop() are for one owning thread.
#pragma once

#include <chrono>

#include "app/services.h"
#include "jobs/periodic.h"

namespace casepanel::jobs {

class PaperSweepWorker {
 public:
  PaperSweepWorker(app::Services& s, std::chrono::seconds interval, std::chrono::seconds grace);
  ~PaperSweepWorker();
  PaperSweepWorker(const PaperSweepWorker&) = delete;
  PaperSweepWorker& operator=(const PaperSweepWorker&) = delete;

  void start() { periodic_.start(); }
  void stop() { periodic_.stop(); }

 private:
  void sweep();

  app::Services& services_;
  std::chrono::seconds grace_;
  Periodic periodic_;
};

}  // namespace casepanel::jobs
