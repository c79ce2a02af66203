// The annual review's keys in words (app/report_parts.h): labels from the
// panels' files, months, statuses, and the DfE's ethnicity codes.
#include <array>
#include <map>

#include "app/report_parts.h"

namespace casepanel::app::report {
namespace {

// Groups and statuses the measures count by (store/reports_measures.cc).
const std::map<std::string, std::string, std::less<>> kWords = {
    {"one_child", "One child"},
    {"sibling_group", "Sibling group (more than one child)"},
    {"in_time", "Sent before the cut-off"},
    {"accepted_late", "Missed the cut-off, accepted late"},
    {"missed", "Missed the cut-off, went to a later sitting"},
    {"next_sitting", "Immediate: to the next sitting whatever the cut-off"},
    {"no_cutoff", "No cut-off (the panel has none, or no sitting was planned)"},
    {"awaiting", "Waiting for the final decision"},
    {"agreed", "Agreed as recommended"},
    {"otherwise", "Decided otherwise"},
    {"final", "Final"},
    {"unresolved", "Waiting for the agreed outcome"},
    {"resolved", "Agreed outcome recorded"},
    {"proposed", "Waiting for a decision"},
    {"approved", "Approved"},
    {"refused", "Refused"},
    {"on_time", "Completed on time"},
    {"late", "Completed late"},
    {"not_done", "Closed as not done"},
    {"overdue", "Open and overdue"},
    {"open", "Open, not yet due"},
    {"heard_on_time", "Heard again by the review date"},
    {"heard_late", "Heard again after the review date"},
    {"update_accepted", "Progress update accepted instead"},
    {"withdrawn", "Withdrawn"},
    {"not_yet_due", "Not yet due"},
    {"heard_again", "Heard again within 12 months"},
    {"not_heard_again", "Not heard again within 12 months"},
    {"under_1", "Under 1"},
    {"1_to_4", "1 to 4"},
    {"5_to_9", "5 to 9"},
    {"10_to_15", "10 to 15"},
    {"16_and_over", "16 and over"},
};

// SSDA903 (the DfE's children looked after return) ethnicity codes, and the
// census categories a council's case-management system may hold instead.
const std::map<std::string, std::string, std::less<>> kEthnicCodes = {
    {"WBRI", "White: English, Welsh, Scottish, Northern Irish or British"},
    {"WIRI", "White: Irish"},
    {"WIRT", "White: Traveller of Irish heritage"},
    {"WROM", "White: Gypsy or Roma"},
    {"WOTH", "White: Other White"},
    {"MWBC", "Mixed or Multiple: White and Black Caribbean"},
    {"MWBA", "Mixed or Multiple: White and Black African"},
    {"MWAS", "Mixed or Multiple: White and Asian"},
    {"MOTH", "Mixed or Multiple: Other mixed"},
    {"AIND", "Asian or Asian British: Indian"},
    {"APKN", "Asian or Asian British: Pakistani"},
    {"ABAN", "Asian or Asian British: Bangladeshi"},
    {"AOTH", "Asian or Asian British: Other Asian"},
    {"BCRB", "Black or Black British: Caribbean"},
    {"BAFR", "Black or Black British: African"},
    {"BOTH", "Black or Black British: Other Black"},
    {"CHNE", "Chinese"},
    {"OOTH", "Other ethnic group"},
    {"REFU", "Refused"},
    {"NOBT", "Information not yet obtained"},
};

const std::map<std::string, std::string, std::less<>> kCensusToCode = {
    {"White: Gypsy or Irish Traveller", "WIRT"},
    {"White: Roma", "WROM"},
    {"Other ethnic group: Arab", "OOTH"},
    {"Not stated", "NOBT"},
};

}  // namespace

std::string id_words(const std::string& id) {
  if (const auto at = kWords.find(id); at != kWords.end()) {
    return at->second;
  }
  return id.empty() ? "Not recorded" : id;
}

std::string ethnicity_words(const std::string& stored) {
  if (const auto at = kEthnicCodes.find(stored); at != kEthnicCodes.end()) {
    return stored + " " + at->second;
  }
  if (const auto at = kCensusToCode.find(stored); at != kCensusToCode.end()) {
    return at->second + " " + stored;
  }
  for (const auto& [code, words] : kEthnicCodes) {
    if (words == stored) {
      return code + " " + stored;
    }
  }
  return stored.empty() ? "Not recorded" : stored;
}

std::string month_words(const std::string& yyyy_mm) {
  constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
  if (yyyy_mm.size() != 7) {
    return yyyy_mm;
  }
  const int month = std::stoi(yyyy_mm.substr(5, 2));
  if (month < 1 || month > 12) {
    return yyyy_mm;
  }
  return std::string(kMonths[month - 1]) + " " + yyyy_mm.substr(0, 4);
}

std::string type_words(const Context& c, const std::string& id) {
  for (const core::PanelType* p : c.panels) {
    for (const core::RequestType& t : p->request_types) {
      if (t.id == id) {
        return t.label;
      }
    }
  }
  return id.empty() ? "Entry criteria (no request type)" : id;
}

std::string criterion_words(const Context& c, const std::string& id) {
  for (const core::PanelType* p : c.panels) {
    for (const core::EntryCriterion& e : p->entry_criteria) {
      if (e.id == id) {
        return e.label;
      }
    }
  }
  return id;
}

std::string option_words(const Context& c, const std::string& kind_and_id) {
  const auto colon = kind_and_id.find(':');
  const std::string kind = kind_and_id.substr(0, colon);
  const std::string id = colon == std::string::npos ? "" : kind_and_id.substr(colon + 1);
  const std::string prefix = kind == "outcome" ? "Outcome: " : "Decision: ";
  for (const core::PanelType* p : c.panels) {
    for (const core::DecisionOption& d : p->decisions) {
      if (kind == "decision" && d.id == id) {
        return prefix + d.label;
      }
    }
    for (const core::Choice& o : p->outcomes) {
      if (kind == "outcome" && o.id == id) {
        return prefix + o.label;
      }
    }
  }
  return prefix + id;
}

std::string panel_words(const Context& c, const std::string& id) {
  for (const core::PanelType* p : c.panels) {
    if (p->id == id) {
      return p->name;
    }
  }
  return id;
}

}  // namespace casepanel::app::report

