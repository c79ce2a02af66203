// SQL lives only in src/store/ (DESIGN.md, Layers; issue 11): every string
// literal in the other layers' sources is read, and one that holds SQL fails
// the test, naming the file and line. tests/ may hold SQL (fixtures read the
// database directly), so only src/ is scanned.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Literal {
  int line = 0;
  std::string text;
};

// The string literals of a C++ source, raw strings included; comments and
// character literals are skipped so that '"' or a comment about SQL is not
// taken for SQL.
class LiteralReader {
 public:
  explicit LiteralReader(const std::string& source) : s_(source) {}

  std::vector<Literal> read() {
    std::vector<Literal> out;
    while (i_ < s_.size()) {
      if (starts("//")) {
        skip_to("\n");
      } else if (starts("/*")) {
        skip_to("*/");
      } else if (s_[i_] == '\'') {
        quoted('\'');
      } else if (starts("R\"") && (i_ == 0 || !word_char(s_[i_ - 1]))) {
        out.push_back(raw());
      } else if (s_[i_] == '"') {
        out.push_back(quoted('"'));
      } else {
        advance();
      }
    }
    return out;
  }

 private:
  static bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
  bool starts(std::string_view p) const { return s_.compare(i_, p.size(), p) == 0; }
  void advance() {
    if (s_[i_] == '\n') {
      ++line_;
    }
    ++i_;
  }
  void skip_to(std::string_view end) {
    while (i_ < s_.size() && !starts(end)) {
      advance();
    }
    for (std::size_t k = 0; k < end.size() && i_ < s_.size(); ++k) {
      advance();
    }
  }
  Literal quoted(char quote) {
    Literal lit{line_, {}};
    advance();
    while (i_ < s_.size() && s_[i_] != quote && s_[i_] != '\n') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        advance();
      }
      lit.text += s_[i_];
      advance();
    }
    if (i_ < s_.size()) {
      advance();
    }
    return lit;
  }
  Literal raw() {
    Literal lit{line_, {}};
    i_ += 2;
    const std::size_t open = s_.find('(', i_);
    const std::string end = ")" + s_.substr(i_, open - i_) + "\"";
    i_ = open + 1;
    while (i_ < s_.size() && !starts(end)) {
      lit.text += s_[i_];
      advance();
    }
    i_ += end.size();
    return lit;
  }

  const std::string& s_;
  std::size_t i_ = 0;
  int line_ = 1;
};

bool holds_sql(const std::string& text) {
  // Upper-case keywords as this project writes SQL; English in messages is
  // never written in capitals like these.
  static const std::regex kSql(
      R"(\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WHERE\s|)"
      R"(FROM\s+[a-z_]+(\s+[a-z]\b|\s*$|\s+(WHERE|JOIN|ORDER|GROUP|LIMIT|LEFT|INNER)\b)|JOIN\s+\w+|RETURNING\s|ON\s+CONFLICT|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX)|COALESCE\(|COUNT\(\*\)))");
  return std::regex_search(text, kSql);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SqlPlacement, TheReaderFindsSqlInLiteralsAndNotInCommentsOrMessages) {
  const std::string source = R"SOURCE(
// SELECT id FROM requests WHERE x: a comment, not SQL
/* DELETE FROM children */
const char* message = "Select the children FROM the list"; char q = '"';
auto rows = tx.query("SELECT id, name "
                     "FROM children WHERE team_id = $1", {team});
const char* ddl = R"SQL(
CREATE TABLE x (id INTEGER)
)SQL";
std::string escaped = "say \"UPDATE\" please";
)SOURCE";
  std::vector<int> lines;
  for (const Literal& lit : LiteralReader(source).read()) {
    if (holds_sql(lit.text)) {
      lines.push_back(lit.line);
    }
  }
  EXPECT_EQ(lines, (std::vector<int>{5, 6, 7}));
}

TEST(SqlPlacement, NoSqlOutsideTheStoreLayer) {
  const fs::path src = fs::path(CASEPANEL_SOURCE_DIR) / "src";
  ASSERT_TRUE(fs::is_directory(src)) << src;
  std::vector<std::string> found;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || (p.extension() != ".cc" && p.extension() != ".h")) {
      continue;
    }
    const std::string relative = fs::relative(p, src).generic_string();
    if (relative.rfind("store/", 0) == 0) {
      continue;
    }
    ++files;
    const std::string source = slurp(p);
    for (const Literal& lit : LiteralReader(source).read()) {
      if (holds_sql(lit.text)) {
        found.push_back("src/" + relative + ":" + std::to_string(lit.line) + ": " +
                        lit.text.substr(0, 60));
      }
    }
  }
  EXPECT_GT(files, 50);
  std::string report;
  for (const std::string& f : found) {
    report += f + "\n";
  }
  EXPECT_TRUE(found.empty()) << found.size() << " SQL literals outside src/store/:\n" << report;
}

}  // namespace
