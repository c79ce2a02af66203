// `casepanel papers ...`: the uploads directory against the database
// (app/paper_sweep.h).
//
//   casepanel papers sweep [--grace-hours N] --database LOCATION [--clock INSTANT]
//     removes files in [uploads] directory that no paper or action evidence
//     names and that are older than N hours (default 24), one line a file;
//     the removal is one audit event ("uploads.sweep"). Exit status 0.
//   casepanel papers check --database LOCATION
//     lists the rows whose file is missing, one a line; deletes nothing.
//     Exit status 0 when every file is there, 1 when one is missing.
#include <iostream>
#include <memory>
#include <string>

#include "app/paper_sweep.h"
#include "cli/commands.h"
#include "cli/settings.h"

namespace casepanel::cli {
namespace {

struct Args {
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
  std::string clock;
  int grace_hours = 24;
};

void add_location(CLI::App* cmd, Args& args) {
  cmd->add_option("--database", args.database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--config", args.config, "Settings file")->capture_default_str();
  cmd->add_option("--clock", args.clock, "Take this UTC instant as now (tests)");
}

int sweep(const Args& args) {
  auto rt = open_runtime(args.config, args.database, args.clock);
  const app::SweepResult r =
      app::sweep_orphan_files(*rt->services, std::chrono::hours(args.grace_hours));
  for (const std::string& name : r.removed) {
    std::cout << "removed " << name << "\n";
  }
  std::cout << r.removed.size() << " file(s) removed; " << r.too_young
            << " file(s) no row names are younger than " << args.grace_hours
            << " hours and were kept\n";
  return 0;
}

int check(const Args& args) {
  auto rt = open_runtime(args.config, args.database, args.clock);
  const std::vector<store::StoredFile> missing = app::missing_files(*rt->services);
  for (const store::StoredFile& f : missing) {
    std::cout << app::describe_missing(f) << "\n";
  }
  if (missing.empty()) {
    std::cout << "every file the database names is in " << rt->settings.uploads_dir << "\n";
    return 0;
  }
  std::cout << missing.size() << " file(s) missing from " << rt->settings.uploads_dir << "\n";
  return 1;
}

}  // namespace

void add_papers_commands(CLI::App& app, int& status) {
  CLI::App* group = app.add_subcommand("papers", "The uploads directory against the database");
  group->require_subcommand(1);
  auto sweep_args = std::make_shared<Args>();
  CLI::App* sweep_cmd =
      group->add_subcommand("sweep", "Remove old files that no paper names (audited)");
  add_location(sweep_cmd, *sweep_args);
  sweep_cmd->add_option("--grace-hours", sweep_args->grace_hours, "Keep younger files")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sweep_cmd->callback([sweep_args, &status] { status = sweep(*sweep_args); });
  auto check_args = std::make_shared<Args>();
  CLI::App* check_cmd =
      group->add_subcommand("check", "List papers whose file is missing (deletes nothing)");
  add_location(check_cmd, *check_args);
  check_cmd->callback([check_args, &status] { status = check(*check_args); });
}

}  // namespace casepanel::cli
