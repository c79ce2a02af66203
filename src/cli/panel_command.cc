// `casepanel panel ...`: a panel type's rules from the command line.
//
//   casepanel panel cutoff PANEL SITTING_DATE --database FILE
//     prints the moment a request must reach the panel's administrator by to
//     be heard at the sitting on SITTING_DATE, as ISO 8601 with its UTC offset
//     (Support Panel: 4pm Europe/London on the last Thursday before the
//     sitting, or the working day before when that Thursday is not one), or
//     `none` where the panel type has no cut-off. The organisation's calendar
//     changes in the settings file count.
//
//   casepanel panel sittings PANEL --from DATE --count N --database FILE
//     prints the next N sittings on or after DATE, one a line: date, start
//     and end (HH:MM, Europe/London) and venue, tab-separated, with
//     `bank-holiday` as a fifth field where the sitting falls on one. The
//     sittings are those in the database as the coordinator left them
//     (moved, added; cancelled ones left out), then the schedule's.
//
// Bad input (an unknown panel, a date that is not one, a count that is not
// a whole number from 1 to 1000): a message on stderr and exit status 2.
#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/sittings.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "core/cutoff.h"

namespace casepanel::cli {
namespace {

struct CutoffArgs {
  std::string panel;
  std::string date;
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
};

// The panel named on the command line, or nullptr after saying so.
const core::PanelType* find_panel(const Runtime& rt, const std::string& command,
                                  const std::string& id) {
  const core::PanelType* panel = rt.panels->find(id);
  if (panel == nullptr) {
    std::string known;
    for (const auto& p : rt.panels->all()) {
      known += (known.empty() ? "" : ", ") + p.id;
    }
    std::cerr << "casepanel panel " << command << ": no panel type \"" << id
              << "\" (known: " << known << ")\n";
  }
  return panel;
}

std::optional<core::Date> date_argument(const std::string& command, const std::string& name,
                                        const std::string& text) {
  auto date = core::parse_iso_date(text);
  if (!date) {
    std::cerr << "casepanel panel " << command << ": " << name
              << " must be a real date written YYYY-MM-DD, got \"" << text << "\"\n";
  }
  return date;
}

int cutoff(const CutoffArgs& args) {
  const auto date = date_argument("cutoff", "SITTING_DATE", args.date);
  if (!date) {
    return 2;
  }
  auto rt = open_runtime(args.config, args.database);
  const core::PanelType* panel = find_panel(*rt, "cutoff", args.panel);
  if (panel == nullptr) {
    return 2;
  }
  const auto at = core::submission_cutoff(*panel, rt->calendar, *date);
  std::cout << (at ? core::to_iso_london(*at) : std::string("none")) << "\n";
  return 0;
}

struct SittingsArgs {
  std::string panel;
  std::string from;
  std::string count = "12";
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
};

constexpr int kMostSittings = 1000;

int sittings(const SittingsArgs& args) {
  const auto from = date_argument("sittings", "--from", args.from);
  if (!from) {
    return 2;
  }
  int count = 0;
  const auto [end, error] =
      std::from_chars(args.count.data(), args.count.data() + args.count.size(), count);
  if (error != std::errc{} || end != args.count.data() + args.count.size() || count < 1 ||
      count > kMostSittings) {
    std::cerr << "casepanel panel sittings: --count must be a whole number from 1 to "
              << kMostSittings << ", got \"" << args.count << "\"\n";
    return 2;
  }
  auto rt = open_runtime(args.config, args.database);
  const core::PanelType* panel = find_panel(*rt, "sittings", args.panel);
  if (panel == nullptr) {
    return 2;
  }
  for (const app::PlannedSitting& s : app::planned_sittings(*rt->services, *panel, *from, count)) {
    std::cout << core::to_iso(s.date) << '\t' << s.start << '\t' << s.end << '\t' << s.venue
              << (s.on_bank_holiday ? "\tbank-holiday" : "") << '\n';
  }
  return 0;
}

void add_data_options(CLI::App& cmd, std::string& database, std::string& config) {
  cmd.add_option("--database", database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd.add_option("--config", config, "Settings file")->capture_default_str();
}

}  // namespace

void add_panel_commands(CLI::App& app, int& status) {
  CLI::App* panel = app.add_subcommand("panel", "A panel type's rules");
  panel->require_subcommand(1);
  auto args = std::make_shared<CutoffArgs>();
  CLI::App* cmd = panel->add_subcommand(
      "cutoff", "When a request must arrive by to be heard at a sitting (ISO 8601), or none");
  cmd->add_option("PANEL", args->panel, "Panel type id, e.g. support")->required();
  cmd->add_option("SITTING_DATE", args->date, "The sitting's date, YYYY-MM-DD")->required();
  add_data_options(*cmd, args->database, args->config);
  cmd->callback([args, &status] { status = cutoff(*args); });

  auto sit = std::make_shared<SittingsArgs>();
  CLI::App* list = panel->add_subcommand(
      "sittings", "The next sittings: date, start, end, venue (tab-separated), bank-holiday");
  list->add_option("PANEL", sit->panel, "Panel type id, e.g. clam")->required();
  list->add_option("--from", sit->from, "The first date, YYYY-MM-DD")->required();
  list->add_option("--count", sit->count, "How many sittings (1-1000)")->capture_default_str();
  add_data_options(*list, sit->database, sit->config);
  list->callback([sit, &status] { status = sittings(*sit); });
}

}  // namespace casepanel::cli
