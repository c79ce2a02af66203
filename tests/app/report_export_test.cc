// The annual review's exports (app/report_export.h) from a Report made by
// hand: the CSV's quoting (RFC 4180), formula injection (OWASP), numbers
// kept as numbers and "[c]" kept as "[c]"; the workbook opened again and
// read: its sheets, frozen header rows, number formats and dates.
#include "app/report_export.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/display.h"
#include "support/world.h"
#include "support/xlsx_reader.h"

namespace casepanel::app {
namespace {

ReportCell words(std::string text, bool heading = false) {
  ReportCell c;
  c.text = std::move(text);
  c.heading = heading;
  return c;
}
ReportCell number(std::string text, CellKind kind) {
  ReportCell c;
  c.text = std::move(text);
  c.numeric = true;
  c.kind = kind;
  return c;
}

ReportTable table(std::string id, std::string title, std::vector<std::string> headings) {
  ReportTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.headings = std::move(headings);
  return t;
}

// Two sections; a table whose labels are awkward on purpose, and one whose
// title is too long for a sheet's name and has characters Excel refuses.
Report awkward_report() {
  Report r;
  r.scope = {"clam", *core::parse_iso_date("2026-01-01"), *core::parse_iso_date("2026-12-31")};
  r.panel_name = "CLAM panel";
  r.period_text = "1 January 2026 to 31 December 2026";
  ReportTable volumes = table("volumes.by_team", "Requests by team", {"Team", "Number", "Share"});
  volumes.rows = {
      {words("North, East", true), number("12", CellKind::count), number("75%", CellKind::percent)},
      {words("Say \"hello\"\nthen go", true), number("3", CellKind::count),
       number("-", CellKind::words)},
      {words("=HYPERLINK(\"http://x\")", true), number("[c]", CellKind::suppressed),
       number("4.5", CellKind::decimal)},
      {words("Total", true), number("16", CellKind::count), number("100%", CellKind::percent)},
  };
  ReportTable odd =
      table("equality.odd", "Children: age/gender [by] year? * a very long title indeed",
            {"Group", "Median"});
  odd.rows = {{words("+1 then @home", true), number("4", CellKind::decimal)},
              {words("-rest", true), number("-3", CellKind::number)}};
  ReportTable again =
      table("equality.again", "Children: age/gender [by] year? * a very long title too",
            {"Group", "Number"});
  again.rows = {{words("\tTabbed", true), number("0", CellKind::count)}};
  // No rows: a sheet with its headings, and no line of the CSV.
  const ReportTable late =
      table("volumes.cutoff", "Requests and the cut-off (late or on time)", {"Sent", "Number"});
  r.sections = {{"volumes", "Volumes", {volumes, late}}, {"equality", "Equality", {odd, again}}};
  return r;
}

std::vector<std::string> lines_of(const std::string& csv) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < csv.size()) {
    const std::size_t end = csv.find("\r\n", at);
    out.push_back(csv.substr(at, end - at));
    at = end == std::string::npos ? csv.size() : end + 2;
  }
  return out;
}

TEST(ReportCsv, OneLineAFigureQuotedAsRfc4180Says) {
  const std::string csv = report_csv(awkward_report());
  const auto lines = lines_of(csv);
  ASSERT_EQ(lines.size(), 1u + 8 + 2 + 1);
  EXPECT_EQ(lines[0], "panel,period_from,period_to,section,table,row,column,value,unit");
  const std::string at = "CLAM panel,2026-01-01,2026-12-31,";
  EXPECT_EQ(lines[1], at + "Volumes,Requests by team,\"North, East\",Number,12,count");
  EXPECT_EQ(lines[2], at + "Volumes,Requests by team,\"North, East\",Share,75,percent");
  // A quote is doubled, a line break kept inside the quotes.
  EXPECT_EQ(lines[3],
            at + "Volumes,Requests by team,\"Say \"\"hello\"\"\nthen go\",Number,3,count");
  // "-" (nothing to work a share out of) is an empty value: missing in R and pandas.
  EXPECT_EQ(lines[4], at + "Volumes,Requests by team,\"Say \"\"hello\"\"\nthen go\",Share,,");
  // CRLF ends every line, the last too; no byte order mark.
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  EXPECT_EQ(csv.substr(0, 5), "panel");
}

TEST(ReportCsv, FormulasAreNeutralisedAndNumbersStayNumbers) {
  const auto lines = lines_of(report_csv(awkward_report()));
  const std::string at = "CLAM panel,2026-01-01,2026-12-31,";
  EXPECT_EQ(lines[5],
            at + "Volumes,Requests by team,\"'=HYPERLINK(\"\"http://x\"\")\",Number,[c],count");
  EXPECT_EQ(lines[6],
            at + "Volumes,Requests by team,\"'=HYPERLINK(\"\"http://x\"\")\",Share,4.5,number");
  const std::string odd =
      at + "Equality,Children: age/gender [by] year? * a very long title indeed,";
  EXPECT_EQ(lines[9], odd + "'+1 then @home,Median,4,number");
  EXPECT_EQ(lines[10], odd + "'-rest,Median,-3,number");  // a negative number is not a formula
  EXPECT_NE(lines[11].find(",'\tTabbed,Number,0,count"), std::string::npos) << lines[11];
  const struct {
    const char* text;
    const char* safe;
  } rows[] = {
      {.text = "=1+2", .safe = "'=1+2"},
      {.text = "+44 1234", .safe = "'+44 1234"},
      {.text = "-2+3", .safe = "'-2+3"},
      {.text = "@SUM(A1)", .safe = "'@SUM(A1)"},
      {.text = "\tx", .safe = "'\tx"},
      {.text = "\rx", .safe = "'\rx"},
      {.text = "Team = North", .safe = "Team = North"},
      {.text = "", .safe = ""},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(neutralise_formula(row.text), row.safe) << row.text;
  }
}

