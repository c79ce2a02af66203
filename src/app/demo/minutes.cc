#include "app/demo/minutes.h"

#include <chrono>
#include <string>

#include "app/minutes_content.h"
#include "store/hearings.h"
#include "store/minutes.h"
#include "store/sittings.h"

namespace casepanel::app::demo {
namespace {

// Fictional overviews of a hearing's discussion, taken in turn.
constexpr const char* kOverviews[] = {
    "The social worker summarised progress since the request was made. Members asked about "
    "contact with the birth family and the child's own views; the team manager confirmed the "
    "plan has the family's agreement. The panel agreed the decisions recorded below.",
    "The panel discussed the placement's stability and the support the carers need. Education "
    "and health needs were covered; members were satisfied the plan meets them.",
    "Members questioned the timescale of the assessment and whether a family group conference "
    "had been considered. The chair summarised the points of agreement before the decision.",
};

void write_overviews(store::Tx& tx, std::int64_t sitting_id) {
  std::size_t i = 0;
  for (const store::HearingRecord& h : store::sitting_hearings(tx, sitting_id)) {
    store::save_minutes_overview(tx, h.id, kOverviews[i++ % std::size(kOverviews)]);
  }
}

}  // namespace

MinutesStage minutes_stage(std::size_t from_latest) {
  switch (from_latest) {
    case 0:
      return MinutesStage::draft;
    case 1:
      return MinutesStage::with_chair;
    case 2:
      return MinutesStage::authorised_with_addendum;
    default:
      return MinutesStage::authorised;
  }
}

void write_minutes(store::Tx& tx, const Services& s, const DemoMinutes& m) {
  write_overviews(tx, m.sitting_id);
  store::save_minutes_draft(tx, m.sitting_id, m.administrator, m.drafted_at);
  if (m.stage == MinutesStage::draft) {
    return;
  }
  store::set_minutes_sent(tx, m.sitting_id, m.authorised_at - std::chrono::hours{1});
  if (m.stage == MinutesStage::with_chair) {
    return;
  }
  const auto sitting = store::find_sitting(tx, m.sitting_id);
  store::set_minutes_authorised(tx, m.sitting_id, sitting->chair_id.value_or(m.chair),
                                m.authorised_at, to_snapshot(minutes_content(tx, s, *sitting)));
  if (m.stage == MinutesStage::authorised_with_addendum) {
    store::add_minutes_addendum(
        tx, {m.sitting_id,
             "The first action's owner is the allocated social worker, not the team manager as "
             "minuted.",
             "Minuted wrongly: corrected at the chair's request.", m.administrator,
             m.authorised_at + std::chrono::hours{24}});
  }
}

}  // namespace casepanel::app::demo
