#include "app/report_parts.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace casepanel::app::report {
namespace {

using M = store::Measure;

std::vector<std::string> split(const std::string& text, std::size_t parts) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i < parts; ++i) {
    const std::size_t bar = text.find('|', start);
    if (bar == std::string::npos) {
      break;
    }
    out.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  out.push_back(text.substr(start));
  out.resize(parts);
  return out;
}

std::string bucket_of(int days) {
  if (days <= 0) {
    return "0";
  }
  if (days <= 5) {
    return "1_5";
  }
  if (days <= 10) {
    return "6_10";
  }
  return days <= 20 ? "11_20" : "21_plus";
}

const core::PanelType* report_panel_of(const Context& c, const std::string& id) {
  for (const core::PanelType* p : c.panels) {
    if (p->id == id) {
      return p;
    }
  }
  return nullptr;
}

// CLAM: an emergency entry into care heard within its request type's working
// days of coming into care; the day itself counts as within.
// A request that does not say when the child came into care is judged by
// the due day worked out when it was sent (requests.statutory_due).
std::string statutory_class(const Context& c, const std::string& stored) {
  const auto f = split(stored, 5);  // PANEL|TYPE|CAME_INTO_CARE|SITTING_DAY|DUE
  int limit = 0;
  if (const core::PanelType* p = report_panel_of(c, f[0])) {
    for (const core::RequestType& t : p->request_types) {
      if (t.id == f[1] && t.heard_within_working_days) {
        limit = *t.heard_within_working_days;
      }
    }
  }
  const bool heard = !f[3].empty();
  const bool within = heard && (f[2].empty() ? f[3] <= f[4] : working_days(c, f[2], f[3]) <= limit);
  return f[0] + "|" + f[1] + "|" + (within ? "within" : "outside");
}

// Support Panel 6.1: a timescale a decision starts (the FGC referral within
// 5 working days of panel), met when it was recorded done within them.
std::string tracked_class(const Context& c, const std::string& stored) {
  const auto f = split(stored, 5);  // PANEL|KIND|HEARING_DAY|DONE_DAY|STATUS
  int limit = 0;
  if (const core::PanelType* p = report_panel_of(c, f[0])) {
    for (const core::Timescale& t : p->timescales) {
      if (t.id == f[1]) {
        limit = t.working_days;
      }
    }
  }
  std::string verdict = "outside";
  if (f[4] == "done" && !f[3].empty()) {
    verdict = working_days(c, f[2], f[3]) <= limit ? "within" : "outside";
  } else if (f[4] == "open" && working_days(c, f[2], core::to_iso(c.today)) <= limit) {
    verdict = "open";
  }
  return f[0] + "|" + f[1] + "|" + verdict;
}

bool stage(M m) {
  return m == M::draft_to_submitted || m == M::submitted_to_triaged || m == M::triaged_to_heard ||
         m == M::submitted_to_heard || m == M::heard_to_decided || m == M::heard_to_minutes ||
         m == M::decided_to_action_done;
}

}  // namespace

const std::vector<Bucket> kBuckets = {{"0", "Same day"},
                                      {"1_5", "1 to 5"},
                                      {"6_10", "6 to 10"},
                                      {"11_20", "11 to 20"},
                                      {"21_plus", "21 or more"}};

int working_days(const Context& c, const std::string& from, const std::string& to) {
  const auto f = core::parse_iso_date(from);
  const auto t = core::parse_iso_date(to);
  if (!f || !t) {
    return 0;
  }
  return c.s.calendar.working_days_between(*f, *t);
}

bool classified(M m) {
  return stage(m) || m == M::statutory_hearings || m == M::tracked_timescales;
}

std::string classify(const Context& c, M m, const std::string& stored_key) {
  if (stage(m)) {
    const auto f = split(stored_key, 2);
    return bucket_of(working_days(c, f[0], f[1]));
  }
  if (m == M::statutory_hearings) {
    return statutory_class(c, stored_key);
  }
  if (m == M::tracked_timescales) {
    return tracked_class(c, stored_key);
  }
  return stored_key;
}

std::map<std::string, std::int64_t> counts(const Context& c, M m) {
  std::map<std::string, std::int64_t> out;
  for (const store::Tally& t : store::tally(c.tx, m, c.filter)) {
    out[classify(c, m, t.key)] += t.count;
  }
  return out;
}

ReportCell label(std::string text) {
  ReportCell cell;
  cell.text = std::move(text);
  cell.heading = true;
  return cell;
}

ReportCell count(std::int64_t n, M m, std::optional<std::string> key) {
  ReportCell cell;
  cell.text = std::to_string(n);
  cell.numeric = true;
  cell.kind = CellKind::count;
  cell.count = n;
  if (n > 0) {
    cell.drill = Drill{std::string(store::measure_id(m)), std::move(key)};
  }
  return cell;
}

ReportCell figure(std::string text) {
  ReportCell cell;
  cell.numeric = true;
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                   [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!text.empty() && text.back() == '%') {
    cell.kind = CellKind::percent;
  } else if (text.find('.') != std::string::npos) {
    cell.kind = CellKind::decimal;
  } else if (digits) {
    cell.kind = CellKind::number;
  }
  cell.text = std::move(text);
  return cell;
}

ReportCell decimal(std::string text) {
  ReportCell cell = figure(std::move(text));
  if (cell.kind == CellKind::number) {
    cell.kind = CellKind::decimal;  // a median of 4 is 4.0 in a spreadsheet
  }
  return cell;
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) {
    return "-";
  }
  return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

ReportTable counts_table(const Context& c, std::string id, std::string title, std::string heading,
                         M m, const std::vector<std::string>& order,
                         const std::function<std::string(const std::string&)>& words) {
  const auto n = counts(c, m);
  ReportTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.headings = {std::move(heading), "Number"};
  // Every key counted is shown, those `order` does not name last, so that
  // the total is the sum of the rows and the length of its list.
  std::vector<std::string> shown = order;
  for (const auto& [key, k] : n) {
    if (std::find(shown.begin(), shown.end(), key) == shown.end()) {
      shown.push_back(key);
    }
  }
  std::int64_t total = 0;
  for (const std::string& key : shown) {
    const auto at = n.find(key);
    const std::int64_t k = at == n.end() ? 0 : at->second;
    total += k;
    t.rows.push_back({label(words(key)), count(k, m, key)});
  }
  t.rows.push_back({label("Total"), count(total, m, std::nullopt)});
  return t;
}

}  // namespace casepanel::app::report
