// `casepanel calendar ...`: the working-day calendar from the command line,
// so that a council's staff can check a deadline or the bank holidays the
// service will use without opening the web interface.
//
// Arguments are taken as text and checked here rather than by CLI11, so that
// every kind of bad input gets the same kind of one-line message and exit
// status 2.
#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "cli/settings.h"
#include "core/calendar.h"

namespace casepanel::cli {
namespace {

using core::Calendar;
using core::Date;

// Bank holidays are known exactly for these years only (docs/calendar.md).
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2100;
// About 400 years of working days: far beyond any deadline, and small enough
// that the answer is still a four- or five-digit year.
constexpr int kMostWorkingDays = 100000;

// The settings file whose [calendar] section adds the organisation's own
// closures and removes bank holidays it works through; set by --config.
std::string settings_path = "config/casepanel.toml";

// The organisation's calendar: England and Wales, with the settings file's
// changes. A missing default file gives the plain England and Wales calendar.
Calendar organisation_calendar() {
  const Settings settings = load_settings(settings_path);
  return Calendar::england_and_wales(settings.extra_closures, settings.removed_holidays);
}

std::optional<int> parse_whole_number(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || ptr != end || text.empty()) {
    return std::nullopt;
  }
  return value;
}

// Prints the message and returns the "bad input" status.
int bad_input(std::string_view command, const std::string& message) {
  std::cerr << "casepanel calendar " << command << ": " << message << "\n";
  return 2;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string not_a_date(std::string_view name, std::string_view text) {
  return std::string(name) + " must be a real date written YYYY-MM-DD, got " + in_quotes(text);
}

void add_config_option(CLI::App& command) {
  command.add_option("--config", settings_path, "Settings file with the [calendar] changes")
      ->capture_default_str();
}

// A settings file that cannot be read is bad input too (status 2).
template <typename Run>
int guarded(std::string_view command, Run run) {
  try {
    return run();
  } catch (const std::exception& e) {
    return bad_input(command, e.what());
  }
}

struct BankHolidaysArgs {
  std::string year;
};

int bank_holidays(const BankHolidaysArgs& args) {
  const std::optional<int> year = parse_whole_number(args.year);
  if (!year || *year < kFirstYear || *year > kLastYear) {
    return bad_input("bank-holidays",
                     "YEAR must be a whole number from " + std::to_string(kFirstYear) + " to " +
                         std::to_string(kLastYear) + ", got " + in_quotes(args.year));
  }
  for (Date day : organisation_calendar().bank_holidays(*year)) {
    std::cout << core::to_iso(day) << "\n";
  }
  return 0;
}

struct AddWorkingDaysArgs {
  std::string date;
  std::string count;
};

int add_working_days(const AddWorkingDaysArgs& args) {
  const std::optional<Date> from = core::parse_iso_date(args.date);
  if (!from) {
    return bad_input("add-working-days", not_a_date("DATE", args.date));
  }
  const std::optional<int> n = parse_whole_number(args.count);
  if (!n || *n < 0 || *n > kMostWorkingDays) {
    return bad_input("add-working-days", "N must be a whole number from 0 to " +
                                             std::to_string(kMostWorkingDays) + ", got " +
                                             in_quotes(args.count));
  }
  std::cout << core::to_iso(organisation_calendar().add_working_days(*from, *n)) << "\n";
  return 0;
}

struct BetweenArgs {
  std::string from;
  std::string to;
};

int working_days_between(const BetweenArgs& args) {
  const std::optional<Date> from = core::parse_iso_date(args.from);
  if (!from) {
    return bad_input("working-days-between", not_a_date("FROM", args.from));
  }
  const std::optional<Date> to = core::parse_iso_date(args.to);
  if (!to) {
    return bad_input("working-days-between", not_a_date("TO", args.to));
  }
  std::cout << organisation_calendar().working_days_between(*from, *to) << "\n";
  return 0;
}

void add_bank_holidays(CLI::App& calendar, int& status) {
  auto args = std::make_shared<BankHolidaysArgs>();
  CLI::App* command = calendar.add_subcommand(
      "bank-holidays", "Print the bank holidays of YEAR (1990-2100), one ISO date a line");
  command->add_option("YEAR", args->year, "the year, e.g. 2025")->required();
  add_config_option(*command);
  command->callback(
      [args, &status] { status = guarded("bank-holidays", [&] { return bank_holidays(*args); }); });
}

void add_add_working_days(CLI::App& calendar, int& status) {
  auto args = std::make_shared<AddWorkingDaysArgs>();
  CLI::App* command = calendar.add_subcommand(
      "add-working-days", "Print the date N working days after DATE (N = 0 prints DATE)");
  command->add_option("DATE", args->date, "the start date, YYYY-MM-DD")->required();
  command->add_option("N", args->count, "how many working days to add (0 or more)")->required();
  add_config_option(*command);
  command->callback([args, &status] {
    status = guarded("add-working-days", [&] { return add_working_days(*args); });
  });
}

void add_working_days_between(CLI::App& calendar, int& status) {
  auto args = std::make_shared<BetweenArgs>();
  CLI::App* command =
      calendar.add_subcommand("working-days-between",
                              "Print the number of working days after FROM up to and including TO "
                              "(negative when TO is before FROM)");
  command->add_option("FROM", args->from, "the first date, YYYY-MM-DD")->required();
  command->add_option("TO", args->to, "the second date, YYYY-MM-DD")->required();
  add_config_option(*command);
  command->callback([args, &status] {
    status = guarded("working-days-between", [&] { return working_days_between(*args); });
  });
}

}  // namespace

void add_calendar_commands(CLI::App& app, int& status) {
  CLI::App* calendar = app.add_subcommand(
      "calendar", "Working days and bank holidays (England and Wales, Europe/London)");
  calendar->require_subcommand(1);
  add_bank_holidays(*calendar, status);
  add_add_working_days(*calendar, status);
  add_working_days_between(*calendar, status);
}

}  // namespace casepanel::cli
