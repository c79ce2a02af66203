#include "jobs/paper_sweep.h"

#include <spdlog/spdlog.h>

#include "app/paper_sweep.h"

namespace casepanel::jobs {

PaperSweepWorker::PaperSweepWorker(app::Services& s, std::chrono::seconds interval,
                                   std::chrono::seconds grace)
    : services_(s),
      grace_(grace),
      periodic_("uploads: sweep failed", interval, Periodic::FirstRound::after_interval,
                [this](std::stop_token) { sweep(); }) {}

PaperSweepWorker::~PaperSweepWorker() { stop(); }

void PaperSweepWorker::sweep() {
  const app::SweepResult r = app::sweep_orphan_files(services_, grace_);
  for (const std::string& name : r.removed) {
    spdlog::info("uploads: removed {}, a file no paper names", name);
  }
}

}  // namespace casepanel::jobs
