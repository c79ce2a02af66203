// The annual review over HTTP (web/pages_reports.cc): who may open it (a
// group manager for their line's teams, the assistant director and the
// auditor the whole service; nobody else, the administrator least of all),
// the audit events a report and a list of cases write, and a period whose
// end is before its start answered with the GOV.UK error summary; and the
// exports (GET /reports/export): their headers, access, audit and bad input.
#include <gtest/gtest.h>

#include <regex>

#include "app/display.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class ReportsHttp : public SiteFixture {
 protected:
  ReportsHttp() {
    testing::add_person(world_, "ad@test", "assistant_director");
    world_.clock().set(app::parse_utc("2024-01-15T09:00:00Z"));
    // One request in team A (the group manager's line) and one in a team
    // outside it, both submitted in 2023.
    world_.db().write_all([&](store::Tx& tx) {
      const std::int64_t locality =
          tx.query_one("SELECT locality_id FROM teams WHERE id = $1", {world_.team_a})->integer(0);
      const std::int64_t team_c = tx.insert(
          "INSERT INTO teams (name, kind, locality_id) VALUES ('Team Outside', '', $1) RETURNING "
          "id",
          {locality});
      for (const std::int64_t team : {world_.team_a, team_c}) {
        const std::int64_t id = tx.insert(
            "INSERT INTO requests (panel_id, state, request_type, author_id, team_id, created_at, "
            "submitted_at, updated_at) VALUES ('clam', 'submitted', 'section_20_plan_review', $1, "
            "$2, '2023-03-01T10:00:00Z', '2023-03-01T10:00:00Z', '2023-03-01T10:00:00Z') "
            "RETURNING id",
            {world_.sw_a, team});
        tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)",
                {id, world_.child_a});
      }
    });
  }
  std::int64_t events(const std::string& action) {
    return number("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action});
  }
  static int rows(const std::string& html, const std::string& table_id) {
    const auto at = html.find("id=\"" + table_id + "\"");
    if (at == std::string::npos) {
      return -1;
    }
    const std::string table = html.substr(at, html.find("</table>", at) - at);
    const std::regex row(R"(<tr class="govuk-table__row"><td)");
    return static_cast<int>(std::distance(std::sregex_iterator(table.begin(), table.end(), row),
                                          std::sregex_iterator()));
  }
  static constexpr const char* kYear = "/reports?panel=&period=year&year=2023";
  // Who gets the review (and its lists and exports): 200, or refused.
  struct WhoMay {
    const char* email;
    int status;
  };
  static constexpr WhoMay kWhoMayOpen[] = {
      {"sw_a@test", 403}, {"pm_a@test", 403}, {"coord@test", 403},   {"sysadmin@test", 403},
      {"gm@test", 200},   {"ad@test", 200},   {"auditor@test", 200},
  };
};

TEST_F(ReportsHttp, OnlyGroupManagersTheAssistantDirectorAndTheAuditorMayOpenIt) {
  for (const auto& row : kWhoMayOpen) {
    Client c = signed_in(row.email);
    EXPECT_EQ(c.get(kYear).status, row.status) << row.email;
    EXPECT_EQ(c.get("/reports/cases?period=year&year=2023&measure=requests_by_type").status,
              row.status)
        << row.email;
    const bool linked = c.get("/").body.find("href=\"/reports\"") != std::string::npos;
    EXPECT_EQ(linked, row.status == 200) << row.email << ": the navigation's link";
  }
}

TEST_F(ReportsHttp, AGroupManagerSeesTheirLinesTeamsAndOversightSeesAll) {
  Client gm = signed_in("gm@test");
  const Reply mine = gm.get(kYear);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body.find("Team Outside"), std::string::npos);
  EXPECT_NE(mine.body.find("in your line management only"), std::string::npos);
  EXPECT_EQ(mine.header("Cache-Control"), "no-store");
  const Reply cases = gm.get("/reports/cases?period=year&year=2023&measure=requests_by_type");
  EXPECT_EQ(rows(cases.body, "cases"), 1);

  Client ad = signed_in("ad@test");
  const Reply all = ad.get(kYear);
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("Team Outside"), std::string::npos);
  const Reply every = ad.get("/reports/cases?period=year&year=2023&measure=requests_by_type");
  EXPECT_EQ(rows(every.body, "cases"), 2);
  EXPECT_NE(every.body.find("2 counted from"), std::string::npos);
  EXPECT_NE(every.body.find("Cases: Requests by request type</h1>"), std::string::npos);
}

