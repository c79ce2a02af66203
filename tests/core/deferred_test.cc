// core::Deferred and core::Completion (issue 17): work a worker owes once its
// response is handed over, and the response's wait for its view event.
#include "core/deferred.h"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/completion.h"
#include "core/non_blocking.h"

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

TEST(Deferred, WhatIsOwedCanBeTakenForAnotherThreadToRun) {
  std::string ran;
  {
    Deferred owed;
    Deferred::later([&] { ran += "a"; });
    Deferred::later([&] { ran += "b"; });
    auto taken = owed.take();
    ASSERT_EQ(taken.size(), 2u);
    Deferred::later([&] { ran += "c"; });
    for (auto& work : taken) {
      work();
    }
    EXPECT_EQ(ran, "ab");
  }
  EXPECT_EQ(ran, "abc") << "only what was owed after the take ran at the scope's end";
}

TEST(NonBlocking, WhatWouldWaitThrowsOnlyInsideAScope) {
  EXPECT_FALSE(NonBlocking::open());
  EXPECT_NO_THROW(NonBlocking::would_wait());
  {
    const NonBlocking outer;
    {
      const NonBlocking inner;
      EXPECT_THROW(NonBlocking::would_wait(), WouldWait);
    }
    EXPECT_TRUE(NonBlocking::open()) << "the outer scope is still open";
    EXPECT_THROW(NonBlocking::would_wait(), WouldWait);
  }
  EXPECT_FALSE(NonBlocking::open());
  EXPECT_NO_THROW(NonBlocking::would_wait());
  std::thread other([] { EXPECT_FALSE(NonBlocking::open()) << "a scope is one thread's"; });
  const NonBlocking here;
  other.join();
}

TEST(Completion, CallbacksRunOnceWithTheOutcomeWheneverTheyAreHandedOver) {
  using Outcome = Completion::Outcome;
  Completion c;
  std::string told;
  const auto tell = [&](Outcome o) {
    told += o == Outcome::committed ? "c" : o == Outcome::failed ? "f" : "s";
  };
  c.then(tell);
  EXPECT_EQ(c.outcome(), std::nullopt);
  EXPECT_EQ(told, "");
  c.finish(Outcome::stale);
  EXPECT_EQ(told, "s");
  EXPECT_EQ(c.outcome(), std::optional(Outcome::stale));
  c.then(tell);
  EXPECT_EQ(told, "ss");
  EXPECT_THROW(c.finish(Outcome::committed), std::logic_error);
  EXPECT_EQ(told, "ss");
}

}  // namespace
}  // namespace casepanel::core
