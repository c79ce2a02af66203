// FUZZ_CHECK(condition): a property a fuzz target checks on every input. When
// it does not hold, the condition, file and line go to stderr and the
// process aborts, so libFuzzer keeps the input as a crash and scripts/fuzz
// shows which property failed (the stack alone names only the target).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace casepanel::fuzz {

[[noreturn]] inline void property_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "==fuzz== ERROR: property failed: %s (%s:%d)\n", condition, file, line);
  std::abort();
}

}  // namespace casepanel::fuzz

#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::casepanel::fuzz::property_failed(#condition, __FILE__, __LINE__))
