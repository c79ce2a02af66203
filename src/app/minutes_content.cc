#include "app/minutes_content.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/child_names.h"
#include "app/display.h"
#include "app/members.h"
#include "app/sitting_rows.h"
#include "core/sittings.h"
#include "store/decision_records.h"
#include "store/hearings.h"
#include "store/minutes.h"

// The snapshot stores enums by their ids, never by their position, so that
// a value added to an enum later cannot change what frozen minutes say.
namespace casepanel::core {
NLOHMANN_JSON_SERIALIZE_ENUM(ItemKind,
                             {{ItemKind::decision, "decision"}, {ItemKind::outcome, "outcome"}})
NLOHMANN_JSON_SERIALIZE_ENUM(FinalStatus, {{FinalStatus::final, "final"},
                                           {FinalStatus::awaiting, "awaiting"},
                                           {FinalStatus::agreed, "agreed"},
                                           {FinalStatus::otherwise, "otherwise"}})
}  // namespace casepanel::core

namespace casepanel::app {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DisagreementView, id, member, why, recorded,
                                                resolved, awaiting, agreed_outcome, agreed_reasons,
                                                resolved_line)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ItemView, id, kind, option_id, label, detail,
                                                recommendation, final_status, final_line,
                                                final_detail, final_reasons, disagreements)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PlanView, label, timeframe, owner)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ActionView, id, description, owner, due, status)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RecordView, id, hearing_id, child_id, child,
                                                child_born, sitting_id, panel, date, decisions,
                                                outcomes, reasons, permanency, parallel,
                                                review_date, actions, recorded, corrected, awaiting)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MinutesAttendee, name, role, attendance)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MinutesHearing, hearing_id, time, children,
                                                request_type, presenter, overview, records)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MinutesContent, sitting_id, panel, date, time,
                                                venue, chair, attendees, quorum, hearings)

namespace {

using store::Tx;

// The version of the snapshot's shape: from_snapshot reads this one.
constexpr int kSnapshotVersion = 1;

void add_attendance(Tx& tx, const Services& s, const store::SittingRecord& sitting,
                    MinutesContent& c) {
  const std::vector<SittingMember> members = sitting_members(tx, s, sitting);
  for (const SittingMember& m : members) {
    c.attendees.push_back(
        {m.name, m.role_label, std::string(core::attendance_label(m.attendance))});
  }
  if (const core::PanelType* panel = s.panels.find(sitting.panel_id)) {
    c.quorum = quorum_of(*panel, members).summary;
  }
}

// Each hearing in agenda order, with its records (store::sitting_decisions
// reads them all at once) and its overview.
void add_hearings(Tx& tx, const Services& s, const store::SittingRecord& sitting,
                  MinutesContent& c) {
  const core::PanelType* panel = s.panels.find(sitting.panel_id);
  const auto names = sitting_children_names(tx, sitting.id);
  const auto overviews = store::minutes_overviews(tx, sitting.id);
  const std::vector<RecordView> records = record_views(s, store::sitting_decisions(tx, sitting.id));
  for (const store::AgendaLine& line : store::sitting_agenda(tx, sitting.id)) {
    const store::HearingRecord& h = line.hearing;
    MinutesHearing out;
    out.hearing_id = h.id;
    out.time = london_time(h.starts_at) + " to " +
               london_time(h.starts_at + std::chrono::minutes{h.minutes});
    if (auto n = names.find(h.request_id); n != names.end()) {
      out.children = n->second.names;
    }
    out.request_type = request_type_label(panel, line.request_type);
    out.presenter = line.people.author.name;
    if (auto o = overviews.find(h.id); o != overviews.end()) {
      out.overview = o->second;
    }
    std::copy_if(records.begin(), records.end(), std::back_inserter(out.records),
                 [&](const RecordView& r) { return r.hearing_id == h.id; });
    c.hearings.push_back(std::move(out));
  }
}

}  // namespace

MinutesContent minutes_content(Tx& tx, const Services& s, const store::SittingRecord& sitting) {
  const core::PanelType* panel = s.panels.find(sitting.panel_id);
  MinutesContent c;
  c.sitting_id = sitting.id;
  c.panel = panel ? panel->name : sitting.panel_id;
  c.date = core::long_date(sitting.date);
  c.time = london_time(sitting.starts_at) + " to " + london_time(sitting.ends_at);
  c.venue = venue_label(panel, sitting.venue_id);
  if (!sitting.room.empty()) {
    c.venue += c.venue.empty() ? sitting.room : ", " + sitting.room;
  }
  if (sitting.chair_id) {
    const auto chair = store::find_contact(tx, *sitting.chair_id);
    c.chair = chair ? chair->name : "";
  }
  add_attendance(tx, s, sitting, c);
  add_hearings(tx, s, sitting, c);
  return c;
}

MinutesContent child_extract(MinutesContent content, std::int64_t child_id) {
  std::vector<MinutesHearing> kept;
  for (MinutesHearing& h : content.hearings) {
    std::erase_if(h.records, [&](const RecordView& r) { return r.child_id != child_id; });
    if (!h.records.empty()) {
      kept.push_back(std::move(h));
    }
  }
  content.hearings = std::move(kept);
  return content;
}

std::string to_snapshot(const MinutesContent& content) {
  nlohmann::json j = {{"version", kSnapshotVersion}, {"minutes", content}};
  return j.dump();
}

MinutesContent from_snapshot(const std::string& snapshot) {
  const nlohmann::json j = nlohmann::json::parse(snapshot);
  if (j.value("version", 0) != kSnapshotVersion) {
    throw std::runtime_error("minutes snapshot of an unknown version");
  }
  return j.at("minutes").get<MinutesContent>();
}

}  // namespace casepanel::app