TEST(ReportXlsx, OneSheetATableWithFrozenBoldHeadingsAndNumberFormats) {
  const auto dir = testing::make_temp_dir();
  const std::string bytes = report_xlsx(awkward_report(), parse_utc("2026-07-01T08:30:00Z"));
  const auto file = dir / "review.xlsx";
  std::ofstream(file, std::ios::binary) << bytes;
  const testing::Xlsx x = testing::read_xlsx(file);
  ASSERT_EQ(x.error, "");
  ASSERT_EQ(x.sheets.size(), 5u);
  EXPECT_EQ(x.sheets[0].name, "About");
  EXPECT_EQ(x.sheets[1].name, "Requests by team");
  EXPECT_EQ(x.sheets[2].name, "Requests and the cut-off");
  // At most 31 characters, cut at a word, none of []:*?/\, unique.
  EXPECT_EQ(x.sheets[3].name, "Children  age gender  by  year");
  EXPECT_EQ(x.sheets[4].name, "Children  age gender  by (2)");
  const testing::XlsxSheet& t = *x.sheet("Requests by team");
  EXPECT_EQ(t.pane.at("state"), "frozen");
  EXPECT_EQ(t.pane.at("ySplit"), "1");
  EXPECT_EQ(t.cells.at("A1").value, "Team");
  EXPECT_TRUE(t.cells.at("A1").bold);
  EXPECT_EQ(t.cells.at("B2").type, "n");
  EXPECT_EQ(t.cells.at("B2").value, "12");
  EXPECT_EQ(t.cells.at("B2").format, "#,##0");
  EXPECT_EQ(t.cells.at("C2").value, "0.75");
  EXPECT_EQ(t.cells.at("C2").format, "0%");
  EXPECT_EQ(t.cells.at("B4").type, "s");
  EXPECT_EQ(t.cells.at("B4").value, "[c]");
  EXPECT_EQ(t.cells.at("C4").value, "4.5");
  EXPECT_EQ(t.cells.at("C4").format, "0.0");
  EXPECT_EQ(t.cells.at("C3").value, "-");
  // A label is text, never a formula, whatever it begins with.
  EXPECT_EQ(t.cells.at("A4").type, "s");
  EXPECT_EQ(x.sheet("Children  age gender  by  year")->cells.at("B2").format, "0.0");
  std::filesystem::remove_all(dir);
}

TEST(ReportXlsx, TheAboutSheetSaysWhatWhenAndHowSmallNumbersAreShown) {
  const auto dir = testing::make_temp_dir();
  const auto file = dir / "review.xlsx";
  std::ofstream(file, std::ios::binary)
      << report_xlsx(awkward_report(), parse_utc("2026-07-01T08:30:00Z"));
  const testing::Xlsx x = testing::read_xlsx(file);
  ASSERT_EQ(x.error, "");
  const testing::XlsxSheet& about = *x.sheet("About");
  EXPECT_EQ(about.cells.at("B2").value, "CLAM panel");
  // Dates are Excel's serial days with a date format: 1 January 2026 is 46023.
  EXPECT_EQ(about.cells.at("B3").value, "46023");
  EXPECT_EQ(about.cells.at("B3").format, "d mmmm yyyy");
  EXPECT_EQ(about.cells.at("B4").value, "46387");
  // Generated at 09:30 British Summer Time (08:30 UTC): 46204 + 9.5/24.
  EXPECT_EQ(about.cells.at("B5").value.substr(0, 11), "46204.39583");
  EXPECT_EQ(about.cells.at("B5").format, "d mmmm yyyy hh:mm");
  EXPECT_NE(about.cells.at("B7").value.find("[c]"), std::string::npos);
  EXPECT_EQ(about.cells.at("A11").value, "Requests by team");
  ASSERT_FALSE(about.hyperlinks.empty());
  EXPECT_EQ(about.hyperlinks[0], "'Requests by team'!A1");
  std::filesystem::remove_all(dir);
}

TEST(ReportXlsx, LeavesNothingInTheTemporaryDirectory) {
  const auto dir = testing::make_temp_dir();
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before ? before : "";
  setenv("TMPDIR", dir.c_str(), 1);
  const std::string bytes = report_xlsx(awkward_report(), parse_utc("2026-07-01T08:30:00Z"));
  before ? setenv("TMPDIR", saved.c_str(), 1) : unsetenv("TMPDIR");
  EXPECT_EQ(bytes.substr(0, 2), "PK");  // a zip
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::app