TEST_F(ReportsHttp, EachReportAndEachListOfCasesIsAnAuditEvent) {
  Client auditor = signed_in("auditor@test");
  ASSERT_EQ(auditor.get(kYear).status, 200);
  EXPECT_EQ(events("report.view"), 1);
  ASSERT_EQ(
      auditor.get("/reports/cases?period=year&year=2023&measure=requests_by_month&key=2023-03")
          .status,
      200);
  EXPECT_EQ(events("report.cases"), 1);
  EXPECT_EQ(events("report.view"), 1);
}

TEST_F(ReportsHttp, APeriodEndingBeforeItStartsIsShownAsAnErrorAndNothingIsCounted) {
  Client ad = signed_in("ad@test");
  const Reply r = ad.get(
      "/reports?panel=&period=range&from-day=6&from-month=4&from-year=2023&to-day=5&to-month=4&"
      "to-year=2023");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("The end of the period must be the same as or after the start"),
            std::string::npos);
  EXPECT_NE(r.body.find("id=\"to-error\""), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"report-heading\""), std::string::npos);
  EXPECT_EQ(events("report.view"), 0);
  const Reply panel = ad.get("/reports?panel=nonesuch&period=year&year=2023");
  EXPECT_NE(panel.body.find("Select a panel from the list"), std::string::npos);
  EXPECT_EQ(ad.get("/reports/cases?period=year&year=2023&measure=nonesuch").status, 404);
}

TEST_F(ReportsHttp, AQuartersYearIsTheFieldUnderItsRadio) {
  Client ad = signed_in("ad@test");
  const Reply q = ad.get("/reports?panel=&period=quarter&quarter=2&quarter_year=2023&year=1999");
  ASSERT_EQ(q.status, 200);
  EXPECT_NE(q.body.find("1 April 2023 to 30 June 2023"), std::string::npos) << q.body;
  EXPECT_NE(q.body.find("id=\"quarter_year\" name=\"quarter_year\" type=\"text\" "
                        "inputmode=\"numeric\" value=\"2023\""),
            std::string::npos);

  const Reply bad =
      ad.get("/reports?panel=&period=quarter&quarter=2&quarter_year=twenty&year=2023");
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#quarter_year\""), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("id=\"quarter_year-error\""), std::string::npos);
  EXPECT_EQ(bad.body.find("id=\"report-heading\""), std::string::npos);
}

TEST_F(ReportsHttp, TheReviewLinksToItsExportsWithTheSameFilters) {
  Client ad = signed_in("ad@test");
  const Reply r = ad.get("/reports?panel=clam&period=quarter&year=2023&quarter=1");
  ASSERT_EQ(r.status, 200);
  const std::string scope =
      "panel=clam&amp;period=range&amp;from-day=1&amp;from-month=1&amp;from-year=2023&amp;"
      "to-day=31&amp;to-month=3&amp;to-year=2023";
  EXPECT_NE(r.body.find("href=\"/reports/export?" + scope + "&amp;format=csv\""),
            std::string::npos);
  EXPECT_NE(r.body.find("href=\"/reports/export?" + scope + "&amp;format=xlsx\""),
            std::string::npos);
  EXPECT_NE(r.body.find("Download as Excel (XLSX)"), std::string::npos);
}

TEST_F(ReportsHttp, ADownloadIsAnAttachmentNeverCachedAndAuditedFirst) {
  Client ad = signed_in("ad@test");
  const Reply csv = ad.get("/reports/export?panel=&period=year&year=2023&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("Content-Disposition")
                .rfind("attachment; filename=\"annual-review-all-2023-01-01-2023-12-31.csv\"", 0),
            0u)
      << csv.header("Content-Disposition");
  EXPECT_EQ(csv.header("Cache-Control"), "no-store");
  EXPECT_EQ(
      csv.body.rfind("panel,period_from,period_to,section,table,row,column,value,unit\r\n", 0), 0u);
  EXPECT_NE(csv.body.find("Team Outside"), std::string::npos);
  EXPECT_EQ(events("report.export"), 1);
  EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = 'report.export' AND detail "
                   "LIKE $1",
                   {"%\"bytes\":" + std::to_string(csv.body.size()) + "%"}),
            1);

  const Reply xlsx = ad.get("/reports/export?panel=clam&period=year&year=2023&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(xlsx.header("Content-Disposition")
                .find("filename=\"annual-review-clam-2023-01-01-2023-12-31.xlsx\""),
            std::string::npos);
  EXPECT_EQ(xlsx.header("Cache-Control"), "no-store");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(events("report.export"), 2);
  EXPECT_EQ(events("report.view"), 0);  // an export is its own event
}

