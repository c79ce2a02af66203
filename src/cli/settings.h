// Settings: config/casepanel.toml read into plain values, and the Services
// that every command that touches data is built from.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "jobs/mailer.h"
#include "web/server.h"

namespace casepanel::cli {

struct Settings {
  web::ServerConfig server;
  bool secure_cookies = false;
  std::string panels_dir = "config/panels";
  std::string templates_dir = "templates";
  std::string static_dir = "static";
  std::string govuk_dir = "node_modules/govuk-frontend/dist/govuk";
  std::vector<core::Date> extra_closures;
  std::vector<core::Date> removed_holidays;
  int plan_ahead = 12;
  // Uploaded papers: kept here (outside the web root), at most this size.
  std::string uploads_dir = "var/uploads";
  std::size_t max_upload_bytes = 20 * 1024 * 1024;
  // [smtp]: outbox delivery (docs/email.md). No host: no delivery, and
  // messages wait in the outbox. $CASEPANEL_SMTP_PASSWORD, when set, takes the
  // place of smtp.password, to keep the secret out of the file.
  jobs::SmtpSettings smtp;
  int smtp_max_attempts = 8;
  int smtp_interval_seconds = 30;
  // [api] requests_per_minute: each API token's limit (docs/sign-in.md).
  int api_requests_per_minute = 120;
  // [audit]: the audit log's key and checkpoints (docs/audit.md).
  struct Audit {
    std::string key_file = "var/audit.key";
    std::string checkpoint_file = "var/audit-checkpoints.log";
    int checkpoint_every_events = 100;
    int checkpoint_every_seconds = 60;
    bool syslog = false;
  } audit;
  // [people] (docs/people.md): the common-password list serve loads, and the
  // site's address for the links in set-password emails.
  std::string common_passwords = "config/common-passwords.txt";
  std::string site_url;
};
// Reads the file; a missing default file gives the defaults. Throws with the
// file and line of a bad value.
Settings load_settings(const std::string& path);
// The same from the file's text; `source` names it in messages. Throws
// std::runtime_error, and nothing else, for text that is not valid settings
// (tests/fuzz/fuzz_settings.cc holds it to that).
Settings settings_from_toml(std::string_view text, const std::string& source);

// The reading of the system clock, for real runs (never in core/ or tests).
class SystemClock final : public core::Clock {
 public:
  core::Instant now() const override;
};

// Everything a command needs, opened and migrated.
struct Runtime {
  Settings settings;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<core::Clock> clock;
  core::Calendar calendar = core::Calendar::england_and_wales();
  std::unique_ptr<app::PanelCatalogue> panels;
  std::unique_ptr<app::Services> services;
  // Loaded by serve only (services->people points at it).
  std::unique_ptr<core::CommonPasswords> common_passwords;
};
// `fixed_clock`: an ISO 8601 UTC instant ("2026-11-22T10:00:00Z") at which
// the clock stands still (for browser tests and reproducible demos); empty for
// the system clock.
std::unique_ptr<Runtime> open_runtime(const std::string& config_path, const std::string& database,
                                      const std::string& fixed_clock = "");

}  // namespace casepanel::cli
