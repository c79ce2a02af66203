// `casepanel escalations ...`: the escalation job from the command line.
//
//   casepanel escalations run --as-of DATE --database FILE [--clock INSTANT]
//     runs the job once for DATE (jobs/escalations.h): every escalation step
//     due on or before DATE that is not yet recorded is recorded, its person
//     told, and printed one a line, in the order they fell due:
//       2026-12-10 action 42 (child 7): support/fgc_referral step 1 of 2 ->
//       practice_manager Pat Alpha (user 3)
//     Nothing is printed when nothing was due. Running it again for the same
//     day does nothing: each step happens once. --clock fixes the time the
//     steps are recorded at (for tests); the system clock otherwise.
//
// Bad input (a date that is not one): a message on stderr and exit status 2.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/settings.h"
#include "jobs/escalations.h"

namespace casepanel::cli {
namespace {

struct RunArgs {
  std::string as_of;
  std::string clock;
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
};

int run(const RunArgs& args) {
  const auto as_of = core::parse_iso_date(args.as_of);
  if (!as_of) {
    std::cerr << "casepanel escalations run: --as-of must be a real date written YYYY-MM-DD, got \""
              << args.as_of << "\"\n";
    return 2;
  }
  auto rt = open_runtime(args.config, args.database, args.clock);
  for (const jobs::EscalationTaken& t : jobs::run_escalations(*rt->services, *as_of)) {
    std::cout << t.to_line() << '\n';
  }
  return 0;
}

}  // namespace

void add_escalation_commands(CLI::App& app, int& status) {
  CLI::App* group = app.add_subcommand("escalations", "The escalation ladders after panel");
  group->require_subcommand(1);
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd =
      group->add_subcommand("run", "Take every escalation step due by a day; one line a step");
  cmd->add_option("--as-of", args->as_of, "The day, YYYY-MM-DD")->required();
  cmd->add_option("--clock", args->clock, "Record the steps at this UTC instant (tests)");
  cmd->add_option("--database", args->database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--config", args->config, "Settings file")->capture_default_str();
  cmd->callback([args, &status] { status = run(*args); });
}

}  // namespace casepanel::cli
