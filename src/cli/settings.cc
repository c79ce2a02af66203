#include "cli/settings.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "app/display.h"
#include "store/audit_key.h"
#include "store/migrations.h"
#include "store/panel_files.h"

namespace casepanel::cli {
namespace {

std::vector<core::Date> dates(const toml::table& t, const char* key, const std::string& file) {
  std::vector<core::Date> out;
  const toml::array* list = t[key].as_array();
  if (list == nullptr) {
    return out;
  }
  for (const auto& item : *list) {
    auto d = core::parse_iso_date(item.value_or(std::string()));
    if (!d) {
      throw std::runtime_error(file + ":" + std::to_string(item.source().begin.line) +
                               ": calendar." + key + ": not an ISO date");
    }
    out.push_back(*d);
  }
  return out;
}

// A whole number from the file, or `fallback` when the key is absent. Only
// TOML integers are read: toml++'s value<int>() would also take a float, and
// casts it to a 64-bit integer before checking its range (undefined for
// 8e80, found by tests/fuzz/fuzz_settings.cc). Anything else, or an integer
// that does not fit T, is refused with the file and line rather than quietly
// replaced by the default.
template <typename T>
T whole_number(const toml::node* node, T fallback, const std::string& file, const char* key) {
  if (node == nullptr) {
    return fallback;
  }
  const std::string where = file + ":" + std::to_string(node->source().begin.line) + ": " + key;
  const toml::value<std::int64_t>* integer = node->as_integer();
  if (integer == nullptr) {
    throw std::runtime_error(where + ": not a whole number");
  }
  const std::int64_t v = integer->get();
  if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
    throw std::runtime_error(where + ": too large or too small");
  }
  return static_cast<T>(v);
}

void load_smtp(const toml::table& t, const std::string& file, Settings& s) {
  const auto smtp = t["smtp"];
  s.smtp.host = smtp["host"].value_or(std::string());
  s.smtp.port = whole_number(smtp["port"].node(), s.smtp.port, file, "smtp.port");
  s.smtp.from = smtp["from"].value_or(std::string());
  s.smtp.username = smtp["username"].value_or(std::string());
  s.smtp.password = smtp["password"].value_or(std::string());
  if (const char* secret = std::getenv("CASEPANEL_SMTP_PASSWORD"); secret && *secret) {
    s.smtp.password = secret;
  }
  s.smtp.timeout = std::chrono::seconds(
      whole_number(smtp["timeout_seconds"].node(), std::int64_t{30}, file, "smtp.timeout_seconds"));
  s.smtp_max_attempts =
      whole_number(smtp["max_attempts"].node(), s.smtp_max_attempts, file, "smtp.max_attempts");
  s.smtp_interval_seconds = whole_number(smtp["interval_seconds"].node(), s.smtp_interval_seconds,
                                         file, "smtp.interval_seconds");
  const std::string security = smtp["security"].value_or(std::string("none"));
  if (security == "none") {
    s.smtp.security = jobs::SmtpSettings::Security::none;
  } else if (security == "starttls") {
    s.smtp.security = jobs::SmtpSettings::Security::starttls;
  } else if (security == "tls") {
    s.smtp.security = jobs::SmtpSettings::Security::tls;
  } else {
    throw std::runtime_error(file + ": smtp.security must be \"none\", \"starttls\" or \"tls\"");
  }
  s.smtp.ca_file = smtp["ca_file"].value_or(std::string());
  if (!s.smtp.ca_file.empty() && !std::filesystem::is_regular_file(s.smtp.ca_file)) {
    throw std::runtime_error(file + ": smtp.ca_file " + s.smtp.ca_file + " is not a file");
  }
  if (s.smtp.port < 1 || s.smtp.port > 65535) {
    throw std::runtime_error(file + ": smtp.port must be between 1 and 65535");
  }
  if (s.smtp_max_attempts < 1 || s.smtp_interval_seconds < 1 || s.smtp.timeout.count() < 1) {
    throw std::runtime_error(file +
                             ": smtp.max_attempts, smtp.interval_seconds and "
                             "smtp.timeout_seconds must be positive");
  }
  if (!s.smtp.host.empty() && s.smtp.from.find('@') == std::string::npos) {
    throw std::runtime_error(file + ": smtp.from must be an email address when smtp.host is set");
  }
  if (s.smtp.username.empty() && !s.smtp.password.empty() && smtp["password"]) {
    throw std::runtime_error(file + ": smtp.password is set without smtp.username");
  }
}

void load_audit(const toml::table& t, const std::string& file, Settings& s) {
  const auto audit = t["audit"];
  s.audit.key_file = audit["key_file"].value_or(s.audit.key_file);
  s.audit.checkpoint_file = audit["checkpoint_file"].value_or(s.audit.checkpoint_file);
  s.audit.checkpoint_every_events =
      whole_number(audit["checkpoint_every_events"].node(), s.audit.checkpoint_every_events, file,
                   "audit.checkpoint_every_events");
  s.audit.checkpoint_every_seconds =
      whole_number(audit["checkpoint_every_seconds"].node(), s.audit.checkpoint_every_seconds, file,
                   "audit.checkpoint_every_seconds");
  s.audit.syslog = audit["syslog"].value_or(s.audit.syslog);
  if (s.audit.key_file.empty() || s.audit.checkpoint_file.empty()) {
    throw std::runtime_error(file + ": audit.key_file and audit.checkpoint_file must be set");
  }
  if (s.audit.checkpoint_every_events < 1 || s.audit.checkpoint_every_seconds < 1) {
    throw std::runtime_error(file +
                             ": audit.checkpoint_every_events and "
                             "audit.checkpoint_every_seconds must be positive");
  }
}

}  // namespace

