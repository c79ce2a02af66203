// casepanel token create | list | revoke, settings set.
#include <iostream>

#include "app/auth.h"
#include "app/two_factor.h"
#include "cli/commands.h"
#include "cli/settings.h"

namespace casepanel::cli {

namespace {

// What the token subcommands read from the command line; static, as CLI11
// writes into them after add_token_commands has returned.
struct TokenOptions {
  std::string email;
  int days = app::kDefaultApiTokenDays;
  std::int64_t revoke_id = 0;
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
};

void add_database_options(CLI::App* command, TokenOptions& o) {
  command->add_option("--database", o.database)->capture_default_str();
  command->add_option("--config", o.config)->capture_default_str();
}

int create_token(const TokenOptions& o) {
  if (o.days < 1 || o.days > 3650) {
    std::cerr << "casepanel token create: --days must be from 1 to 3650\n";
    return 2;
  }
  auto rt = open_runtime(o.config, o.database);
  auto made = app::create_api_token(*rt->services, o.email, o.days);
  if (!made) {
    std::cerr << "casepanel token create: " << made.error().message << "\n";
    return 1;
  }
  std::cout << made->token << "\n";
  std::cerr << "Token " << made->id << " expires at " << made->expires_at
            << ". Keep it safe: it is shown once and stored only as a hash.\n";
  return 0;
}

int list_tokens(const TokenOptions& o) {
  auto rt = open_runtime(o.config, o.database);
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  std::cout << "id\temail\tcreated\texpires\tlast_used\trevoked\n";
  for (const app::ApiTokenSummary& t : app::list_api_tokens(*rt->services)) {
    std::cout << t.id << "\t" << t.user_email << "\t" << t.created_at << "\t" << t.expires_at
              << "\t" << or_dash(t.last_used_at) << "\t" << or_dash(t.revoked_at) << "\n";
  }
  return 0;
}

int revoke_token(const TokenOptions& o) {
  auto rt = open_runtime(o.config, o.database);
  app::Actor system;  // the operator at the command line; audited as the system
  auto done = app::revoke_api_token(*rt->services, system, o.revoke_id);
  if (!done) {
    std::cerr << "casepanel token revoke: " << done.error().message << "\n";
    return 1;
  }
  std::cout << "revoked token " << o.revoke_id << "\n";
  return 0;
}

}  // namespace

void add_token_commands(CLI::App& app, int& status) {
  static TokenOptions o;
  auto* token = app.add_subcommand("token", "API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Make an API token acting as a user");
  create->add_option("EMAIL", o.email, "The user the token acts for")->required();
  create->add_option("--days", o.days, "How many days the token is valid")->capture_default_str();
  add_database_options(create, o);
  create->callback([&status] { status = create_token(o); });

  auto* list = token->add_subcommand("list", "List API tokens (never the tokens themselves)");
  add_database_options(list, o);
  list->callback([&status] { status = list_tokens(o); });

  auto* revoke = token->add_subcommand("revoke", "Revoke an API token at once");
  revoke->add_option("ID", o.revoke_id, "The token's id, from token list")->required();
  add_database_options(revoke, o);
  revoke->callback([&status] { status = revoke_token(o); });
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
