// The checked readers of one TOML table of a panel file, and the helpers
// they share (see core/toml_table_reader.h).
#include "core/toml_table_reader.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace casepanel::core::panel_toml {

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

namespace {

std::optional<std::chrono::weekday> weekday_from_name(std::string_view text) {
  for (unsigned i = 0; i < 7; ++i) {
    std::string_view name = weekday_name(std::chrono::weekday{i});
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

}  // namespace

std::vector<Problem> Problems::take() {
  std::stable_sort(list_.begin(), list_.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return std::move(list_);
}

std::string TableReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

int TableReader::line_of_key(std::string_view key) const {
  const toml::node* node = table_.get(key);
  return node ? line_of(*node) : line_;
}

void TableReader::problem(std::string_view key, std::string message) {
  problems_.add(line_of_key(key), path(key), std::move(message));
}

const toml::node* TableReader::find(std::string_view key, Need need) {
  known_.insert(std::string(key));
  const toml::node* node = table_.get(key);
  if (!node && need == Need::required) {
    problem(key, "required field is missing");
  }
  return node;
}

bool TableReader::text(std::string_view key, std::string& out, Need need) {
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

bool TableReader::id(std::string_view key, std::string& out, Need need) {
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

bool TableReader::flag(std::string_view key, bool& out) {
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

bool TableReader::integer(std::string_view key, int& out, Need need) {
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

bool TableReader::integer(std::string_view key, std::optional<int>& out) {
  int value = 0;
  if (!integer(key, value, Need::optional)) {
    return false;
  }
  out = value;
  return true;
}

bool TableReader::role(std::string_view key, Role& out, Need need) {
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

bool TableReader::role(std::string_view key, std::optional<Role>& out) {
  Role value{};
  if (!role(key, value, Need::optional)) {
    return false;
  }
  out = value;
  return true;
}

bool TableReader::weekday(std::string_view key, std::chrono::weekday& out, Need need) {
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

bool TableReader::time(std::string_view key, LocalTime& out, Need need) {
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

bool TableReader::date(std::string_view key, Date& out, Need need) {
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

std::vector<std::pair<std::string, int>> TableReader::texts(std::string_view key) {
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

std::vector<Role> TableReader::roles(std::string_view key) {
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

const toml::array* TableReader::array(std::string_view key, Need need) {
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

void TableReader::accept_all_keys() {
  for (auto&& [key, value] : table_) {
    known_.insert(std::string(key.str()));
  }
}

void TableReader::finish() {
  for (auto&& [key, value] : table_) {
    if (!known_.count(std::string(key.str()))) {
      problems_.add(line_of(value), path(key.str()), unknown_key_message(key.str()));
    }
  }
}

std::string TableReader::indexed(std::string_view key, size_t i) const {
  return path(key) + "[" + std::to_string(i) + "]";
}

bool TableReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) {
  problem(key, "expected " + std::string(expected) + ", found " + std::string(kind_of(node)));
  return false;
}

std::string TableReader::unknown_key_message(std::string_view key) const {
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

void IdSet::add(TableReader& r, const std::string& id) {
  if (id.empty()) {
    return;
  }
  auto [it, inserted] = lines_.emplace(id, r.line_of_key("id"));
  if (!inserted) {
    r.problem("id", "duplicate id " + quoted(id) + " (already used on line " +
                        std::to_string(it->second) + ")");
  }
}

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
}  // namespace casepanel::core::panel_toml