core::Instant SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Settings load_settings(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Settings{};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    throw std::runtime_error(path + ": cannot be read");
  }
  return settings_from_toml(text.str(), path);
}

namespace {

// Two workers per core: a worker waits on the database (the batch of views'
// audit events waiting for its fsync, PostgreSQL's round trips) while the
// others build pages. On two cores, eight spent 104-138 us of CPU on each
// kept sitting page at 256 connections, four 87-104 us; two spent less
// still, but served pages built afresh, and every page on PostgreSQL, more
// slowly (docs/benchmarks.md, "Commits that keep the cores busy").
int workers_for_this_machine() {
  const unsigned cores = std::thread::hardware_concurrency();
  return 2 * static_cast<int>(cores == 0 ? 2 : cores);
}

void load_server(const toml::table& t, const std::string& path, Settings& s) {
  s.server.host = t["server"]["host"].value_or(s.server.host);
  const auto server = t["server"];
  s.server.port = whole_number(server["port"].node(), s.server.port, path, "server.port");
  s.server.max_threads =
      whole_number(server["max_threads"].node(), s.server.max_threads, path, "server.max_threads");
  if (s.server.max_threads == 0) {
    s.server.max_threads = workers_for_this_machine();
  }
  s.server.max_queued =
      whole_number(server["max_queued"].node(), s.server.max_queued, path, "server.max_queued");
  s.server.keep_alive = t["server"]["keep_alive"].value_or(s.server.keep_alive);
  s.server.max_keep_alive_requests =
      whole_number(server["max_keep_alive_requests"].node(), s.server.max_keep_alive_requests, path,
                   "server.max_keep_alive_requests");
  s.server.keep_alive_timeout_seconds =
      whole_number(server["keep_alive_timeout_seconds"].node(), s.server.keep_alive_timeout_seconds,
                   path, "server.keep_alive_timeout_seconds");
  s.server.head_timeout_seconds =
      whole_number(server["head_timeout_seconds"].node(), s.server.head_timeout_seconds, path,
                   "server.head_timeout_seconds");
  s.server.body_timeout_seconds =
      whole_number(server["body_timeout_seconds"].node(), s.server.body_timeout_seconds, path,
                   "server.body_timeout_seconds");
  s.server.write_timeout_seconds =
      whole_number(server["write_timeout_seconds"].node(), s.server.write_timeout_seconds, path,
                   "server.write_timeout_seconds");
  s.server.max_connections = whole_number(server["max_connections"].node(),
                                          s.server.max_connections, path, "server.max_connections");
  s.server.max_connections_per_client =
      whole_number(server["max_connections_per_client"].node(), s.server.max_connections_per_client,
                   path, "server.max_connections_per_client");
  if (const toml::array* proxies = t["server"]["trusted_proxies"].as_array()) {
    for (const toml::node& proxy : *proxies) {
      const auto address = proxy.value<std::string>();
      if (!address) {
        throw std::runtime_error(path + ": server.trusted_proxies holds IP addresses as text");
      }
      s.server.trusted_proxies.push_back(*address);
    }
  }
  s.secure_cookies = t["server"]["secure_cookies"].value_or(false);
}

void load_paths(const toml::table& t, const std::string& path, Settings& s) {
  s.panels_dir = t["paths"]["panels"].value_or(s.panels_dir);
  s.templates_dir = t["paths"]["templates"].value_or(s.templates_dir);
  s.static_dir = t["paths"]["static"].value_or(s.static_dir);
  s.govuk_dir = t["paths"]["govuk_frontend"].value_or(s.govuk_dir);
  if (const toml::table* cal = t["calendar"].as_table()) {
    s.extra_closures = dates(*cal, "extra_closures", path);
    s.removed_holidays = dates(*cal, "removed_holidays", path);
  }
  s.plan_ahead =
      whole_number(t["sittings"]["plan_ahead"].node(), s.plan_ahead, path, "sittings.plan_ahead");
  s.uploads_dir = t["uploads"]["directory"].value_or(s.uploads_dir);
  const std::int64_t max_mb = whole_number(t["uploads"]["max_megabytes"].node(), std::int64_t{20},
                                           path, "uploads.max_megabytes");
  if (max_mb < 1 || max_mb > 1024) {
    throw std::runtime_error(path + ": uploads.max_megabytes must be between 1 and 1024");
  }
  s.max_upload_bytes = static_cast<std::size_t>(max_mb) * 1024 * 1024;
}

void check_server_limits(const std::string& path, const Settings& s) {
  if (s.server.head_timeout_seconds < 1 || s.server.body_timeout_seconds < 1 ||
      s.server.write_timeout_seconds < 1 || s.server.keep_alive_timeout_seconds < 1 ||
      s.server.max_connections < 1 || s.server.max_connections_per_client < 0) {
    throw std::runtime_error(path +
                             ": the server's timeouts and max_connections must be positive, "
                             "and max_connections_per_client 0 (no cap) or more");
  }
}

void load_api(const toml::table& t, const std::string& path, Settings& s) {
  s.api_requests_per_minute =
      whole_number(t["api"]["requests_per_minute"].node(), s.api_requests_per_minute, path,
                   "api.requests_per_minute");
  if (s.api_requests_per_minute < 1) {
    throw std::runtime_error(path + ": api.requests_per_minute must be positive");
  }
}

void load_people(const toml::table& t, Settings& s) {
  s.common_passwords = t["people"]["common_passwords"].value_or(s.common_passwords);
  // [server] public_url; [people] site_url is its older name, still read.
  s.site_url = t["server"]["public_url"].value_or(t["people"]["site_url"].value_or(s.site_url));
  while (!s.site_url.empty() && s.site_url.back() == '/') {
    s.site_url.pop_back();
  }
}

}  // namespace

