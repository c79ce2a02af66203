// Server-side cost of the two pages DESIGN.md's first performance target
// names, at large-council scale (5,000 children, 50,000 hearings, 200,000
// actions; `casepanel demo --scale large`):
//   - a child's page (about ten years of history), and
//   - a sitting's agenda (14 hearings),
// each measured twice:
//   - the view model from the database (app::child_record, app::sitting_view),
//     which is what the use case costs; child_record appends a child.view
//     audit event on every call, as every real view of the page does;
//   - the whole page through web::Site::handle for a GET carrying a session
//     cookie: session lookup, access rule, view model, template render and
//     security headers; everything but the socket. BM_ChildPage and
//     BM_SittingPage keep no page in memory (every one built, as the target
//     means); BM_*PageKept serve the page kept in memory (web/page_cache.h:
//     session, access check and audit event, no reading or rendering).
// The target is under 1 ms of server CPU per page: read the CPU column.
// BM_ChildPageByYears and BM_SittingPageByHearings show how the cost of a
// page grows with its content (issue 17).
// And the audit event of a view from 16 threads at once, as 16 connections
// append them: each in a transaction of its own (BM_ViewEventAlone), and by
// shared commits (BM_ViewEventShared, Database::write_shared, what a view
// does); read items_per_second.
//
// Environment (bench/run sets them):
//   CASEPANEL_BENCH_DB     the large demo database, a file or a postgresql:// URL (required)
//   CASEPANEL_BENCH_CLOCK  the fixed clock, as for `casepanel serve --clock`
//                          (default 2026-11-24T09:00:00Z, as bench/run uses)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "app/children.h"
#include "app/demo.h"
#include "app/sittings.h"
#include "bench_world.h"
#include "cli/settings.h"
#include "web/server.h"
#include "web/site.h"

namespace {

using namespace casepanel;

constexpr const char* kEmail = "coordinator@demo.casepanel.test";

// The large database opened as `casepanel serve` opens it, with a signed-in
// coordinator (who may see every child and sitting).
class World {
 public:
  static World& get() {
    static World world;
    return world;
  }

  app::Services& services() { return *rt_->services; }
  const web::Site& site() const { return *site_; }
  const web::Site& kept_site() const { return *kept_site_; }
  const app::Actor& actor() const { return session_.actor; }
  const std::string& token() const { return token_; }
  std::int64_t child_id() const { return child_id_; }
  std::int64_t sitting_id() const { return sitting_id_; }
  // The children and sittings of the growth benchmarks (app/demo/large.h),
  // by years of history and by hearings; 0 when the database has none.
  std::int64_t child_by_years(int years) const { return by_years_.at(years); }
  std::int64_t sitting_by_hearings(int hearings) const { return by_hearings_.at(hearings); }

