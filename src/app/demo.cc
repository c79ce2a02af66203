// The demo councils (app/demo.h), built by app/demo/builder.h in one
// transaction.
#include "app/demo.h"

#include "app/demo/builder.h"

namespace casepanel::app {

DemoSummary create_demo_data(Services& s, DemoScale scale) {
  DemoSummary out;
  s.db.write_all([&](store::Tx& tx) {
    demo::Builder builder(s, tx);
    out = scale == DemoScale::large ? builder.large() : builder.standard();
  });
  return out;
}

}  // namespace casepanel::app
