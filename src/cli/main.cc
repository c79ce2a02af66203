// casepanel: one executable for the server and its administration commands.
#include <exception>
#include <iostream>

#include "cli/backup_command.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"casepanel: panel management for children's services"};
  app.require_subcommand(1);
  int status = 0;
  casepanel::cli::add_server_commands(app, status);
  casepanel::cli::add_calendar_commands(app, status);
  casepanel::cli::add_escalation_commands(app, status);
  casepanel::cli::add_config_commands(app, status);
  casepanel::cli::add_token_commands(app, status);
  casepanel::cli::add_settings_commands(app, status);
  casepanel::cli::add_audit_commands(app, status);
  casepanel::cli::add_panel_commands(app, status);
  casepanel::cli::add_papers_commands(app, status);
  casepanel::cli::add_report_commands(app, status);
  casepanel::cli::add_backup_command(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "casepanel: " << e.what() << "\n";
    return 1;
  }
  return status;
}
