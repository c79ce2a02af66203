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
};

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
// about ten years of history).
DemoSummary create_demo_data(Services& s, DemoScale scale);

}  // namespace casepanel::app
