// casepanel serve | migrate | demo: the server and its database.
#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "app/actor_cache.h"
#include "app/demo.h"
#include "app/paper_sweep.h"
#include "app/sittings.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "jobs/audit_checkpoint.h"
#include "jobs/escalations.h"
#include "jobs/outbox.h"
#include "jobs/paper_sweep.h"
#include "store/common_passwords_file.h"
#include "store/kept_reads.h"
#include "store/migrations.h"
#include "store/postgres_location.h"
#include "store/settings.h"
#include "web/server.h"

namespace casepanel::cli {
namespace {

struct Common {
  std::string database = "var/casepanel.db";
  std::string config = "config/casepanel.toml";
  std::string clock;
};

void add_common(CLI::App* cmd, Common& c) {
  cmd->add_option("--database", c.database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--config", c.config, "Settings file")->capture_default_str();
  cmd->add_option("--clock", c.clock, "Stop the clock at this UTC instant (tests and demos)");
}

bool is_demo(store::Database& db) {
  bool demo = false;
  db.read_all([&](store::Tx& tx) { demo = store::find_setting(tx, "demo") == "1"; });
  return demo;
}

web::StaticFiles static_files(const Settings& s) {
  web::StaticFiles files;
  files.add_directory("/assets/", s.govuk_dir + "/assets");
  files.add_file("/assets/govuk-frontend.min.css", s.govuk_dir + "/govuk-frontend.min.css");
  files.add_file("/assets/govuk-frontend.min.js", s.govuk_dir + "/govuk-frontend.min.js");
  files.add_directory("/static/", s.static_dir);
  return files;
}

void print_demo_logins(std::ostream& out) {
  out << "Demo sign-ins (password: " << app::kDemoPassword << "):\n";
  for (core::Role r : core::kAllRoles) {
    out << "  " << core::role_id(r) << "@demo.casepanel.test  (" << core::role_title(r) << ")\n";
  }
}

// Outbox delivery for the life of the server: off (and said so) when [smtp]
// names no host.
struct EmailDelivery {
  std::unique_ptr<jobs::SmtpMailer> mailer;
  std::unique_ptr<jobs::OutboxWorker> worker;
};

EmailDelivery start_email_delivery(Runtime& rt) {
  EmailDelivery d;
  const Settings& s = rt.settings;
  if (s.smtp.host.empty()) {
    std::cout << "casepanel: email delivery is off ([smtp] has no host); messages wait in the "
                 "outbox\n";
    return d;
  }
  jobs::OutboxPolicy policy;
  policy.max_attempts = s.smtp_max_attempts;
  policy.claim_lease = jobs::claim_lease_for(s.smtp.timeout);
  policy.message_id_domain = jobs::address_domain(s.smtp.from, "casepanel");
  d.mailer = std::make_unique<jobs::SmtpMailer>(s.smtp);
  d.worker = std::make_unique<jobs::OutboxWorker>(*rt.services, *d.mailer, policy,
                                                  std::chrono::seconds(s.smtp_interval_seconds));
  d.worker->start();
  const char* security = s.smtp.security == jobs::SmtpSettings::Security::starttls ? "STARTTLS"
                         : s.smtp.security == jobs::SmtpSettings::Security::tls    ? "TLS"
                                                                                   : "no TLS";
  std::cout << "casepanel: delivering email through " << s.smtp.host << ":" << s.smtp.port << " ("
            << security << ") every " << s.smtp_interval_seconds << " seconds\n";
  return d;
}

jobs::CheckpointPolicy audit_checkpoint_policy(const Settings& s) {
  jobs::CheckpointPolicy p;
  p.file = s.audit.checkpoint_file;
  p.every_events = s.audit.checkpoint_every_events;
  p.every = std::chrono::seconds(s.audit.checkpoint_every_seconds);
  p.syslog = s.audit.syslog ? jobs::CheckpointSyslog::on : jobs::CheckpointSyslog::off;
  return p;
}

// The jobs that run on the clock alone, started together; every instance
// runs them (docs/deployment.md, "Several instances").
struct ClockJobs {
  explicit ClockJobs(app::Services& s)
      : escalations(s, std::chrono::minutes(15)),
        sweep(s, std::chrono::hours(1), app::kSweepGrace) {
    escalations.start();
    sweep.start();
  }
  void stop() {
    sweep.stop();
    escalations.stop();
  }
  // The escalation ladders (docs/after-panel.md): today's steps at start,
  // then every 15 minutes; a step already taken is never taken again.
  jobs::EscalationWorker escalations;
  // Files no paper names (an upload cut short, a removal interrupted), older
  // than a day: every hour (app/paper_sweep.h).
  jobs::PaperSweepWorker sweep;
};

int serve(const Common& c, int port, int page_cache_mb) {
  // Block the stop signals before any thread starts, so only sigwait sees them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  web::tune_allocator_for_serving();
  // Descriptors: one a connection and one a page kept in a file
  // (web/page_file.h); the soft limit (often 1,024) up to the hard one.
  if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }

  auto rt = open_runtime(c.config, c.database, c.clock);
  // Loaded once: every new password is checked against it (docs/people.md).
  auto common = store::load_common_passwords(rt->settings.common_passwords);
  if (!common) {
    throw std::runtime_error(common.error().message);
  }
  rt->common_passwords = std::make_unique<core::CommonPasswords>(std::move(common).value());
  rt->services->people = {rt->common_passwords.get(), rt->settings.site_url};
  app::ActorCache actors;  // app/actor_cache.h
  rt->services->actors = &actors;
  const core::Date today = core::london_date(rt->clock->now());
  app::ensure_sittings(*rt->services, today, rt->settings.plan_ahead);
  web::SiteOptions options;
  options.demo = is_demo(*rt->db);
  options.secure_cookies = rt->settings.secure_cookies;
  options.api_requests_per_minute = rt->settings.api_requests_per_minute;
  options.email_delivery = !rt->settings.smtp.host.empty();
  options.page_cache_bytes = static_cast<std::size_t>(page_cache_mb) << 20;
  EmailDelivery email = start_email_delivery(*rt);
  if (email.worker) {
    options.after_post = [worker = email.worker.get()] { worker->wake(); };
  }
  web::Site site(*rt->services, web::Templates::load(rt->settings.templates_dir),
                 static_files(rt->settings), options);
  web::ServerConfig config = rt->settings.server;
  config.max_upload_bytes = rt->settings.max_upload_bytes;
  // The I/O thread answers kept pages itself (web/server.h): on SQLite it
  // reads the file, on PostgreSQL it presumes its reads from memory and the
  // view's write confirms them (store/presumed_reads.h).
  config.io_thread_answers = true;
  if (port >= 0) {
    config.port = port;
  }
  jobs::AuditCheckpointer checkpoints(*rt->services, audit_checkpoint_policy(rt->settings));
  checkpoints.start();
  ClockJobs clock_jobs(*rt->services);
  web::Server server(site, config);
  server.start();
  std::cout << "casepanel is serving on http://" << config.host << ":" << server.port() << "/"
            << std::endl;
  if (options.demo) {
    print_demo_logins(std::cout);
  }
  std::cout.flush();
  int signal = 0;
  sigwait(&stop, &signal);
  std::cout << "casepanel: stopping" << std::endl;
  server.stop();
  clock_jobs.stop();
  if (email.worker) {
    // Wakes the worker and waits for the message in flight, if any.
    email.worker->stop();
  }
  // After the server, so the last requests' events are covered.
  checkpoints.stop();
  // What the pages kept in memory and the shared commits saved (issue 17;
  // bench/run prints these lines).
  const web::PageCache::Counts kept = site.page_cache_counts();
  const store::Database::SharedCounts shared = rt->db->shared_counts();
  const app::ActorCache::Counts people = actors.counts();
  const store::KeptReads::Counts reads = rt->db->kept_reads().counts();
  std::cout << "casepanel: pages kept: " << kept.hits << " served again, " << kept.misses
            << " built; people kept: " << people.hits << " used again, " << people.misses
            << " read; reads kept: " << reads.hits << " used again, " << reads.misses
            << " made; view events: " << shared.works << " in " << shared.writes
            << " shared commits" << std::endl;
  rt->services->actors = nullptr;
  return 0;
}

}  // namespace

void add_server_commands(CLI::App& app, int& status) {
  static Common serve_opts;
  static int port = -1;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the web application");
  add_common(serve_cmd, serve_opts);
  serve_cmd->add_option("--port", port, "Port to listen on (0 picks a free one)");
  static int page_cache_mb = 32;
  serve_cmd
      ->add_option("--page-cache-mb", page_cache_mb,
                   "Memory for the pages kept while nothing changes (0 keeps none)")
      ->check(CLI::Range(0, 4096))
      ->capture_default_str();
  serve_cmd->callback([&status] { status = serve(serve_opts, port, page_cache_mb); });

  static Common migrate_opts;
  auto* migrate_cmd = app.add_subcommand("migrate", "Apply database migrations");
  add_common(migrate_cmd, migrate_opts);
  migrate_cmd->callback([&status] {
    auto rt = open_runtime(migrate_opts.config, migrate_opts.database);
    std::cout << "Schema is at version " << store::latest_schema_version() << "\n";
    status = 0;
  });

  static Common demo_opts;
  static std::string scale = "standard";
  auto* demo_cmd = app.add_subcommand("demo", "Create the demo data in a new database");
  add_common(demo_cmd, demo_opts);
  demo_cmd->add_option("--scale", scale, "standard, large or national (benchmarks)")
      ->check(CLI::IsMember({"standard", "large", "national"}))
      ->capture_default_str();
  static int councils = app::kNationalCouncils;
  demo_cmd->add_option("--councils", councils, "national: how many large councils (150)")
      ->check(CLI::Range(1, 3599));
  demo_cmd->callback([&status] {
    const bool postgres = store::is_postgres_location(demo_opts.database);
    if (!postgres && std::filesystem::exists(demo_opts.database)) {
      std::cerr << "casepanel demo: " << demo_opts.database
                << " already exists; the demo data goes into a new database\n";
      status = 1;
      return;
    }
    auto parent = std::filesystem::path(demo_opts.database).parent_path();
    if (!postgres && !parent.empty()) {
      std::filesystem::create_directories(parent);
    }
    auto rt = open_runtime(demo_opts.config, demo_opts.database, demo_opts.clock);
    auto made = app::create_demo_data(
        *rt->services, scale == "standard" ? app::DemoScale::standard : app::DemoScale::large);
    // The escalation ladders as they stand today: the demo's overdue actions
    // are escalated, as a running server would have done.
    const auto escalated =
        jobs::run_escalations(*rt->services, core::london_date(rt->clock->now()));
    if (scale == "national") {
      made = app::add_demo_councils(*rt->services, councils);  // the ladders' steps copied too
    }
    jobs::AuditCheckpointer(*rt->services, audit_checkpoint_policy(rt->settings))
        .checkpoint(jobs::CheckpointWhen::now);
    std::cout << "Demo data in " << demo_opts.database << ": " << made.users << " users, "
              << made.children << " children, " << made.requests << " requests, " << made.sittings
              << " sittings, " << made.hearings << " hearings, " << made.decisions << " decisions, "
              << made.actions << " actions, " << escalated.size() << " escalation steps\n";
    print_demo_logins(std::cout);
    status = 0;
  });
}

}  // namespace casepanel::cli
