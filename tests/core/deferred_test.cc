// core::Deferred and core::Completion (issue 17): work a worker owes once its
// response is handed over, and the response's wait for its view event.
#include "core/deferred.h"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "core/completion.h"

namespace casepanel::core {
namespace {

TEST(Deferred, OutsideAScopeWorkRunsAtOnce) {
  std::string ran;
  Deferred::later([&] { ran += "a"; });
  EXPECT_EQ(ran, "a");
}

TEST(Deferred, InsideAScopeWorkWaitsForRunAndTheEndOfTheScopeRunsTheRest) {
  std::string ran;
  {
    Deferred owed;
    Deferred::later([&] { ran += "a"; });
    Deferred::later([&] {
      ran += "b";
      Deferred::later([&] { ran += "c"; });  // owed while running: run too
    });
    EXPECT_EQ(ran, "");
    owed.run();
    EXPECT_EQ(ran, "abc");
    Deferred::later([&] { ran += "d"; });
    EXPECT_EQ(ran, "abc");
  }
  EXPECT_EQ(ran, "abcd");
  Deferred::later([&] { ran += "e"; });
  EXPECT_EQ(ran, "abcde") << "the scope is closed";
}

TEST(Deferred, AnInnerScopeHidesTheOuterOneUntilItCloses) {
  std::string ran;
  Deferred outer;
  {
    Deferred inner;
    Deferred::later([&] { ran += "i"; });
  }
  EXPECT_EQ(ran, "i");
  Deferred::later([&] { ran += "o"; });
  EXPECT_EQ(ran, "i");
  outer.run();
  EXPECT_EQ(ran, "io");
}

TEST(Completion, CallbacksRunOnceWithTheOutcomeWheneverTheyAreHandedOver) {
  Completion c;
  std::string told;
  c.then([&](bool ok) { told += ok ? "1" : "0"; });
  EXPECT_EQ(c.outcome(), std::nullopt);
  EXPECT_EQ(told, "");
  c.finish(false);
  EXPECT_EQ(told, "0");
  EXPECT_EQ(c.outcome(), std::optional<bool>(false));
  c.then([&](bool ok) { told += ok ? "1" : "0"; });
  EXPECT_EQ(told, "00");
  EXPECT_THROW(c.finish(true), std::logic_error);
  EXPECT_EQ(told, "00");
}

}  // namespace
}  // namespace casepanel::core
