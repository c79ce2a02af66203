// The demo councils (app/demo.h), built by app/demo/builder.h in one
// transaction; the national demo's copies (store/demo_councils.h), one
// transaction each.
#include "app/demo.h"

#include <stdexcept>
#include <string>

#include "app/demo/builder.h"
#include "store/demo_councils.h"
#include "store/settings.h"

namespace casepanel::app {

DemoSummary create_demo_data(Services& s, DemoScale scale) {
  DemoSummary out;
  s.db.write_all([&](store::Tx& tx) {
    demo::Builder builder(s, tx);
    out = scale == DemoScale::standard ? builder.standard() : builder.large();
  });
  // The planner's statistics after the bulk load, as for the national demo
  // (the annual review of a fresh council: 15.9 s without, 1.0 s with; the
  // child and sitting pages were measured unchanged: docs/benchmarks.md).
  s.db.write_all([&](store::Tx& tx) { store::history::gather_statistics(tx); });
  return out;
}

DemoSummary add_demo_councils(Services& s, int councils) {
  if (councils < 1 || councils > 3599) {
    throw std::invalid_argument("a national demo has 1 to 3,599 councils");
  }
  store::history::CouncilSpan span;
  s.db.read_all([&](store::Tx& tx) {
    if (store::find_setting(tx, "demo_scale") != "large") {
      throw std::runtime_error("the national demo copies one large demo council");
    }
    span = store::history::council_span(tx);
  });
  for (int k = 1; k < councils; ++k) {
    s.db.write_all([&](store::Tx& tx) { store::history::copy_council(tx, span, k); });
  }
  DemoSummary out;
  s.db.write_all([&](store::Tx& tx) {
    store::history::move_identities_past_copies(tx);
    store::history::gather_statistics(tx);
    store::put_setting(tx, "demo_scale", "national");
    store::put_setting(tx, "demo_councils", std::to_string(councils));
    out = store::history::count_rows(tx);
  });
  return out;
}

}  // namespace casepanel::app
