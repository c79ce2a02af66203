// `casepanel report annual`, against the real executable on a council with
// one CLAM decision in 2026 (1 December): both formats written whole, the
// export audited as the system, bad arguments refused with no file left.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/decided_hearing.h"
#include "support/run_command.h"
#include "support/world.h"
#include "support/xlsx_reader.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

class ReportCommand : public ::testing::Test {
 protected:
  ReportCommand() {
    testing::decided_hearing(w_, {w_.child_a});
    config_ = (w_.dir() / "casepanel.toml").string();
    std::ofstream(config_)
        << "[paths]\npanels = \""
        << (std::filesystem::path(CASEPANEL_SOURCE_DIR) / "config/panels").string()
        << "\"\n[audit]\nkey_file = \"" << (w_.dir() / "audit.key").string() << "\"\n";
    out_ = w_.dir() / "out";
    std::filesystem::create_directories(out_);
  }
  testing::CommandResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {CASEPANEL_BINARY, "report", "annual"});
    args.insert(args.end(), {"--database", w_.location(), "--config", config_, "--clock",
                             "2026-12-01T16:00:00Z"});
    return run_command(args);
  }
  static std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::int64_t events() {
    return testing::number(w_,
                           "SELECT COUNT(*) FROM audit_events WHERE action = 'report.export' AND "
                           "actor_id IS NULL AND detail LIKE '%command line%'");
  }

  testing::TestWorld w_;
  std::string config_;
  std::filesystem::path out_;
};

TEST_F(ReportCommand, WritesTheYearAsCsv) {
  const auto file = out_ / "review.csv";
  const auto r = run({"--year", "2026", "--panel", "clam", "--format", "csv", "--out", file});
  ASSERT_EQ(r.exit_status, 0) << r.stderr_text;
  EXPECT_NE(r.stdout_text.find("wrote " + file.string()), std::string::npos);
  const std::string csv = read(file);
  EXPECT_EQ(csv.rfind("panel,period_from,period_to,section,table,row,column,value,unit\r\n", 0),
            0u);
  // The one decision of 2026, counted as the page counts it.
  EXPECT_NE(csv.find(",2026-01-01,2026-12-31,Sittings,"), std::string::npos);
  EXPECT_NE(csv.find("Decisions and outcomes,Decisions and outcomes recorded,Total,Number,1,count"),
            std::string::npos)
      << csv.substr(0, 2000);
  EXPECT_EQ(events(), 1);
  // Only the file itself is left in the directory: the temporary one was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(out_), {}), 1);
}

TEST_F(ReportCommand, WritesTheYearAsAWorkbook) {
  const auto file = out_ / "review.xlsx";
  const auto r = run({"--year", "2026", "--format", "xlsx", "--out", file});
  ASSERT_EQ(r.exit_status, 0) << r.stderr_text;
  const testing::Xlsx x = testing::read_xlsx(file);
  ASSERT_EQ(x.error, "");
  ASSERT_GT(x.sheets.size(), 20u);
  const testing::XlsxSheet& about = *x.sheet("About");
  EXPECT_EQ(about.cells.at("B2").value, "Every panel");
  EXPECT_EQ(about.cells.at("B6").value, "The whole service");
  // 16:00 UTC on 1 December 2026 (GMT): 46357 + 16/24.
  EXPECT_EQ(about.cells.at("B5").value.substr(0, 11), "46357.66666");
  const testing::XlsxSheet* months = x.sheet("Requests by month submitted");
  ASSERT_NE(months, nullptr);
  EXPECT_EQ(months->pane.at("state"), "frozen");
  EXPECT_TRUE(months->cells.at("A1").bold);
  EXPECT_EQ(events(), 1);
}

TEST_F(ReportCommand, BadArgumentsAreRefusedAndNoFileIsWritten) {
  const auto file = out_ / "never.csv";
  const struct {
    std::vector<std::string> args;
    const char* says;
  } rows[] = {
      {{"--year", "2026", "--panel", "nonesuch", "--format", "csv"}, "no panel \"nonesuch\""},
      {{"--year", "twenty", "--format", "csv"}, "--year must be a year"},
      {{"--year", "26", "--format", "csv"}, "--year must be a year"},
      {{"--year", "2026", "--format", "pdf"}, "--format must be csv or xlsx"},
  };
  for (const auto& row : rows) {
    std::vector<std::string> args = row.args;
    args.insert(args.end(), {"--out", file.string()});
    const auto r = run(args);
    EXPECT_EQ(r.exit_status, 2) << row.says;
    EXPECT_NE(r.stderr_text.find(row.says), std::string::npos) << r.stderr_text;
  }
  // Without --year or --out: CLI11's own refusal.
  EXPECT_NE(run({"--format", "csv", "--out", file}).exit_status, 0);
  EXPECT_NE(run({"--year", "2026", "--format", "csv"}).exit_status, 0);
  EXPECT_TRUE(std::filesystem::is_empty(out_));
  EXPECT_EQ(events(), 0);
}

TEST_F(ReportCommand, AFileThatCannotBeWrittenIsAnErrorAndLeavesNothing) {
  const auto file = out_ / "missing-directory" / "review.csv";
  const auto r = run({"--year", "2026", "--format", "csv", "--out", file});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.stderr_text.find("cannot write"), std::string::npos) << r.stderr_text;
  EXPECT_TRUE(std::filesystem::is_empty(out_));
}

}  // namespace
}  // namespace casepanel::cli
