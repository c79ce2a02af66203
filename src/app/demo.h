// Demo data: a fictional council ("Demo County Council") with staff, teams,
// children, panel sittings, requests in every state, decisions and actions,
// so that `casepanel demo` gives something to click through and the browser
// journeys and benchmarks have data to work on.
//
// Everything is invented: names are combinations from fixed lists, places are
// compass points, and every demo login ends @demo.casepanel.test. The panel
// types, request types, decisions, venues and approval steps come from the
// catalogue at run time (config/panels/*.toml), never from this code; a panel
// missing from the catalogue is simply left out.
//
// The data are a function of the clock: dates are relative to s.clock.now()
// and the pseudo-random generator has a fixed seed, so the same clock and
// catalogue give the same council.
//
// create_demo_data writes in one transaction (all or nothing) and is not
// meant to run alongside other writers.
#pragma once

#include "app/services.h"
#include "store/demo_history.h"

namespace casepanel::app {

enum class DemoScale {
  standard,  // 60 children: what `make run` shows and the browser journeys use
  large,     // 5,000 children, 50,000 hearings, 200,000 actions: for benchmarks
  // 150 copies of the large council in one database (750,000 hearings,
  // 7,500,000 actions): the annual review at national scale (issue 16 §3)
  national,
};

// How many large councils `--scale national` makes unless told otherwise.
inline constexpr int kNationalCouncils = 150;

// What the demo made: rows per table, as the store counts them.
using DemoSummary = store::history::Counts;

// Every demo login (ROLE@demo.casepanel.test, one per role of DESIGN.md)
// has this password.
inline constexpr const char* kDemoPassword = "casepanel-demo";
inline constexpr const char* kDemoEmailDomain = "demo.casepanel.test";

// Fills an empty, migrated database with a fictional council. Throws
// std::runtime_error if the database already has users.
//
// Settings rows written: demo = 1, council = Demo County Council,
// demo_scale = standard | large; at large scale also bench_sitting_id (a
// future sitting with exactly 14 hearings) and bench_child_id (a child with
// about ten years of history), and for the benchmark of how pages grow
// (app/demo/large.h) bench_sitting_N_id for N = 7, 14, 28 hearings and
// bench_child_Ny_id for N = 1, 10, 40 years' worth of history.
DemoSummary create_demo_data(Services& s, DemoScale scale);

// The national demo's second step: after create_demo_data(s, large) (and the
// escalation ladders run over it), copies that council until the database
// holds `councils` of them (store/demo_councils.h says what a copy is).
// Each copy is one transaction, so the write-ahead log stays one council's
// size and the memory used does not grow with the data. Sets demo_scale =
// national and demo_councils = `councils`, and on PostgreSQL gathers the
// planner's statistics. Throws std::invalid_argument for
// fewer than 1 or more than 3,599 councils, std::runtime_error if the
// database is not a single large demo council.
DemoSummary add_demo_councils(Services& s, int councils);

}  // namespace casepanel::app
