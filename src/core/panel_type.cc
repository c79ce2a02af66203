// PanelType::create reads a panel file with toml++ and checks it against the
// format in docs/panel-configuration.md. It reports every problem it finds,
// not just the first, so a council officer can fix a file in one pass: a key
// it does not know (a typo must never be silently ignored), a missing or
// mistyped field, a bad time, weekday, date or role, a duplicate id, and
// references between sections that do not resolve.
#include "core/panel_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <map>
#include <set>
#include <utility>
#include <variant>

#include <toml++/toml.h>

namespace casepanel::core {

using Problem = PanelType::Problem;

namespace {

struct RoleNames {
  Role role;
  std::string_view id;
  std::string_view title;
};

// DESIGN.md "People and what they do": the generic roles, in kAllRoles order.
constexpr RoleNames kRoleNames[] = {
    {Role::social_worker, "social_worker", "Social worker"},
    {Role::practice_manager, "practice_manager", "Practice manager"},
    {Role::group_manager, "group_manager", "Group manager"},
    {Role::coordinator, "coordinator", "Coordinator"},
    {Role::panel_admin, "panel_admin", "Panel administrator"},
    {Role::chair, "chair", "Chair"},
    {Role::member, "member", "Panel member"},
    {Role::assistant_director, "assistant_director", "Assistant director"},
    {Role::auditor, "auditor", "Auditor"},
    {Role::admin, "admin", "System administrator"},
};

const RoleNames& names_of(Role r) {
  for (const RoleNames& names : kRoleNames) {
    if (names.role == r) {
      return names;
    }
  }
  return kRoleNames[static_cast<size_t>(Role::member)];  // unreachable: every Role is listed
}

}  // namespace

std::string_view role_id(Role r) { return names_of(r).id; }

std::optional<Role> role_from_id(std::string_view id) {
  for (const RoleNames& names : kRoleNames) {
    if (names.id == id) {
      return names.role;
    }
  }
  return std::nullopt;
}

std::string_view role_title(Role r) { return names_of(r).title; }

namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

}  // namespace

std::string_view weekday_name(std::chrono::weekday d) {
  return d.ok() ? kWeekdayNames[d.c_encoding()] : std::string_view("not a weekday");
}

std::string Problem::to_string() const {
  std::string out = source + ":";
  if (line > 0) {
    out += std::to_string(line) + ":";
  }
  out += " ";
  if (!field.empty()) {
    out += field + ": ";
  }
  return out + message;
}

