#include "core/non_blocking.h"

namespace casepanel::core {
namespace {
thread_local int open_scopes = 0;
}  // namespace

NonBlocking::NonBlocking() { ++open_scopes; }

NonBlocking::~NonBlocking() { --open_scopes; }

bool NonBlocking::open() { return open_scopes > 0; }

void NonBlocking::would_wait() {
  if (open_scopes > 0) {
    throw WouldWait{};
  }
}

}  // namespace casepanel::core
