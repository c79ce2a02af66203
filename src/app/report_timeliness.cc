// The annual review's timeliness (app/reports.h), in working days
// (core/calendar.h: England's bank holidays): each stage of a request's way
// through panel as a median and a distribution, the share of cases within
// each timescale the panels set, cut-off compliance, and actions after panel.
#include <algorithm>

#include "app/report_parts.h"

namespace casepanel::app::report {
namespace {

using M = store::Measure;

struct Stage {
  M measure;
  const char* words;
};
constexpr Stage kStages[] = {
    {M::draft_to_submitted, "Started to submitted"},
    {M::submitted_to_triaged, "Submitted to triaged (the coordinator's decision)"},
    {M::triaged_to_heard, "Triaged to heard"},
    {M::submitted_to_heard, "Submitted to heard (triage and the wait together)"},
    {M::heard_to_decided, "Heard to decision recorded"},
    {M::heard_to_minutes, "Heard to minutes authorised"},
    {M::decided_to_action_done, "Decision to action completed"},
};

// The median of the working days each case took ("4", "4.5"; "-" for none).
std::string median(const Context& c, const std::vector<store::Tally>& tallies) {
  std::vector<std::pair<int, std::int64_t>> days;
  std::int64_t total = 0;
  for (const store::Tally& t : tallies) {
    const auto bar = t.key.find('|');
    days.push_back({working_days(c, t.key.substr(0, bar), t.key.substr(bar + 1)), t.count});
    total += t.count;
  }
  if (total == 0) {
    return "-";
  }
  std::sort(days.begin(), days.end());
  // The values at positions (total-1)/2 and total/2 (0-based), averaged.
  const auto at = [&](std::int64_t position) {
    for (const auto& [d, n] : days) {
      if (position < n) {
        return d;
      }
      position -= n;
    }
    return days.back().first;
  };
  const int low = at((total - 1) / 2);
  const int high = at(total / 2);
  if ((low + high) % 2 == 0) {
    return std::to_string((low + high) / 2);
  }
  return std::to_string((low + high) / 2) + ".5";
}

ReportTable stages_table(const Context& c) {
  ReportTable t;
  t.id = "timeliness.stages";
  t.title = "Working days at each stage";
  t.headings = {"Stage", "Cases", "Median"};
  for (const Bucket& b : kBuckets) {
    t.headings.push_back(b.label);
  }
  t.note =
      "Working days after the first day up to and including the second (weekends and bank "
      "holidays in England not counted); each case counted in the period its stage ended.";
  for (const Stage& st : kStages) {
    // One query a stage: the buckets and the median from the same tally.
    const auto tallies = store::tally(c.tx, st.measure, c.filter);
    std::map<std::string, std::int64_t> n;
    for (const store::Tally& tally : tallies) {
      n[classify(c, st.measure, tally.key)] += tally.count;
    }
    std::int64_t all = 0;
    for (const auto& [key, k] : n) {
      all += k;
    }
    std::vector<ReportCell> row = {label(st.words), count(all, st.measure, std::nullopt),
                                   decimal(median(c, tallies))};
    for (const Bucket& b : kBuckets) {
      const auto at = n.find(b.id);
      row.push_back(count(at == n.end() ? 0 : at->second, st.measure, b.id));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// How long requests waited for triage, and then to be heard, as charts
// beside their tables.
ReportTable distribution_table(const Context& c, M m, const char* id, const char* title) {
  std::vector<std::string> order;
  for (const Bucket& b : kBuckets) {
    order.push_back(b.id);
  }
  ReportTable t = counts_table(c, id, title, "Working days", m, order,
                               [&c, m](const std::string& k) { return key_words(c, m, k); });
  t.chart = true;
  t.chart_labels = {"Same day", "1-5", "6-10", "11-20", "21+"};
  return t;
}

// "PANEL|ID" of each timescale the panels in scope set.
std::vector<std::pair<M, std::string>> timescales(const Context& c) {
  std::vector<std::pair<M, std::string>> out;
  for (const core::PanelType* p : c.panels) {
    for (const core::RequestType& t : p->request_types) {
      if (t.heard_within_working_days) {
        out.push_back({M::statutory_hearings, p->id + "|" + t.id});
      }
    }
    for (const core::Timescale& t : p->timescales) {
      if (t.from == "hearing") {
        out.push_back({M::tracked_timescales, p->id + "|" + t.id});
      }
    }
  }
  return out;
}

ReportTable timescales_table(const Context& c) {
  ReportTable t;
  t.id = "timeliness.timescales";
  t.title = "Timescales the panels set";
  t.headings = {"Timescale", "Cases", "Within", "Outside", "Open, not yet due", "Share within"};
  t.note = "The last day of a timescale counts as within it.";
  std::map<M, std::map<std::string, std::int64_t>> tallied;
  for (const auto& timescale : timescales(c)) {
    const M m = timescale.first;
    const std::string& id = timescale.second;
    if (!tallied.count(m)) {
      tallied[m] = counts(c, m);
    }
    const auto& n = tallied[m];
    const auto get = [&](const char* verdict) {
      const auto at = n.find(id + "|" + verdict);
      return at == n.end() ? std::int64_t{0} : at->second;
    };
    const std::int64_t within = get("within"), outside = get("outside"), open = get("open");
    const auto bar = id.find('|');
    t.rows.push_back({label(timescale_words(c, id.substr(0, bar), id.substr(bar + 1))),
                      figure(std::to_string(within + outside + open)),
                      count(within, m, id + "|within"), count(outside, m, id + "|outside"),
                      count(open, m, id + "|open"), figure(percent(within, within + outside))});
  }
  return t;
}

// Cut-off compliance (Support Panel 6: "by 4pm on the Thursday before
// Panel"): of the requests held to a cut-off, those sent before it; a request
// with no cut-off to meet, or one that goes to the next sitting whatever it,
// is shown but not in the share.
ReportTable cutoff_table(const Context& c) {
  const auto n = counts(c, M::requests_by_cutoff);
  const auto get = [&](const char* key) {
    const auto at = n.find(key);
    return at == n.end() ? std::int64_t{0} : at->second;
  };
  const auto row = [&](const char* key) {
    return std::vector<ReportCell>{label(id_words(key)),
                                   count(get(key), M::requests_by_cutoff, std::string(key))};
  };
  const std::int64_t in_time = get("in_time");
  const std::int64_t late = get("accepted_late") + get("missed");
  ReportTable t;
  t.id = "timeliness.cutoff";
  t.title = "Cut-off compliance";
  t.headings = {"Requests submitted", "Number"};
  t.note =
      "The share is of the requests held to a cut-off: those with none to meet, or sent to "
      "the next sitting whatever it, are not in it.";
  t.rows.push_back(row("in_time"));
  t.rows.push_back(row("accepted_late"));
  t.rows.push_back(row("missed"));
  t.rows.push_back({label("Held to a cut-off"), figure(std::to_string(in_time + late))});
  t.rows.push_back(
      {label("Share sent before the cut-off"), figure(percent(in_time, in_time + late))});
  t.rows.push_back(row("next_sitting"));
  t.rows.push_back(row("no_cutoff"));
  return t;
}

}  // namespace

ReportSection timeliness_section(const Context& c) {
  ReportSection s{"timeliness", "Timeliness", {}};
  s.tables.push_back(stages_table(c));
  s.tables.push_back(distribution_table(
      c, M::submitted_to_triaged, "timeliness.submitted_to_triaged", "Working days to triage"));
  s.tables.push_back(distribution_table(c, M::triaged_to_heard, "timeliness.triaged_to_heard",
                                        "Working days, triaged to heard"));
  s.tables.push_back(distribution_table(c, M::submitted_to_heard, "timeliness.submitted_to_heard",
                                        "Working days from submitted to heard"));
  s.tables.push_back(timescales_table(c));
  s.tables.push_back(cutoff_table(c));
  s.tables.push_back(
      counts_table(c, "timeliness.actions", "Actions due in the period", "Action", M::actions,
                   {"on_time", "late", "not_done", "overdue", "open"},
                   [&c](const std::string& k) { return key_words(c, M::actions, k); }));
  ReportTable steps =
      counts_table(c, "timeliness.escalations", "Escalation steps taken", "Step", M::escalations,
                   {}, [&c](const std::string& k) { return key_words(c, M::escalations, k); });
  steps.note = "An action escalated twice is counted at each step it reached.";
  s.tables.push_back(std::move(steps));
  return s;
}

}  // namespace casepanel::app::report
