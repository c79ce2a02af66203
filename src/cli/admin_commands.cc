// casepanel token create.
#include <iostream>

#include "app/auth.h"
#include "cli/commands.h"
#include "cli/settings.h"

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

}  // namespace casepanel::cli
