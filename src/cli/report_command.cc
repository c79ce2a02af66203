// `casepanel report annual`: the annual review of a year as a file for
// analysts (issue 16 §2; app/report_export.h).
//
//   casepanel report annual --year 2026 [--panel ID] --format csv|xlsx
//       --out FILE [--database LOCATION] [--config FILE] [--clock INSTANT]
//     writes the review of that calendar year, every panel or one, as the
//     assistant director would see it (the whole service; small numbers
//     suppressed as on the page). The export is one audit event
//     `report.export`, recorded as the system with "via": "command line".
//     FILE is written whole or not at all: a temporary file beside it,
//     renamed over it once complete.
//
// Bad input (a year that is not one, an unknown panel, a format other than
// csv or xlsx): a message on stderr, exit status 2, no file. A file that
// cannot be written: a message, exit status 1.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/report_export.h"
#include "cli/commands.h"
#include "cli/settings.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;

struct AnnualArgs {
  std::string year;
  std::string panel;
  std::string format;
  std::string out;
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
  std::string clock;
};

constexpr const char* kCommand = "casepanel report annual: ";

// The form's messages are for a page; these name the option.
void explain(const core::Error& e, const AnnualArgs& args, const Runtime& rt) {
  for (const core::FieldError& f : e.fields) {
    if (f.field == "panel") {
      std::string known;
      for (const auto& p : rt.panels->all()) {
        known += (known.empty() ? "" : ", ") + p.id;
      }
      std::cerr << kCommand << "no panel \"" << args.panel << "\" (known: " << known << ")\n";
    } else if (f.field == "year") {
      std::cerr << kCommand << "--year must be a year written as 4 digits, for example 2026, got \""
                << args.year << "\"\n";
    } else {
      std::cerr << kCommand << f.message << "\n";
    }
  }
}

// Written beside FILE, then renamed over it: a reader never sees half a file.
bool write_atomically(const std::string& path, const std::string& bytes) {
  const fs::path target(path);
  std::string temp = (target.parent_path().empty() ? fs::path(".") : target.parent_path()) /
                     ("." + target.filename().string() + ".XXXXXX");
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return false;
  }
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  // mkstemp makes the file 0600; the export is as private as the database.
  ok = ok && std::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) {
    std::error_code ignored;
    fs::remove(temp, ignored);
  }
  return ok;
}

int annual(const AnnualArgs& args) {
  const auto format = app::export_format(args.format);
  if (!format) {
    std::cerr << kCommand << "--format must be csv or xlsx, got \"" << args.format << "\"\n";
    return 2;
  }
  auto rt = open_runtime(args.config, args.database, args.clock);
  app::ReportInput in;
  in.panel = args.panel;
  in.period = "year";
  in.year = args.year;
  const auto scope = app::report_scope(*rt->services, in);
  if (!scope) {
    explain(scope.error(), args, *rt);
    return 2;
  }
  const auto file = app::export_review_for_service(*rt->services, *scope, *format);
  if (!file) {
    std::cerr << kCommand << file.error().message << "\n";
    return 1;
  }
  if (!write_atomically(args.out, file->bytes)) {
    std::cerr << kCommand << "cannot write " << args.out << "\n";
    return 1;
  }
  std::cout << "wrote " << args.out << " (" << file->bytes.size() << " bytes)\n";
  return 0;
}

}  // namespace

void add_report_commands(CLI::App& app, int& status) {
  CLI::App* report = app.add_subcommand("report", "Reports for analysts");
  report->require_subcommand(1);
  auto args = std::make_shared<AnnualArgs>();
  CLI::App* cmd =
      report->add_subcommand("annual", "The annual review of a year as a CSV or XLSX file");
  cmd->add_option("--year", args->year, "The calendar year, e.g. 2026")->required();
  cmd->add_option("--panel", args->panel, "One panel type's id (default: every panel)");
  cmd->add_option("--format", args->format, "csv or xlsx")->required();
  cmd->add_option("--out", args->out, "The file to write")->required();
  cmd->add_option("--database", args->database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--config", args->config, "Settings file")->capture_default_str();
  cmd->add_option("--clock", args->clock, "Take this UTC instant as now (tests)");
  cmd->callback([args, &status] { status = annual(*args); });
}

}  // namespace casepanel::cli
