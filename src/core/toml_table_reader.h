// TableReader: reads the keys of one TOML table of a panel file, checking
// each value's type and form (text, id, whole number, role, weekday, time,
// date, list) and collecting a Problem with file, line and dotted field path
// for every mistake instead of stopping at the first. It remembers which keys
// it was asked for, so that finish() reports every other key as unknown (a
// typo must never be silently ignored), suggesting the nearest known key.
//
// Internal to the panel file reader (core/panel_toml*.cc): it exposes toml++
// types, which nothing else in casepanel includes. A TableReader refers to
// its table and its Problems; both must outlive it. Not thread-safe; one
// reader per file being read.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "core/panel_type.h"

namespace casepanel::core::panel_toml {

using Problem = PanelType::Problem;

enum class Need { optional, required };

std::string quoted(std::string_view text);
int line_of(const toml::node& node);
std::string_view kind_of(const toml::node& node);  // "a whole number", "a list" ...
std::string all_role_ids();                        // "social_worker, practice_manager, ..."

// Collects problems for one source text.
class Problems {
 public:
  explicit Problems(std::string_view source) : source_(source) {}
  void add(int line, std::string field, std::string message) {
    list_.push_back(Problem{source_, line, std::move(field), std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  // In file order, so the output reads top to bottom.
  std::vector<Problem> take();

 private:
  std::string source_;
  std::vector<Problem> list_;
};

class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, int line, Problems& problems)
      : table_(table), path_(std::move(path)), line_(line), problems_(problems) {}

  std::string path(std::string_view key) const;
  int line() const { return line_; }
  Problems& problems() { return problems_; }
  bool has(std::string_view key) const { return table_.contains(key); }
  // The line of a key's value, or of the table when the key is absent.
  int line_of_key(std::string_view key) const;
  void problem(std::string_view key, std::string message);
  const toml::table& table() const { return table_; }

  // Each reader returns whether it read a valid value into `out`; otherwise
  // it has recorded why (a missing required field, a wrong type, a bad form)
  // and left `out` unchanged.
  const toml::node* find(std::string_view key, Need need);
  bool text(std::string_view key, std::string& out, Need need);
  bool id(std::string_view key, std::string& out, Need need);
  bool flag(std::string_view key, bool& out);
  bool integer(std::string_view key, int& out, Need need);
  bool integer(std::string_view key, std::optional<int>& out);
  bool role(std::string_view key, Role& out, Need need);
  bool role(std::string_view key, std::optional<Role>& out);
  bool weekday(std::string_view key, std::chrono::weekday& out, Need need);
  // "13:30" in quotes, or a TOML time such as 13:30:00.
  bool time(std::string_view key, LocalTime& out, Need need);
  // 2024-01-02, or "2024-01-02" in quotes.
  bool date(std::string_view key, Date& out, Need need);
  // A list of strings, each with its line.
  std::vector<std::pair<std::string, int>> texts(std::string_view key);
  std::vector<Role> roles(std::string_view key);
  const toml::array* array(std::string_view key, Need need);

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
  void accept_all_keys();
  // Reports every key of the table that no reader asked for.
  void finish();

 private:
  std::string indexed(std::string_view key, size_t i) const;
  bool wrong_type(std::string_view key, const toml::node& node, std::string_view expected);
  std::string unknown_key_message(std::string_view key) const;

  const toml::table& table_;
  std::string path_;
  int line_;
  Problems& problems_;
  std::set<std::string> known_;
};

// Remembers the ids of one list, to report duplicates.
class IdSet {
 public:
  void add(TableReader& r, const std::string& id);
  bool contains(const std::string& id) const { return lines_.count(id) > 0; }

 private:
  std::map<std::string, int> lines_;
};

// id (checked and unique in `ids`), label and hint of a form option.
void read_choice(TableReader& r, Choice& c, IdSet& ids);
// The value is checked only when it was read, so a missing or mistyped value
// is reported once.
void require_positive(TableReader& r, std::string_view key, int value, bool was_read);
void require_not_negative(TableReader& r, std::string_view key, int value, bool was_read);

}  // namespace casepanel::core::panel_toml