namespace casepanel::app::report {

std::string timescale_words(const Context& c, const std::string& panel, const std::string& id) {
  for (const core::PanelType* p : c.panels) {
    if (p->id != panel) {
      continue;
    }
    for (const core::RequestType& t : p->request_types) {
      if (t.id == id && t.heard_within_working_days) {
        return t.label + ": heard within " + std::to_string(*t.heard_within_working_days) +
               " working days of coming into care";
      }
    }
    for (const core::Timescale& t : p->timescales) {
      if (t.id == id) {
        return t.label + ": within " + std::to_string(t.working_days) + " working days";
      }
    }
  }
  return id;
}

namespace {

std::string bucket_words(const std::string& id) {
  for (const Bucket& b : kBuckets) {
    if (id == b.id) {
      return id == "0" ? std::string("Same day (0 working days)")
                       : std::string(b.label) + " working days";
    }
  }
  return id;
}

// "PANEL|ID|VERDICT" -> "LABEL (within)".
std::string verdict_words(const Context& c, const std::string& key) {
  const auto first = key.find('|');
  const auto last = key.rfind('|');
  if (first == std::string::npos || first == last) {
    return key;
  }
  const std::string verdict = key.substr(last + 1);
  return timescale_words(c, key.substr(0, first), key.substr(first + 1, last - first - 1)) + " (" +
         (verdict == "open" ? "open, not yet due" : verdict) + ")";
}

// "LADDER|STEP|LABEL" -> "Step 2: LABEL".
std::string step_words(const std::string& key) {
  const auto first = key.find('|');
  const auto last = key.rfind('|');
  if (first == std::string::npos || first == last) {
    return key;
  }
  // Steps are stored from 0, the first rung of the panel file's ladder.
  const std::string step = key.substr(first + 1, last - first - 1);
  const bool number = !step.empty() && step.find_first_not_of("0123456789") == std::string::npos;
  return "Step " + (number ? std::to_string(std::stoi(step) + 1) : step) + ": " +
         key.substr(last + 1);
}

}  // namespace

std::string key_words(const Context& c, store::Measure m, const std::string& key) {
  using M = store::Measure;
  switch (m) {
    case M::requests_by_type:
      return type_words(c, key);
    case M::requests_by_criterion:
      return criterion_words(c, key);
    case M::requests_by_month:
      return month_words(key);
    case M::requests_by_type_month:
    case M::requests_by_criterion_month: {
      const auto bar = key.rfind('|');
      const std::string first = key.substr(0, bar);
      const std::string month = bar == std::string::npos ? "" : key.substr(bar + 1);
      return (m == M::requests_by_type_month ? type_words(c, first) : criterion_words(c, first)) +
             ", " + month_words(month);
    }
    case M::requests_by_team:
    case M::requests_by_locality:
    case M::requested_by_gender:
    case M::requested_by_disability:
    case M::decided_by_gender:
    case M::decided_by_disability:
      return key.empty() ? "Not recorded" : key;
    case M::items_by_option:
      return option_words(c, key);
    case M::requested_by_ethnicity:
    case M::decided_by_ethnicity:
      return ethnicity_words(key);
    case M::statutory_hearings:
    case M::tracked_timescales:
      return verdict_words(c, key);
    case M::escalations:
      return step_words(key);
    case M::draft_to_submitted:
    case M::submitted_to_triaged:
    case M::triaged_to_heard:
    case M::submitted_to_heard:
    case M::heard_to_decided:
    case M::heard_to_minutes:
    case M::decided_to_action_done:
      return bucket_words(key);
    default:
      return id_words(key);
  }
}

}  // namespace casepanel::app::report

