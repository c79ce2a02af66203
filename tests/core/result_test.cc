#include "core/result.h"

#include <gtest/gtest.h>

#include <string>

namespace casepanel::core {
namespace {

Result<int> parse_positive(int x) {
  if (x <= 0) {
    return Error::invalid("x", "Enter a number above zero");
  }
  return x;
}

Status check_even(int x) {
  if (x % 2 != 0) {
    return Error::conflict("The number is odd");
  }
  return ok_status();
}

int evaluations = 0;
Result<int> counted(int x) {
  ++evaluations;
  return parse_positive(x);
}

Result<std::string> describe(int x) {
  const int n = TRY(counted(x));
  TRY(check_even(n));
  return std::to_string(n) + " is even";
}

TEST(Try, GivesTheValueAndGoesOn) {
  evaluations = 0;
  auto r = describe(4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "4 is even");
  EXPECT_EQ(evaluations, 1);
}

TEST(Try, ReturnsTheFirstErrorUnchanged) {
  auto r = describe(-1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "x");
}

TEST(Try, ReturnsAStatusError) {
  auto r = describe(3);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  EXPECT_EQ(r.error().message, "The number is odd");
}

}  // namespace
}  // namespace casepanel::core
