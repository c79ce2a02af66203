#include "jobs/paper_sweep.h"

#include <spdlog/spdlog.h>

#include "app/paper_sweep.h"

namespace casepanel::jobs {

PaperSweepWorker::PaperSweepWorker(app::Services& s, std::chrono::seconds interval,
                                   std::chrono::seconds grace)
    : services_(s), interval_(interval), grace_(grace) {}

PaperSweepWorker::~PaperSweepWorker() { stop(); }

void PaperSweepWorker::start() {
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void PaperSweepWorker::stop() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

void PaperSweepWorker::run(std::stop_token stop) {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, stop, interval_, [] { return false; });
    }
    if (stop.stop_requested()) {
      return;
    }
    try {
      const app::SweepResult r = app::sweep_orphan_files(services_, grace_);
      for (const std::string& name : r.removed) {
        spdlog::info("uploads: removed {}, a file no paper names", name);
      }
    } catch (const std::exception& e) {
      spdlog::error("uploads: sweep failed: {}", e.what());
    }
  }
}

}  // namespace casepanel::jobs