Settings settings_from_toml(std::string_view text, const std::string& path) {
  Settings s;
  toml::table t;
  try {
    t = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(path + ":" + std::to_string(e.source().begin.line) + ": " +
                             std::string(e.description()));
  }
  // In this order, so that a file with several problems names the same one
  // first as it always has.
  load_server(t, path, s);
  load_paths(t, path, s);
  load_smtp(t, path, s);
  check_server_limits(path, s);
  load_api(t, path, s);
  load_audit(t, path, s);
  load_people(t, s);
  if (s.server.max_threads < 1 || s.server.max_queued < 1 || s.plan_ahead < 1) {
    throw std::runtime_error(path +
                             ": server.max_threads, server.max_queued and "
                             "sittings.plan_ahead must be positive");
  }
  return s;
}

std::unique_ptr<Runtime> open_runtime(const std::string& config_path, const std::string& database,
                                      const std::string& fixed_clock) {
  auto rt = std::make_unique<Runtime>();
  if (fixed_clock.empty()) {
    rt->clock = std::make_unique<SystemClock>();
  } else {
    const core::Instant at = app::parse_utc(fixed_clock);
    if (at == core::Instant{} || fixed_clock.size() != 20 || fixed_clock.back() != 'Z') {
      throw std::runtime_error("--clock takes an instant like 2026-11-22T10:00:00Z");
    }
    rt->clock = std::make_unique<core::FakeClock>(at);
  }
  rt->settings = load_settings(config_path);
  rt->calendar =
      core::Calendar::england_and_wales(rt->settings.extra_closures, rt->settings.removed_holidays);
  store::PanelFiles files = store::load_panel_files(rt->settings.panels_dir);
  if (!files.ok()) {
    std::string all;
    for (const auto& p : files.problems) {
      all += "\n" + p.to_string();
    }
    throw std::runtime_error("the panel configuration has problems:" + all);
  }
  rt->panels = std::make_unique<app::PanelCatalogue>(std::move(files.panels));
  rt->db = store::Database::open(database, rt->settings.server.max_threads + 2);
  // Before any event is written (migrate and demo write some).
  rt->db->set_audit_key(std::make_shared<store::AuditKey>(
      store::AuditKey::load(rt->settings.audit.key_file, store::KeyFileMissing::create)));
  store::migrate(*rt->db);
  rt->services = std::make_unique<app::Services>(
      app::Services{*rt->db, *rt->clock, rt->calendar, *rt->panels, rt->settings.uploads_dir,
                    rt->settings.max_upload_bytes});
  // Every command's emails link to the public address (serve adds the
  // common passwords).
  rt->services->people.site_url = rt->settings.site_url;
  return rt;
}

}  // namespace casepanel::cli
