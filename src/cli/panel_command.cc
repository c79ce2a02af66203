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
// Bad input (an unknown panel, a date that is not one): a message on stderr
// and exit status 2.
#include <iostream>
#include <memory>
#include <string>

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

int cutoff(const CutoffArgs& args) {
  const auto date = core::parse_iso_date(args.date);
  if (!date) {
    std::cerr
        << "casepanel panel cutoff: SITTING_DATE must be a real date written YYYY-MM-DD, got \""
        << args.date << "\"\n";
    return 2;
  }
  auto rt = open_runtime(args.config, args.database);
  const core::PanelType* panel = rt->panels->find(args.panel);
  if (panel == nullptr) {
    std::string known;
    for (const auto& p : rt->panels->all()) {
      known += (known.empty() ? "" : ", ") + p.id;
    }
    std::cerr << "casepanel panel cutoff: no panel type \"" << args.panel << "\" (known: " << known
              << ")\n";
    return 2;
  }
  const auto at = core::submission_cutoff(*panel, rt->calendar, *date);
  std::cout << (at ? core::to_iso_london(*at) : std::string("none")) << "\n";
  return 0;
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
  cmd->add_option("--database", args->database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--config", args->config, "Settings file")->capture_default_str();
  cmd->callback([args, &status] { status = cutoff(*args); });
}

}  // namespace casepanel::cli
