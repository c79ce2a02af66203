// casepanel token create | list | revoke, settings set.
#include <iostream>

#include "app/auth.h"
#include "app/two_factor.h"
#include "cli/commands.h"
#include "cli/settings.h"

namespace casepanel::cli {

void add_token_commands(CLI::App& app, int& status) {
  static std::string email;
  static int days = app::kDefaultApiTokenDays;
  static std::int64_t revoke_id = 0;
  static std::string database = "var/casepanel.db";
  static std::string config = "config/casepanel.toml";
  auto* token = app.add_subcommand("token", "API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Make an API token acting as a user");
  create->add_option("EMAIL", email, "The user the token acts for")->required();
  create->add_option("--days", days, "How many days the token is valid")->capture_default_str();
  create->add_option("--database", database)->capture_default_str();
  create->add_option("--config", config)->capture_default_str();
  create->callback([&status] {
    if (days < 1 || days > 3650) {
      std::cerr << "casepanel token create: --days must be from 1 to 3650\n";
      status = 2;
      return;
    }
    auto rt = open_runtime(config, database);
    auto made = app::create_api_token(*rt->services, email, days);
    if (!made) {
      std::cerr << "casepanel token create: " << made.error().message << "\n";
      status = 1;
      return;
    }
    std::cout << made->token << "\n";
    std::cerr << "Token " << made->id << " expires at " << made->expires_at
              << ". Keep it safe: it is shown once and stored only as a hash.\n";
    status = 0;
  });

  auto* list = token->add_subcommand("list", "List API tokens (never the tokens themselves)");
  list->add_option("--database", database)->capture_default_str();
  list->add_option("--config", config)->capture_default_str();
  list->callback([&status] {
    auto rt = open_runtime(config, database);
    auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    std::cout << "id\temail\tcreated\texpires\tlast_used\trevoked\n";
    for (const app::ApiTokenSummary& t : app::list_api_tokens(*rt->services)) {
      std::cout << t.id << "\t" << t.user_email << "\t" << t.created_at << "\t" << t.expires_at
                << "\t" << or_dash(t.last_used_at) << "\t" << or_dash(t.revoked_at) << "\n";
    }
    status = 0;
  });

  auto* revoke = token->add_subcommand("revoke", "Revoke an API token at once");
  revoke->add_option("ID", revoke_id, "The token's id, from token list")->required();
  revoke->add_option("--database", database)->capture_default_str();
  revoke->add_option("--config", config)->capture_default_str();
  revoke->callback([&status] {
    auto rt = open_runtime(config, database);
    app::Actor system;  // the operator at the command line; audited as the system
    auto done = app::revoke_api_token(*rt->services, system, revoke_id);
    if (!done) {
      std::cerr << "casepanel token revoke: " << done.error().message << "\n";
      status = 1;
      return;
    }
    std::cout << "revoked token " << revoke_id << "\n";
    status = 0;
  });
}

void add_settings_commands(CLI::App& app, int& status) {
  static std::string name;
  static std::string value;
  static std::string database = "var/casepanel.db";
  static std::string config = "config/casepanel.toml";
  auto* settings = app.add_subcommand("settings", "The organisation's settings");
  settings->require_subcommand(1);
  auto* set = settings->add_subcommand("set", "Change a setting (audited)");
  set->add_option("NAME", name, "require-two-factor")->required();
  set->add_option("VALUE", value, "on or off")->required();
  set->add_option("--database", database)->capture_default_str();
  set->add_option("--config", config)->capture_default_str();
  set->callback([&status] {
    if (name != "require-two-factor" || (value != "on" && value != "off")) {
      std::cerr << "casepanel settings set: the one setting is require-two-factor, on or off\n";
      status = 2;
      return;
    }
    auto rt = open_runtime(config, database);
    app::Actor system;
    auto done = app::set_two_factor_policy(
        *rt->services, system,
        value == "on" ? app::TwoFactorPolicy::required : app::TwoFactorPolicy::optional);
    if (!done) {
      std::cerr << "casepanel settings set: " << done.error().message << "\n";
      status = 1;
      return;
    }
    std::cout << "require-two-factor is " << value << "\n";
    status = 0;
  });
}

}  // namespace casepanel::cli
