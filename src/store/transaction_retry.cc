#include "store/transaction_retry.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>

namespace casepanel::store {

bool is_serialization_failure(const std::exception& error) {
  // POCO's what() is only the exception's name; the server's message, with
  // its SQLSTATE, is in displayText().
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  const std::string what = poco != nullptr ? poco->displayText() : std::string(error.what());
  return what.find("State: 40001") != std::string::npos ||
         what.find("State: 40P01") != std::string::npos;
}

std::chrono::microseconds retry_pause(int next) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int doublings = std::clamp(next - 2, 0, 7);
  const std::int64_t ceiling = std::min<std::int64_t>(std::int64_t{1000} << doublings, 100'000);
  return std::chrono::microseconds(std::uniform_int_distribution<std::int64_t>(0, ceiling)(random));
}

}  // namespace casepanel::store