 private:
  World() {
    rt_ = bench::open_bench_runtime("`casepanel demo --scale large` (bench/run does)");

    bool demo = false;
    rt_->db->read_all([&](store::Tx& tx) {
      demo = tx.query_one("SELECT 1 FROM settings WHERE key = 'demo' AND value = '1'").has_value();
      child_id_ = setting(tx, "bench_child_id");
      sitting_id_ = setting(tx, "bench_sitting_id");
      for (const int years : {1, 10, 40}) {
        by_years_[years] = setting(tx, "bench_child_" + std::to_string(years) + "y_id");
      }
      for (const int hearings : {7, 14, 28}) {
        by_hearings_[hearings] = setting(tx, "bench_sitting_" + std::to_string(hearings) + "_id");
      }
      if (child_id_ == 0) {
        // Fallback: the child heard most often.
        auto row = tx.query_one(
            "SELECT child_id FROM decisions GROUP BY child_id ORDER BY count(*) DESC LIMIT 1");
        child_id_ = row ? row->integer(0) : 0;
        std::cerr << "pages_bench: no bench_child_id setting; using child " << child_id_ << "\n";
      }
      if (sitting_id_ == 0) {
        // Fallback: the sitting with most hearings.
        auto row = tx.query_one(
            "SELECT sitting_id FROM hearings GROUP BY sitting_id ORDER BY count(*) DESC LIMIT 1");
        sitting_id_ = row ? row->integer(0) : 0;
        std::cerr << "pages_bench: no bench_sitting_id setting; using sitting " << sitting_id_
                  << "\n";
      }
    });

    web::StaticFiles files;  // as `casepanel serve` has them, so routing is the same
    const auto& s = rt_->settings;
    files.add_directory("/assets/", s.govuk_dir + "/assets");
    files.add_file("/assets/govuk-frontend.min.css", s.govuk_dir + "/govuk-frontend.min.css");
    files.add_file("/assets/govuk-frontend.min.js", s.govuk_dir + "/govuk-frontend.min.js");
    files.add_directory("/static/", s.static_dir);
    web::SiteOptions options;
    options.demo = demo;
    options.secure_cookies = s.secure_cookies;
    web::SiteOptions kept = options;  // the default page cache, as `casepanel serve`
    options.page_cache_bytes = 0;
    site_ = std::make_unique<web::Site>(*rt_->services, web::Templates::load(s.templates_dir),
                                        files, options);
    kept_site_ = std::make_unique<web::Site>(*rt_->services, web::Templates::load(s.templates_dir),
                                             std::move(files), kept);

    auto signed_in =
        app::sign_in(*rt_->services, app::SignInAttempt{kEmail, app::kDemoPassword, "127.0.0.1"});
    if (signed_in.step != app::SignInStep::signed_in) {
      throw std::runtime_error(std::string("sign-in as ") + kEmail + " failed");
    }
    token_ = signed_in.session.token;
    auto session = app::resume_session(*rt_->services, token_);
    if (!session) {
      throw std::runtime_error("the new session does not resume");
    }
    session_ = *session;
  }

  static std::int64_t setting(store::Tx& tx, const std::string& key) {
    auto row = tx.query_one("SELECT value FROM settings WHERE key = $1", {key});
    return row ? std::atoll(row->text(0).c_str()) : 0;
  }