namespace {

enum class Need { optional, required };

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::string_view kind_of(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true or false";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date and time";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

std::string all_role_ids() {
  std::string out;
  for (Role r : kAllRoles) {
    out += (out.empty() ? "" : ", ") + std::string(role_id(r));
  }
  return out;
}

std::optional<std::chrono::weekday> weekday_from_name(std::string_view text) {
  for (unsigned i = 0; i < kWeekdayNames.size(); ++i) {
    std::string_view name = kWeekdayNames[i];
    bool same = name.size() == text.size() &&
                std::equal(name.begin(), name.end(), text.begin(), [](char a, char b) {
                  return std::tolower(static_cast<unsigned char>(a)) ==
                         std::tolower(static_cast<unsigned char>(b));
                });
    if (same) {
      return std::chrono::weekday{i};
    }
  }
  return std::nullopt;
}

// Ids appear in web addresses and form fields, so they keep to a plain alphabet.
bool valid_id(std::string_view id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Collects problems for one source text.
class Problems {
 public:
  explicit Problems(std::string_view source) : source_(source) {}
  void add(int line, std::string field, std::string message) {
    list_.push_back(Problem{source_, line, std::move(field), std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  // In file order, so the output reads top to bottom.
  std::vector<Problem> take() {
    std::stable_sort(list_.begin(), list_.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    return std::move(list_);
  }

 private:
  std::string source_;
  std::vector<Problem> list_;
};

// Reads the keys of one TOML table, remembering which keys it was asked for
// so that finish() can report every other key as unknown.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, int line, Problems& problems)
      : table_(table), path_(std::move(path)), line_(line), problems_(problems) {}

  std::string path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  int line() const { return line_; }
  Problems& problems() { return problems_; }
  bool has(std::string_view key) const { return table_.contains(key); }
  // The line of a key's value, or of the table when the key is absent.
  int line_of_key(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? line_of(*node) : line_;
  }
  void problem(std::string_view key, std::string message) {
    problems_.add(line_of_key(key), path(key), std::move(message));
  }

  const toml::node* find(std::string_view key, Need need) {
    known_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node && need == Need::required) {
      problem(key, "required field is missing");
    }
    return node;
  }

  bool text(std::string_view key, std::string& out, Need need) {
    const toml::node* node = find(key, need);
    if (!node) {
      return false;
    }
    if (!node->is_string()) {
      return wrong_type(key, *node, "text in quotes");
    }
    std::string value = node->as_string()->get();
    if (value.empty() && need == Need::required) {
      problem(key, "must not be empty");
      return false;
    }
    out = std::move(value);
    return true;
  }

  bool id(std::string_view key, std::string& out, Need need) {
    std::string value;
    if (!text(key, value, need)) {
      return false;
    }
    if (!valid_id(value)) {
      problem(key, quoted(value) +
                       " is not a valid id: use lower-case letters, digits, \"_\" and \"-\", "
                       "starting with a letter");
      return false;
    }
    out = std::move(value);
    return true;
  }

  bool flag(std::string_view key, bool& out) {
    const toml::node* node = find(key, Need::optional);
    if (!node) {
      return false;
    }
    if (!node->is_boolean()) {
      return wrong_type(key, *node, "true or false");
    }
    out = node->as_boolean()->get();
    return true;
  }

  bool integer(std::string_view key, int& out, Need need) {
    const toml::node* node = find(key, need);
    if (!node) {
      return false;
    }
    if (!node->is_integer()) {
      return wrong_type(key, *node, "a whole number");
    }
    int64_t value = node->as_integer()->get();
    if (value < INT_MIN || value > INT_MAX) {
      problem(key, std::to_string(value) + " is too large");
      return false;
    }
    out = static_cast<int>(value);
    return true;
  }

  bool integer(std::string_view key, std::optional<int>& out) {
    int value = 0;
    if (!integer(key, value, Need::optional)) {
      return false;
    }
    out = value;
    return true;
  }

  bool role(std::string_view key, Role& out, Need need) {
    std::string value;
    if (!text(key, value, need)) {
      return false;
    }
    std::optional<Role> r = role_from_id(value);
    if (!r) {
      problem(key, "unknown role " + quoted(value) + ": use one of " + all_role_ids());
      return false;
    }
    out = *r;
    return true;
  }

  bool role(std::string_view key, std::optional<Role>& out) {
    Role value{};
    if (!role(key, value, Need::optional)) {
      return false;
    }
    out = value;
    return true;
  }

  bool weekday(std::string_view key, std::chrono::weekday& out, Need need) {
    std::string value;
    if (!text(key, value, need)) {
      return false;
    }
    std::optional<std::chrono::weekday> day = weekday_from_name(value);
    if (!day) {
      problem(key, quoted(value) + " is not a day of the week: write Monday, Tuesday ... Sunday");
      return false;
    }
    out = *day;
    return true;
  }

  // "13:30" in quotes, or a TOML time such as 13:30:00.
  bool time(std::string_view key, LocalTime& out, Need need) {
    const toml::node* node = find(key, need);
    if (!node) {
      return false;
    }
    if (const auto* t = node->as_time()) {
      const toml::time& v = t->get();
      if (v.second != 0 || v.nanosecond != 0) {
        problem(key, "times are to the minute: write HH:MM, e.g. \"13:30\"");
        return false;
      }
      out = LocalTime{v.hour * 60 + v.minute};
      return true;
    }
    if (!node->is_string()) {
      return wrong_type(key, *node, "a time such as \"13:30\"");
    }
    std::string value = node->as_string()->get();
    std::optional<LocalTime> parsed = parse_hh_mm(value);
    if (!parsed) {
      problem(key,
              quoted(value) + " is not a time: write HH:MM on the 24-hour clock, e.g. \"13:30\"");
      return false;
    }
    out = *parsed;
    return true;
  }

  // 2024-01-02, or "2024-01-02" in quotes.
  bool date(std::string_view key, Date& out, Need need) {
    const toml::node* node = find(key, need);
    if (!node) {
      return false;
    }
    if (const auto* d = node->as_date()) {
      const toml::date& v = d->get();
      out = Date{std::chrono::year{v.year}, std::chrono::month{v.month}, std::chrono::day{v.day}};
      return true;
    }
    if (!node->is_string()) {
      return wrong_type(key, *node, "a date such as 2024-01-02");
    }
    std::string value = node->as_string()->get();
    std::optional<Date> parsed = parse_iso_date(value);
    if (!parsed) {
      problem(key, quoted(value) + " is not a date: write YYYY-MM-DD, e.g. 2024-01-02");
      return false;
    }
    out = *parsed;
    return true;
  }

  // A list of strings, each with its line.
  std::vector<std::pair<std::string, int>> texts(std::string_view key) {
    std::vector<std::pair<std::string, int>> out;
    const toml::array* list = array(key, Need::optional);
    for (size_t i = 0; list && i < list->size(); ++i) {
      const toml::node& item = *list->get(i);
      if (!item.is_string()) {
        problems_.add(line_of(item), indexed(key, i),
                      "expected text in quotes, found " + std::string(kind_of(item)));
        continue;
      }
      out.emplace_back(item.as_string()->get(), line_of(item));
    }
    return out;
  }

  std::vector<Role> roles(std::string_view key) {
    std::vector<Role> out;
    std::vector<std::pair<std::string, int>> items = texts(key);
    for (size_t i = 0; i < items.size(); ++i) {
      std::optional<Role> r = role_from_id(items[i].first);
      if (!r) {
        problems_.add(items[i].second, indexed(key, i),
                      "unknown role " + quoted(items[i].first) + ": use one of " + all_role_ids());
        continue;
      }
      out.push_back(*r);
    }
    return out;
  }

  const toml::array* array(std::string_view key, Need need) {
    const toml::node* node = find(key, need);
    if (!node) {
      return nullptr;
    }
    if (!node->is_array()) {
      wrong_type(key, *node, "a list");
      return nullptr;
    }
    return node->as_array();
  }

  // Calls read(reader) on the table under `key`, then reports its unknown keys.
  template <typename Read>
  void with_table(std::string_view key, Need need, Read&& read) {
    const toml::node* node = find(key, need);
    if (!node) {
      return;
    }
    if (!node->is_table()) {
      wrong_type(key, *node, "a table ([" + std::string(key) + "])");
      return;
    }
    TableReader sub(*node->as_table(), path(key), line_of(*node), problems_);
    read(sub);
    sub.finish();
  }

  // Calls read(reader) on each table of the list `[[key]]`.
  template <typename Read>
  void each_table(std::string_view key, Read&& read) {
    const toml::array* list = array(key, Need::optional);
    for (size_t i = 0; list && i < list->size(); ++i) {
      const toml::node& item = *list->get(i);
      if (!item.is_table()) {
        problems_.add(
            line_of(item), indexed(key, i),
            "expected a table ([[" + std::string(key) + "]]), found " + std::string(kind_of(item)));
        continue;
      }
      TableReader sub(*item.as_table(), indexed(key, i), line_of(item), problems_);
      read(sub);
      sub.finish();
    }
  }

  // Marks every key of this table as read; for tables whose keys are data.
  void accept_all_keys() {
    for (auto&& [key, value] : table_) {
      known_.insert(std::string(key.str()));
    }
  }

  void finish() {
    for (auto&& [key, value] : table_) {
      if (!known_.count(std::string(key.str()))) {
        problems_.add(line_of(value), path(key.str()), unknown_key_message(key.str()));
      }
    }
  }

  const toml::table& table() const { return table_; }

 private:
  std::string indexed(std::string_view key, size_t i) const {
    return path(key) + "[" + std::to_string(i) + "]";
  }

  bool wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
    problem(key, "expected " + std::string(expected) + ", found " + std::string(kind_of(node)));
    return false;
  }

  std::string unknown_key_message(std::string_view key) const {
    std::string message = "unknown key " + quoted(key);
    const std::string* closest = nullptr;
    size_t best = 3;  // a typo is at most two edits away
    for (const std::string& k : known_) {
      size_t d = edit_distance(key, k);
      if (d < best) {
        best = d;
        closest = &k;
      }
    }
    if (closest) {
      return message + " (did you mean " + quoted(*closest) + "?)";
    }
    std::string allowed;
    for (const std::string& k : known_) {
      allowed += (allowed.empty() ? "" : ", ") + k;
    }
    return message + "; allowed here: " + allowed;
  }

  const toml::table& table_;
  std::string path_;
  int line_;
  Problems& problems_;
  std::set<std::string> known_;
};

// Remembers the ids of one list, to report duplicates.
class IdSet {
 public:
  void add(TableReader& r, const std::string& id) {
    if (id.empty()) {
      return;
    }
    auto [it, inserted] = lines_.emplace(id, r.line_of_key("id"));
    if (!inserted) {
      r.problem("id", "duplicate id " + quoted(id) + " (already used on line " +
                          std::to_string(it->second) + ")");
    }
  }
  bool contains(const std::string& id) const { return lines_.count(id) > 0; }

 private:
  std::map<std::string, int> lines_;
};

void read_choice(TableReader& r, Choice& c, IdSet& ids) {
  if (r.id("id", c.id, Need::required)) {
    ids.add(r, c.id);
  }
  r.text("label", c.label, Need::required);
  r.text("hint", c.hint, Need::optional);
}

// The value is checked only when it was read, so a missing or mistyped value
// is reported once.
void require_positive(TableReader& r, std::string_view key, int value, bool was_read) {
  if (was_read && value <= 0) {
    r.problem(key, "must be more than 0, not " + std::to_string(value));
  }
}

void require_not_negative(TableReader& r, std::string_view key, int value, bool was_read) {
  if (was_read && value < 0) {
    r.problem(key, "must not be negative, not " + std::to_string(value));
  }
}

void read_identity(TableReader& r, PanelType& p) {
  r.id("id", p.id, Need::required);
  p.id_line = r.line_of_key("id");
  r.text("name", p.name, Need::required);
  r.text("council", p.council, Need::required);
  r.text("description", p.description, Need::optional);
}

// [requests]: what the request form asks and who receives it.
void read_requests(TableReader& root, PanelType& p) {
  root.with_table("requests", Need::optional, [&](TableReader& r) {
    std::string selection;
    if (r.text("selection", selection, Need::optional)) {
      if (selection == "one" || selection == "many") {
        p.request_type_selection = selection == "one" ? Selection::one : Selection::many;
      } else {
        r.problem("selection", quoted(selection) + " is not allowed: use \"one\" or \"many\"");
      }
    }
    r.flag("asks_venue_preference", p.asks_venue_preference);
    r.flag("asks_conference_call", p.asks_conference_call);
    p.submitted_to = r.roles("submitted_to");
  });
}

// The keys of [role_titles] are role ids, so they are checked here rather
// than as fixed keys.
void read_role_titles(TableReader& root, PanelType& p) {
  root.with_table("role_titles", Need::optional, [&](TableReader& r) {
    r.accept_all_keys();
    for (Role role : kAllRoles) {
      std::string title;
      if (r.has(role_id(role)) && r.text(role_id(role), title, Need::required)) {
        p.role_titles.emplace_back(role, title);
      }
    }
    for (auto&& [key, value] : r.table()) {
      if (!role_from_id(key.str())) {
        r.problem(key.str(),
                  "unknown role " + quoted(key.str()) + ": use one of " + all_role_ids());
      }
    }
  });
}

void read_request_types(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("request_types", [&](TableReader& r) {
    RequestType t;
    read_choice(r, t, ids);
    r.flag("needs_parallel_plan", t.needs_parallel_plan);
    if (r.integer("heard_within_working_days", t.heard_within_working_days)) {
      require_positive(r, "heard_within_working_days", *t.heard_within_working_days, true);
    }
    p.request_types.push_back(std::move(t));
  });
}

constexpr std::array<std::string_view, 3> kMonthsFrom = {"case_open", "child_protection_plan_start",
                                                         "came_into_care"};

void read_watch(TableReader& r, EntryCriterion& c) {
  bool has_months = r.integer("after_months", c.after_months);
  require_positive(r, "after_months", c.after_months.value_or(0), has_months);
  bool has_from = r.text("months_from", c.months_from, Need::optional);
  if (has_from &&
      std::find(kMonthsFrom.begin(), kMonthsFrom.end(), c.months_from) == kMonthsFrom.end()) {
    r.problem("months_from", quoted(c.months_from) +
                                 " is not allowed: use case_open, child_protection_plan_start "
                                 "or came_into_care");
  }
  if (has_months != has_from) {
    r.problem(has_months ? "after_months" : "months_from",
              "after_months and months_from go together: give both or neither");
  }
  r.text("team", c.team, Need::optional);
  r.role("considered_by", c.considered_by);
}

void read_entry_criteria(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("entry_criteria", [&](TableReader& r) {
    EntryCriterion c;
    read_choice(r, c, ids);
    r.flag("additional", c.additional);
    r.role("authorisation_by", c.authorisation_by);
    r.flag("must_go_to_next_sitting", c.must_go_to_next_sitting);
    read_watch(r, c);
    p.entry_criteria.push_back(std::move(c));
  });
}

void read_approval_steps(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("approval_steps", [&](TableReader& r) {
    ApprovalStep s{.id = {}, .role = Role::practice_manager, .label = {}};
    if (r.id("id", s.id, Need::required)) {
      ids.add(r, s.id);
    }
    r.role("role", s.role, Need::required);
    r.text("label", s.label, Need::required);
    r.flag("records_three_way_discussion", s.records_three_way_discussion);
    p.approval_steps.push_back(std::move(s));
  });
}

void read_documents(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("documents", [&](TableReader& r) {
    DocumentRequirement d;
    read_choice(r, d, ids);
    r.flag("reason_required_if_missing", d.reason_required_if_missing);
    r.flag("required", d.required);
    p.documents.push_back(std::move(d));
  });
}

void read_deadline(TableReader& root, PanelType& p) {
  root.with_table("deadline", Need::optional, [&](TableReader& r) {
    SubmissionDeadline& d = p.deadline;
    std::string kind;
    r.text("kind", kind, Need::required);
    bool has_day = r.weekday("weekday", d.weekday, Need::optional);
    bool has_time = r.time("time", d.time, Need::optional);
    r.role("late_acceptance_by", d.late_acceptance_by);
    if (kind == "none") {
      d.kind = DeadlineKind::none;
      for (std::string_view key : {"weekday", "time", "late_acceptance_by"}) {
        if (r.has(key)) {
          r.problem(key, "only used when kind is \"weekday_before_sitting\"");
        }
      }
    } else if (kind == "weekday_before_sitting") {
      d.kind = DeadlineKind::weekday_before_sitting;
      if (!has_day && !r.has("weekday")) {
        r.problem("weekday", "required field is missing (kind is \"weekday_before_sitting\")");
      }
      if (!has_time && !r.has("time")) {
        r.problem("time", "required field is missing (kind is \"weekday_before_sitting\")");
      }
    } else if (!kind.empty()) {
      r.problem("kind",
                quoted(kind) + " is not allowed: use \"none\" or \"weekday_before_sitting\"");
    }
  });
}

void read_venues(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("venues", [&](TableReader& r) {
    Venue v;
    if (r.id("id", v.id, Need::required)) {
      ids.add(r, v.id);
    }
    r.text("code", v.code, Need::optional);
    r.text("name", v.name, Need::required);
    r.text("address", v.address, Need::optional);
    p.venues.push_back(std::move(v));
  });
}

void read_rotation(TableReader& r, PanelType& p, bool has_weekday) {
  Schedule& s = p.schedule;
  std::vector<std::pair<std::string, int>> rotation = r.texts("venue_rotation");
  for (size_t i = 0; i < rotation.size(); ++i) {
    const auto& [venue, line] = rotation[i];
    if (!p.venue(venue)) {
      r.problems().add(line, r.path("venue_rotation") + "[" + std::to_string(i) + "]",
                       "unknown venue " + quoted(venue) + ": list it under [[venues]] first");
    }
    s.venue_rotation.push_back(venue);
  }
  bool has_anchor = r.date("rotation_anchor", s.rotation_anchor, Need::optional);
  if (rotation.size() > 1 && !r.has("rotation_anchor")) {
    r.problem("rotation_anchor",
              "required field is missing: give a sitting date held at the first venue of "
              "venue_rotation");
  }
  if (has_anchor && has_weekday &&
      std::chrono::weekday{std::chrono::sys_days{s.rotation_anchor}} != s.weekday) {
    r.problem("rotation_anchor", to_iso(s.rotation_anchor) + " is not a " +
                                     std::string(weekday_name(s.weekday)) +
                                     ", the day the panel sits");
  }
}

void read_schedule(TableReader& root, PanelType& p) {
  root.with_table("schedule", Need::required, [&](TableReader& r) {
    Schedule& s = p.schedule;
    bool has_weekday = r.weekday("weekday", s.weekday, Need::required);
    bool has_start = r.time("start", s.start, Need::required);
    bool has_end = r.time("end", s.end, Need::required);
    if (has_start && has_end && s.end <= s.start) {
      r.problem("end", "the sitting must end after it starts (" + to_hh_mm(s.start) + ")");
    }
    bool has_every = r.integer("every_weeks", s.every_weeks, Need::optional);
    require_positive(r, "every_weeks", s.every_weeks, has_every);
    read_rotation(r, p, has_weekday);
  });
}

void check_slot_fits(TableReader& r, const PanelType& p) {
  int sitting = static_cast<int>((p.schedule.end - p.schedule.start).count());
  if (sitting > 0 && p.slot_minutes > sitting) {
    r.problem("slot_minutes", "a slot of " + std::to_string(p.slot_minutes) +
                                  " minutes does not fit in a sitting of " +
                                  std::to_string(sitting) + " minutes");
  }
}

// [hearing]: how long a hearing lasts, who attends and who presents.
void read_hearing(TableReader& root, PanelType& p) {
  root.with_table("hearing", Need::required, [&](TableReader& r) {
    bool has_slot = r.integer("slot_minutes", p.slot_minutes, Need::required);
    require_positive(r, "slot_minutes", p.slot_minutes, has_slot);
    if (has_slot) {
      check_slot_fits(r, p);
    }
    bool has_extra =
        r.integer("extra_minutes_per_sibling", p.extra_minutes_per_sibling, Need::required);
    require_not_negative(r, "extra_minutes_per_sibling", p.extra_minutes_per_sibling, has_extra);
    p.hearing.attendees = r.roles("attendees");
    r.role("presented_by", p.hearing.presented_by, Need::optional);
    r.role("presenter_if_absent", p.hearing.presenter_if_absent);
  });
}

void read_decisions(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("decisions", [&](TableReader& r) {
    DecisionOption d;
    read_choice(r, d, ids);
    r.role("final_decision_by", d.final_decision_by);
    p.decisions.push_back(std::move(d));
  });
  IdSet outcome_ids;
  root.each_table("outcomes", [&](TableReader& r) {
    Choice o;
    read_choice(r, o, outcome_ids);
    if (p.decision(o.id)) {
      r.problem("id", quoted(o.id) +
                          " is already the id of a decision: outcomes and decisions "
                          "need different ids");
    }
    p.outcomes.push_back(std::move(o));
  });
}

bool is_decision_or_outcome(const PanelType& p, const std::string& id) {
  return p.decision(id) || p.outcome(id);
}

void read_timescales(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("timescales", [&](TableReader& r) {
    Timescale t;
    read_choice(r, t, ids);
    bool has_days = r.integer("working_days", t.working_days, Need::required);
    require_positive(r, "working_days", t.working_days, has_days);
    if (r.text("from", t.from, Need::required) &&
        !(t.from == "came_into_care" || t.from == "hearing" || t.from == "request_submitted")) {
      r.problem("from", quoted(t.from) +
                            " is not allowed: use came_into_care, hearing or request_submitted");
    }
    p.timescales.push_back(std::move(t));
  });
}

void read_escalation_steps(TableReader& ladder_reader, EscalationLadder& ladder) {
  int previous = -1;
  ladder_reader.each_table("steps", [&](TableReader& r) {
    EscalationStep s{.after_working_days = 0, .role = Role::practice_manager, .label = {}};
    bool has_days = r.integer("after_working_days", s.after_working_days, Need::required);
    require_not_negative(r, "after_working_days", s.after_working_days, has_days);
    if (has_days && s.after_working_days <= previous) {
      r.problem("after_working_days", "steps go in order: " + std::to_string(s.after_working_days) +
                                          " is not after the previous step's " +
                                          std::to_string(previous));
    }
    previous = has_days ? s.after_working_days : previous;
    r.role("role", s.role, Need::required);
    r.text("label", s.label, Need::optional);
    ladder.steps.push_back(std::move(s));
  });
  if (ladder.steps.empty()) {
    ladder_reader.problem("steps", "a ladder needs at least one step ([[escalations.steps]])");
  }
}

void read_escalations(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("escalations", [&](TableReader& r) {
    EscalationLadder l;
    read_choice(r, l, ids);
    if (r.text("applies_to", l.applies_to, Need::required) && l.applies_to != "any_action" &&
        !is_decision_or_outcome(p, l.applies_to)) {
      r.problem("applies_to", quoted(l.applies_to) +
                                  " is not the id of a decision or outcome, nor \"any_action\"");
    }
    if (r.text("from", l.from, Need::required) && l.from != "hearing" && l.from != "action_due") {
      r.problem("from", quoted(l.from) + " is not allowed: use \"hearing\" or \"action_due\"");
    }
    read_escalation_steps(r, l);
    p.escalations.push_back(std::move(l));
  });
}

void read_members(TableReader& root, PanelType& p) {
  root.each_table("members", [&](TableReader& r) {
    Member m{.role = Role::member, .label = {}};
    r.role("role", m.role, Need::required);
    r.text("label", m.label, Need::required);
    r.flag("as_relevant", m.as_relevant);
    m.required = !m.as_relevant;
    r.flag("required", m.required);
    if (m.required && m.as_relevant) {
      r.problem("required", "a member who attends as relevant to the case cannot be required");
    }
    p.members.push_back(std::move(m));
  });
  root.with_table("membership", Need::optional, [&](TableReader& r) {
    bool has_quorum = r.integer("quorum", p.quorum, Need::optional);
    require_not_negative(r, "quorum", p.quorum, has_quorum);
    if (has_quorum && p.quorum > static_cast<int>(p.members.size())) {
      r.problem("quorum", "a quorum of " + std::to_string(p.quorum) + " is more than the " +
                              std::to_string(p.members.size()) + " members listed");
    }
  });
}

void read_chair(TableReader& root, PanelType& p) {
  root.with_table("chair", Need::optional, [&](TableReader& r) {
    r.role("role", p.chair.role, Need::optional);
    r.flag("independent_of_line_management", p.chair.independent_of_line_management);
    r.role("disagreement_to", p.chair.disagreement_to);
  });
  bool chair_is_member = std::any_of(p.members.begin(), p.members.end(),
                                     [&](const Member& m) { return m.role == p.chair.role; });
  if (!p.members.empty() && !chair_is_member) {
    root.problem("members", "no member holds the chair's role (" +
                                std::string(role_id(p.chair.role)) + "): add one");
  }
}

// [after_panel]: how a child comes back to panel, and who approves a change of plan.
void read_after_panel(TableReader& root, PanelType& p) {
  root.with_table("after_panel", Need::optional, [&](TableReader& r) {
    ReturnToPanel& back = p.return_to_panel;
    if (r.text("return_to_panel", back.applies_to, Need::optional) &&
        !is_decision_or_outcome(p, back.applies_to)) {
      r.problem("return_to_panel",
                quoted(back.applies_to) + " is not the id of a decision or outcome");
    }
    r.role("progress_update_to", back.progress_update_to);
    r.role("change_of_plan_approval_by", p.change_of_plan_approval_by);
  });
}

void read_consultations(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("consultations", [&](TableReader& r) {
    Consultation c;
    read_choice(r, c, ids);
    r.role("role", c.role, Need::optional);
    r.text("with", c.with, Need::required);
    if (r.integer("siblings_at_least", c.siblings_at_least)) {
      require_positive(r, "siblings_at_least", *c.siblings_at_least, true);
    }
    p.consultations.push_back(std::move(c));
  });
}

// Sections with no line of their own are reported against the file.
void check_whole_panel(TableReader& root, const PanelType& p) {
  if (p.request_types.empty() && p.entry_criteria.empty()) {
    root.problem("request_types",
                 "a panel needs [[request_types]] or [[entry_criteria]]: neither is given");
  }
  if (p.decisions.empty() && p.outcomes.empty()) {
    root.problem("decisions", "a panel needs [[decisions]] or [[outcomes]]: neither is given");
  }
  if (p.members.empty()) {
    root.problem("members", "a panel needs at least one member ([[members]])");
  }
}

void read_panel(TableReader& r, PanelType& p) {
  read_identity(r, p);
  read_role_titles(r, p);
  read_requests(r, p);
  read_request_types(r, p);
  read_entry_criteria(r, p);
  read_approval_steps(r, p);
  read_documents(r, p);
  read_deadline(r, p);
  read_consultations(r, p);
  read_venues(r, p);
  read_schedule(r, p);
  read_hearing(r, p);
  read_decisions(r, p);
  read_timescales(r, p);
  read_escalations(r, p);
  read_members(r, p);
  read_chair(r, p);
  read_after_panel(r, p);
  check_whole_panel(r, p);
}

// toml++ reports syntax errors by exception or by result, depending on how
// it was built; both become one problem with the line it names.
std::variant<toml::table, Problem> parse_toml(std::string_view text, std::string_view source) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& err) {
    return Problem{std::string(source), static_cast<int>(err.source().begin.line), "",
                   "not valid TOML: " + std::string(err.description())};
  }
#else
  toml::parse_result result = toml::parse(text, source);
  if (!result) {
    return Problem{std::string(source), static_cast<int>(result.error().source().begin.line), "",
                   "not valid TOML: " + std::string(result.error().description())};
  }
  return std::move(result).table();
#endif
}

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

PanelType::Loaded PanelType::create(std::string_view toml_text, std::string_view source) {
  std::variant<toml::table, Problem> parsed = parse_toml(toml_text, source);
  if (auto* problem = std::get_if<Problem>(&parsed)) {
    return Loaded{std::nullopt, {std::move(*problem)}};
  }
  Problems problems(source);
  PanelType panel;
  panel.source = std::string(source);
  TableReader reader(std::get<toml::table>(parsed), "", 0, problems);
  read_panel(reader, panel);
  reader.finish();
  if (!problems.empty()) {
    return Loaded{std::nullopt, problems.take()};
  }
  return Loaded{std::move(panel), {}};
}

std::string PanelType::title_of(Role r) const {
  for (const auto& [role, title] : role_titles) {
    if (role == r) {
      return title;
    }
  }
  return std::string(role_title(r));
}

const RequestType* PanelType::request_type(std::string_view id) const {
  return find_by_id(request_types, id);
}

const EntryCriterion* PanelType::entry_criterion(std::string_view id) const {
  return find_by_id(entry_criteria, id);
}

const DecisionOption* PanelType::decision(std::string_view id) const {
  return find_by_id(decisions, id);
}

const Choice* PanelType::outcome(std::string_view id) const { return find_by_id(outcomes, id); }

const Venue* PanelType::venue(std::string_view id) const { return find_by_id(venues, id); }

// CLAM: a 15 minute slot for each child, and 15 more for each additional sibling.
int PanelType::hearing_minutes(int children) const {
  return slot_minutes + extra_minutes_per_sibling * std::max(0, children - 1);
}

}  // namespace casepanel::core
