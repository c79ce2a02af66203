#include "jobs/periodic.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <utility>

namespace casepanel::jobs {

Periodic::Periodic(std::string failure, std::chrono::milliseconds interval, FirstRound first,
                   Round round)
    : failure_(std::move(failure)), interval_(interval), first_(first), round_(std::move(round)) {}

Periodic::~Periodic() { stop(); }

void Periodic::start() {
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void Periodic::stop() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

void Periodic::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Periodic::run(std::stop_token stop) {
  if (first_ == FirstRound::after_interval) {
    wait(stop);
  }
  while (!stop.stop_requested()) {
    try {
      round_(stop);
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", failure_, e.what());
    }
    wait(stop);
  }
}

void Periodic::wait(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, stop, interval_, [this] { return woken_; });
  woken_ = false;
}

}  // namespace casepanel::jobs