TEST_F(ReportsHttp, OnlyThoseWhoMayOpenTheReviewMayDownloadItAndAManagerGetsTheirLine) {
  for (const auto& row : kWhoMayOpen) {
    Client c = signed_in(row.email);
    const Reply r = c.get("/reports/export?period=year&year=2023&format=csv");
    EXPECT_EQ(r.status, row.status) << row.email;
    EXPECT_EQ(r.body.find("Team Outside") != std::string::npos,
              std::string(row.email) != "gm@test" && row.status == 200)
        << row.email;
  }
  EXPECT_EQ(events("report.export"), 3);
}

TEST_F(ReportsHttp, ABadPeriodOrFormatDownloadsNothing) {
  Client ad = signed_in("ad@test");
  const Reply r = ad.get(
      "/reports/export?panel=&period=range&from-day=6&from-month=4&from-year=2023&to-day=5&"
      "to-month=4&to-year=2023&format=csv");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("Content-Disposition"), "");
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"to-error\""), std::string::npos);
  const Reply panel = ad.get("/reports/export?panel=nonesuch&period=year&year=2023&format=xlsx");
  EXPECT_NE(panel.body.find("Select a panel from the list"), std::string::npos);
  EXPECT_EQ(ad.get("/reports/export?period=year&year=2023&format=pdf").status, 404);
  EXPECT_EQ(events("report.export"), 0);
}

// The cases behind a figure, a page of 50 at a time (the GOV.UK pagination
// component), every link keeping the list's other parameters; a page past
// the last shows the last, a page that is not a number the first, each with
// a message; each page viewed is audited with its number.
TEST_F(ReportsHttp, TheCasesComeFiftyAPageWithPreviousNextAndNumberedLinks) {
  world_.db().write_all([&](store::Tx& tx) {
    for (int i = 0; i < 118; ++i) {
      tx.exec(
          "INSERT INTO requests (panel_id, state, request_type, author_id, team_id, created_at, "
          "submitted_at, updated_at) VALUES ('clam', 'submitted', 'section_20_plan_review', $1, "
          "$2, '2023-05-01T10:00:00Z', '2023-05-02T10:00:00Z', '2023-05-02T10:00:00Z')",
          {world_.sw_a, world_.team_a});
    }
  });
  Client ad = signed_in("ad@test");
  const std::string list = "/reports/cases?measure=requests_by_type&period=year&year=2023";
  const std::string href = "/reports/cases?measure=requests_by_type&amp;period=year&amp;year=2023";
  const Reply second = ad.get(list + "&page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(rows(second.body, "cases"), 50);
  EXPECT_NE(second.body.find("Showing 51 to 100 of 120 cases"), std::string::npos);
  EXPECT_NE(second.body.find("<nav class=\"govuk-pagination\" aria-label=\"Pages of the cases\">"),
            std::string::npos);
  EXPECT_NE(second.body.find("href=\"" + href + "&amp;page=1\" rel=\"prev\""), std::string::npos)
      << second.body;
  EXPECT_NE(second.body.find("href=\"" + href + "&amp;page=3\" rel=\"next\""), std::string::npos);
  EXPECT_NE(second.body.find("aria-label=\"Page 2\" aria-current=\"page\""), std::string::npos);
  EXPECT_EQ(second.header("Cache-Control"), "no-store");

  const Reply first = ad.get(list);
  EXPECT_EQ(rows(first.body, "cases"), 50);
  EXPECT_NE(first.body.find("Showing 1 to 50 of 120 cases"), std::string::npos);
  EXPECT_EQ(first.body.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(first.body.find("id=\"page-message\""), std::string::npos);
  const Reply third = ad.get(list + "&page=3");
  EXPECT_EQ(rows(third.body, "cases"), 20);
  EXPECT_EQ(third.body.find("rel=\"next\""), std::string::npos);

  const Reply past = ad.get(list + "&page=99");
  ASSERT_EQ(past.status, 200);
  EXPECT_NE(past.body.find("There is no page 99: the list has 3 pages. This is the last."),
            std::string::npos);
  EXPECT_NE(past.body.find("Showing 101 to 120 of 120 cases"), std::string::npos);
  for (const char* bad : {"abc", "0", "-1", "2.5", "9999999999"}) {
    const Reply r = ad.get(list + "&page=" + bad);
    ASSERT_EQ(r.status, 200) << bad;
    EXPECT_NE(r.body.find("A page number is a whole number, like 2: this is the first page."),
              std::string::npos)
        << bad;
    EXPECT_NE(r.body.find("Showing 1 to 50 of 120 cases"), std::string::npos) << bad;
  }
  EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = 'report.cases' AND detail "
                   "LIKE '%\"page\":2%'"),
            1);
  EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = 'report.cases' AND detail "
                   "LIKE '%\"page\":3%' AND detail LIKE '%\"shown\":20%'"),
            2);
}

}  // namespace
}  // namespace casepanel::web