namespace casepanel::app::report {

std::string measure_words(store::Measure m) {
  using M = store::Measure;
  static const std::map<M, const char*> kTitles = {
      {M::requests_by_type, "Requests by request type"},
      {M::requests_by_criterion, "Entry criteria named by requests"},
      {M::requests_by_month, "Requests by month submitted"},
      {M::requests_by_type_month, "Requests by request type and month"},
      {M::requests_by_criterion_month, "Entry criteria by month"},
      {M::requests_by_team, "Requests by team"},
      {M::requests_by_locality, "Requests by locality"},
      {M::requests_by_children, "Requests for one child or a sibling group"},
      {M::requests_by_cutoff, "Requests and the cut-off"},
      {M::items_by_option, "Decisions and outcomes recorded"},
      {M::recommendations, "Recommendations"},
      {M::disagreements, "Disagreements"},
      {M::plan_changes, "Changes of plan"},
      {M::draft_to_submitted, "Started to submitted"},
      {M::submitted_to_triaged, "Submitted to triaged"},
      {M::triaged_to_heard, "Triaged to heard"},
      {M::submitted_to_heard, "Submitted to heard"},
      {M::heard_to_decided, "Heard to decision recorded"},
      {M::heard_to_minutes, "Heard to minutes authorised"},
      {M::decided_to_action_done, "Decision to action completed"},
      {M::statutory_hearings, "Statutory timescales"},
      {M::tracked_timescales, "Timescales after panel"},
      {M::actions, "Actions due"},
      {M::escalations, "Escalation steps taken"},
      {M::returns, "Reviews due"},
      {M::heard_again, "Children's decisions"},
      {M::requested_by_age, "Children in requests, by age band"},
      {M::requested_by_gender, "Children in requests, by gender"},
      {M::requested_by_ethnicity, "Children in requests, by ethnicity"},
      {M::requested_by_disability, "Children in requests, by disability"},
      {M::decided_by_age, "Children with a decision, by age band"},
      {M::decided_by_gender, "Children with a decision, by gender"},
      {M::decided_by_ethnicity, "Children with a decision, by ethnicity"},
      {M::decided_by_disability, "Children with a decision, by disability"},
  };
  const auto at = kTitles.find(m);
  return at == kTitles.end() ? std::string(store::measure_id(m)) : at->second;
}

}  // namespace casepanel::app::report