  std::unique_ptr<cli::Runtime> rt_;
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<web::Site> kept_site_;
  std::string token_;
  app::SessionInfo session_;
  std::int64_t child_id_ = 0;
  std::int64_t sitting_id_ = 0;
  std::map<int, std::int64_t> by_years_, by_hearings_;
};

web::WebRequest get(const std::string& path) {
  web::WebRequest r;
  r.method = "GET";
  r.path = path;
  r.cookies[web::kSessionCookie] = World::get().token();
  return r;
}

void BM_ChildRecord(benchmark::State& state) {
  World& w = World::get();
  std::size_t items = 0;
  for (auto _ : state) {
    auto rec = app::child_record(w.services(), w.actor(), w.child_id());
    if (!rec) {
      state.SkipWithError(("child_record failed: " + rec.error().message).c_str());
      return;
    }
    items =
        rec->requests.size() + rec->hearings.size() + rec->decisions.size() + rec->actions.size();
    benchmark::DoNotOptimize(rec);
  }
  state.counters["child"] = static_cast<double>(w.child_id());
  state.counters["rows"] = static_cast<double>(items);
}
BENCHMARK(BM_ChildRecord)->Unit(benchmark::kMicrosecond);

void BM_SittingView(benchmark::State& state) {
  World& w = World::get();
  std::size_t items = 0;
  for (auto _ : state) {
    auto v = app::sitting_view(w.services(), w.actor(), w.sitting_id());
    if (!v) {
      state.SkipWithError(("sitting_view failed: " + v.error().message).c_str());
      return;
    }
    items = v->agenda.size();
    benchmark::DoNotOptimize(v);
  }
  state.counters["sitting"] = static_cast<double>(w.sitting_id());
  state.counters["hearings"] = static_cast<double>(items);
}
BENCHMARK(BM_SittingView)->Unit(benchmark::kMicrosecond);

// The session lookup every signed-in page pays before its handler runs.
void BM_ResumeSession(benchmark::State& state) {
  World& w = World::get();
  for (auto _ : state) {
    auto s = app::resume_session(w.services(), w.token());
    if (!s) {
      state.SkipWithError("resume_session failed");
      return;
    }
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ResumeSession)->Unit(benchmark::kMicrosecond);

void page(benchmark::State& state, const std::string& path, bool kept = false) {
  World& w = World::get();
  const web::Site& site = kept ? w.kept_site() : w.site();
  std::size_t bytes = 0;
  for (auto _ : state) {
    web::WebRequest r = get(path);
    web::WebResponse out = site.handle(r);
    if (out.status != 200) {
      state.SkipWithError(("GET " + path + " gave " + std::to_string(out.status)).c_str());
      return;
    }
    bytes = out.body.size() + out.shared_body.size();  // a kept page's is shared
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_ChildPage(benchmark::State& state) {
  page(state, "/children/" + std::to_string(World::get().child_id()));
}
BENCHMARK(BM_ChildPage)->Unit(benchmark::kMicrosecond);

void BM_SittingPage(benchmark::State& state) {
  page(state, "/sittings/" + std::to_string(World::get().sitting_id()));
}
BENCHMARK(BM_SittingPage)->Unit(benchmark::kMicrosecond);

void BM_ChildPageKept(benchmark::State& state) {
  page(state, "/children/" + std::to_string(World::get().child_id()), true);
}
BENCHMARK(BM_ChildPageKept)->Unit(benchmark::kMicrosecond);

void BM_SittingPageKept(benchmark::State& state) {
  page(state, "/sittings/" + std::to_string(World::get().sitting_id()), true);
}
BENCHMARK(BM_SittingPageKept)->Unit(benchmark::kMicrosecond);

// How a page's cost grows with its content: the child page at one, ten and
// forty years' worth of history (a hearing every three months; app/demo/large.h),
// the sitting page at 7, 14 and 28 hearings; each built, none kept. Compare
// CPU time with the bytes counter.
void grown_page(benchmark::State& state, const std::string& kind, std::int64_t id,
                const char* setting) {
  if (id == 0) {
    state.SkipWithError(
        (std::string("no ") + setting + " setting: make the large demo again (bench/run does)")
            .c_str());
    return;
  }
  page(state, "/" + kind + "/" + std::to_string(id));
}

void BM_ChildPageByYears(benchmark::State& state) {
  const int years = static_cast<int>(state.range(0));
  grown_page(state, "children", World::get().child_by_years(years), "bench_child_Ny_id");
}
BENCHMARK(BM_ChildPageByYears)->Arg(1)->Arg(10)->Arg(40)->Unit(benchmark::kMicrosecond);

void BM_SittingPageByHearings(benchmark::State& state) {
  const int hearings = static_cast<int>(state.range(0));
  grown_page(state, "sittings", World::get().sitting_by_hearings(hearings), "bench_sitting_N_id");
}
BENCHMARK(BM_SittingPageByHearings)->Arg(7)->Arg(14)->Arg(28)->Unit(benchmark::kMicrosecond);

void BM_ViewEventAlone(benchmark::State& state) {
  World& w = World::get();
  for (auto _ : state) {
    w.services().db.write_all([&](store::Tx& tx) {
      app::audit(tx, w.services(), w.actor(), "child.view", "child", w.child_id());
    });
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ViewEventAlone)->Threads(16)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_ViewEventShared(benchmark::State& state) {
  World& w = World::get();
  for (auto _ : state) {
    app::child_record_viewed(w.services(), w.actor(), w.child_id());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ViewEventShared)->Threads(16)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  // As `casepanel serve` does, so that the figures are the server's.
  casepanel::web::tune_allocator_for_serving();
  return casepanel::bench::run_benchmarks("pages_bench", argc, argv, [] { World::get(); });
}
