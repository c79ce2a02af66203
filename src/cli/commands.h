// The command-line interface: each area adds its subcommands to the one
// CLI11 application built in main.cc. A subcommand's callback sets `status`
// to the process exit status (0 ok, 1 a check failed, 2 bad input).
#pragma once

#include <CLI/CLI.hpp>

namespace casepanel::cli {

void add_calendar_commands(CLI::App& app, int& status);
void add_config_commands(CLI::App& app, int& status);
void add_server_commands(CLI::App& app, int& status);  // serve, migrate, demo
void add_token_commands(CLI::App& app, int& status);
// settings set require-two-factor on|off
void add_settings_commands(CLI::App& app, int& status);
void add_audit_commands(CLI::App& app, int& status);
void add_panel_commands(CLI::App& app, int& status);       // panel cutoff
void add_escalation_commands(CLI::App& app, int& status);  // escalations run
void add_papers_commands(CLI::App& app, int& status);      // papers sweep | check
void add_report_commands(CLI::App& app, int& status);      // report annual

}  // namespace casepanel::cli
