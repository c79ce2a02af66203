#include "core/deferred.h"

#include <utility>

namespace casepanel::core {
namespace {
thread_local Deferred* open_scope = nullptr;
}  // namespace

Deferred::Deferred() : outer_(open_scope) { open_scope = this; }

Deferred::~Deferred() {
  run();
  open_scope = outer_;
}

void Deferred::later(std::function<void()> work) {
  if (open_scope == nullptr) {
    work();
    return;
  }
  open_scope->owed_.push_back(std::move(work));
}

void Deferred::run() {
  while (!owed_.empty()) {
    std::vector<std::function<void()>> now;
    now.swap(owed_);
    for (auto& work : now) {
      work();
    }
  }
}

std::vector<std::function<void()>> Deferred::take() {
  std::vector<std::function<void()>> out;
  out.swap(owed_);
  return out;
}

}  // namespace casepanel::core
