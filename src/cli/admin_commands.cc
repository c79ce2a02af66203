// casepanel token create | audit verify.
#include <iostream>

#include "app/auth.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "store/audit.h"

namespace casepanel::cli {

void add_token_commands(CLI::App& app, int& status) {
  static std::string email;
  static std::string database = "var/casepanel.db";
  static std::string config = "config/casepanel.toml";
  auto* token = app.add_subcommand("token", "API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Make an API token acting as a user");
  create->add_option("EMAIL", email, "The user the token acts for")->required();
  create->add_option("--database", database)->capture_default_str();
  create->add_option("--config", config)->capture_default_str();
  create->callback([&status] {
    auto rt = open_runtime(config, database);
    auto made = app::create_api_token(*rt->services, email);
    if (!made) {
      std::cerr << "casepanel token create: " << made.error().message << "\n";
      status = 1;
      return;
    }
    std::cout << *made << "\n";
    std::cerr << "Keep this token safe: it is shown once and stored only as a hash.\n";
    status = 0;
  });
}

void add_audit_commands(CLI::App& app, int& status) {
  static std::string database = "var/casepanel.db";
  static std::string config = "config/casepanel.toml";
  auto* audit = app.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the audit log's hash chain");
  verify->add_option("--database", database)->capture_default_str();
  verify->add_option("--config", config)->capture_default_str();
  verify->callback([&status] {
    auto rt = open_runtime(config, database);
    store::AuditVerification v = store::verify_audit(*rt->db);
    if (!v.intact) {
      std::cerr << "audit log broken at event " << v.first_broken_id << ": " << v.problem << "\n";
      status = 1;
      return;
    }
    std::cout << "audit log intact: " << v.events << " events\n";
    status = 0;
  });
}

}  // namespace casepanel::cli
