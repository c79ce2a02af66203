#include "app/request_draft.h"

#include <algorithm>

#include "core/time_entry.h"
#include "store/children.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

core::Authorisation authorisation_of(const store::AuthorisationRecord& a) {
  // Stored in UTC, entered (and shown again) as Europe/London date and time.
  return {a.criterion_id,
          a.authorised_by,
          true,
          core::to_iso(core::london_date(a.at)),
          core::to_hh_mm(core::london_time_of_day(a.at)),
          a.what};
}

// The authorisations the chosen criteria need, as stored (UTC).
std::vector<store::AuthorisationRecord> authorisations_to_store(const core::PanelType& panel,
                                                                const core::RequestDraft& d) {
  std::vector<store::AuthorisationRecord> out;
  for (const core::EntryCriterion* c : core::criteria_needing_authorisation(panel, d)) {
    for (const core::Authorisation& au : d.authorisations) {
      if (au.criterion_id == c->id) {
        const core::Instant at =
            core::london_to_utc(*core::parse_iso_date(au.date), *core::parse_time_entered(au.time));
        out.push_back({c->id, au.authorised_by, "", at, au.what});
      }
    }
  }
  return out;
}

// The confirmations of criteria still chosen (a criterion unselected takes
// its confirmation with it).
std::vector<std::string> chosen_confirmations(const core::RequestDraft& d) {
  std::vector<std::string> out;
  for (const std::string& c : d.confirmed_against_record) {
    if (std::find(d.criteria.begin(), d.criteria.end(), c) != d.criteria.end()) {
      out.push_back(c);
    }
  }
  return out;
}

void write_type(store::Tx& tx, const Services& s, const Actor& a, const core::PanelType& panel,
                std::int64_t id, const core::RequestDraft& d) {
  const core::RequestType* type = panel.request_type(d.request_type);
  const bool statutory = type && type->statutory();
  store::write_request_type(
      tx, id,
      {d.request_type, statutory ? core::parse_iso_date(d.came_into_care) : std::nullopt,
       core::statutory_due(panel, s.calendar, d), core::must_go_to_next_sitting(panel, d)});
  store::replace_criteria(tx, id, d.criteria);
  store::confirm_against_record(tx, id, chosen_confirmations(d));
  store::replace_authorisations(tx, id, authorisations_to_store(panel, d), a.id, s.clock.now());
}

nlohmann::json authorisations_json(const core::RequestDraft& d) {
  nlohmann::json list = nlohmann::json::array();
  for (const core::Authorisation& au : d.authorisations) {
    list.push_back({{"criterion", au.criterion_id},
                    {"by", au.authorised_by},
                    {"date", au.date},
                    {"time", au.time},
                    {"what", au.what}});
  }
  return list;
}

}  // namespace

core::RequestDraft draft_of(store::Tx& tx, const store::RequestRecord& r) {
  core::RequestDraft d;
  d.panel_id = r.panel_id;
  d.request_type = r.request_type;
  d.came_into_care = r.came_into_care ? core::to_iso(*r.came_into_care) : "";
  d.reason = r.reason;
  d.proposed_plan = r.proposed_plan;
  d.parallel_plan = r.parallel_plan;
  d.venue_preference = r.venue_preference;
  d.conference_call = r.conference_call == store::ConferenceCall::needed;
  std::vector<std::int64_t> child_ids;
  for (const store::RequestChild& c : store::request_children(tx, r.id)) {
    child_ids.push_back(c.id);
  }
  d.children = static_cast<int>(child_ids.size());
  d.children_on_record = children_on_record(tx, child_ids);
  d.criteria = store::request_criteria(tx, r.id);
  d.confirmed_against_record = store::criteria_confirmed_against_record(tx, r.id);
  for (const store::AuthorisationRecord& a : store::request_authorisations(tx, r.id)) {
    d.authorisations.push_back(authorisation_of(a));
  }
  return d;
}

std::vector<core::ChildOnRecord> children_on_record(store::Tx& tx,
                                                    const std::vector<std::int64_t>& child_ids) {
  std::vector<core::ChildOnRecord> out;
  for (std::int64_t id : child_ids) {
    if (const auto c = store::find_child(tx, id)) {
      out.push_back({c->summary.name, c->case_opened, c->came_into_care, c->cp_plan_start});
    }
  }
  return out;
}

core::RequestDraft with_authoriser_roles(store::Tx& tx, const core::PanelType& panel,
                                         core::RequestDraft d) {
  for (core::Authorisation& au : d.authorisations) {
    const core::EntryCriterion* c = panel.entry_criterion(au.criterion_id);
    au.authoriser_has_role =
        c && c->authorisation_by && store::holds_role(tx, au.authorised_by, *c->authorisation_by);
  }
  return d;
}

void take_section(core::RequestDraft& d, core::Section section, const core::RequestDraft& input) {
  switch (section) {
    case core::Section::type:
      d.request_type = input.request_type;
      d.came_into_care = input.came_into_care;
      d.criteria = input.criteria;
      d.confirmed_against_record = input.confirmed_against_record;
      d.authorisations = input.authorisations;
      break;
    case core::Section::details:
      d.reason = input.reason;
      d.proposed_plan = input.proposed_plan;
      d.parallel_plan = input.parallel_plan;
      break;
    case core::Section::attendance:
      d.venue_preference = input.venue_preference;
      d.conference_call = input.conference_call;
      break;
    case core::Section::children:
      break;
  }
}

void write_section(store::Tx& tx, const Services& s, const Actor& a, const core::PanelType& panel,
                   std::int64_t id, core::Section section, const core::RequestDraft& d,
                   std::vector<std::string>& sections_saved) {
  switch (section) {
    case core::Section::type:
      write_type(tx, s, a, panel, id, d);
      break;
    case core::Section::details:
      store::write_details(tx, id, d.reason, d.proposed_plan, d.parallel_plan);
      break;
    case core::Section::attendance:
      store::write_attendance(
          tx, id, d.venue_preference,
          d.conference_call ? store::ConferenceCall::needed : store::ConferenceCall::not_needed);
      break;
    case core::Section::children:
      break;
  }
  const std::string sid(core::section_id(section));
  if (std::find(sections_saved.begin(), sections_saved.end(), sid) == sections_saved.end()) {
    sections_saved.push_back(sid);
  }
  store::set_sections_done(tx, id, sections_saved, s.clock.now());
}

nlohmann::json draft_changes(const core::RequestDraft& before, const core::RequestDraft& after) {
  nlohmann::json out = nlohmann::json::object();
  const auto field = [&](const char* name, const auto& old_value, const auto& new_value) {
    if (old_value != new_value) {
      out[name] = {{"old", old_value}, {"new", new_value}};
    }
  };
  field("request_type", before.request_type, after.request_type);
  field("came_into_care", before.came_into_care, after.came_into_care);
  field("criteria", before.criteria, after.criteria);
  field("confirmed_against_record", before.confirmed_against_record,
        after.confirmed_against_record);
  field("reason", before.reason, after.reason);
  field("proposed_plan", before.proposed_plan, after.proposed_plan);
  field("parallel_plan", before.parallel_plan, after.parallel_plan);
  field("venue_preference", before.venue_preference, after.venue_preference);
  field("conference_call", before.conference_call, after.conference_call);
  field("authorisations", authorisations_json(before), authorisations_json(after));
  return out;
}

}  // namespace casepanel::app
