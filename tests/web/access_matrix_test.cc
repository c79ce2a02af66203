// The access matrix (issue: least privilege by relationship), generated from
// the router: every route the Site has must have a row here, and each row
// gives, for every role, the answer for a record in each relationship:
//   own team | other team | on the agenda | not on it | author (own draft)
// 'A' is "allowed past access control": any status but 403 and 404 (a page,
// a redirect, or a form error or conflict from a POST with an empty body);
// 'R' is refused: 403 (role) or 404 (record out of scope). A route added
// without its row fails EveryRouteHasItsRow by name.
//
// The records (built in the fixture, as a council would make them):
//   child:   own = child_a, other = child_b, agenda = sibling_1, not = child_a
//   request: own/not = a submitted team A request on no sitting, other = a
//            submitted team B request, agenda = team A's request on the
//            published sitting, author = sw_a's draft
//   paper:   each request's uploaded referral
//   sitting: agenda = the published sitting; not = one whose member list
//            leaves the chair and member out; own/other/author = agenda
//   hearing: the hearing on the published sitting, in every column
//   consultation: a referral of team B's second request to the seat
//            member@test holds, in every column
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "app/papers.h"
#include "app/requests.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "app/triage_outcomes.h"
#include "store/crypto.h"
#include "store/seats.h"
#include "support/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

// Roles in the order of each row's groups.
constexpr const char* kRoles[] = {
    "social_worker", "practice_manager", "group_manager",      "coordinator", "panel_admin",
    "chair",         "member",           "assistant_director", "auditor",     "admin"};
constexpr std::size_t kColumns = 5;  // own, other, agenda, not, author

struct Expectation {
  const char* method;
  const char* pattern;
  // Ten groups of five letters, one group per role in kRoles' order.
  const char* cells;
};

// clang-format off
const Expectation kMatrix[] = {
    // Public pages and the API (no session: http_test.cc covers them).
    {"GET", "/healthz", "public"},
    {"GET", "/sign-in", "public"},
    {"POST", "/sign-in", "public"},
    {"GET", "/sign-in/two-factor", "public: the pending sign-in's cookie"},
    {"POST", "/sign-in/two-factor", "public: the pending sign-in's cookie"},
    {"GET", "/set-password/{token}", "public: the link's token"},
    {"POST", "/set-password/{token}", "public: the link's token"},
    {"GET", "/password-set", "public"},
    {"GET", "/api/v1/children", "api token: view_children, scope as the web"},
    {"GET", "/api/v1/children/{id}/decisions", "api token: view_children, scope as the web (api_decisions_http_test.cc)"},
    {"GET", "/api/v1/decisions", "api token: view_children, feed in scope (api_decisions_http_test.cc)"},
    //                                                     sw    pm    gm    coord padm  chair membr AD    audit admin
    {"GET", "/",                                          "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"GET", "/children",                                  "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA RRRRR"},
    {"GET", "/children/{id}",                             "ARAAA ARAAA AAAAA AAAAA AAAAA RRARR RRARR RRRRR AAAAA RRRRR"},
    {"GET", "/requests/new",                              "AAAAA AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/requests/{id}",                             "ARAAA ARAAA AAAAA AAAAR AAAAR RRARR RRARR RRRRR AAAAA RRRRR"},
    {"GET", "/requests/{id}/edit/{section}",              "ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/requests/{id}/check",                       "ARAAA ARAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/requests/{id}/papers",                      "ARAAA ARAAA AAAAA AAAAR AAAAR RRARR RRARR RRRRR AAAAA RRRRR"},
    {"GET", "/papers/{id}",                               "ARAAA ARAAA AAAAA AAAAR AAAAR RRARR RRARR RRRRR AAAAA RRRRR"},
    {"GET", "/watch",                                     "RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/children/{id}/discussions/new",             "RRRRR ARAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/sittings",                                  "RRRRR AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA RRRRR"},
    {"GET", "/sittings/new",                              "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/sittings/past",                             "RRRRR AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA RRRRR"},
    {"GET", "/sittings/{id}",                             "RRRRR RRRRR AAAAA AAAAA AAAAA AAARA AAARA RRRRR AAAAA RRRRR"},
    {"GET", "/sittings/{id}/print",                       "RRRRR RRRRR AAAAA AAAAA AAAAA AAARA AAARA RRRRR AAAAA RRRRR"},
    {"GET", "/hearings/{id}/decision",                    "RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // Minutes: the sittings are ahead, so the administrators' answers are
    // 409 (not yet); the chair of the agenda's sitting may read them (it has
    // no chair named: every chair is its authoriser); members and the
    // auditor read authorised minutes only, and none are.
    {"GET", "/sittings/{id}/minutes",                     "RRRRR RRRRR RRRRR AAAAA AAAAA AAARA RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/sittings/{id}/minutes/print",               "RRRRR RRRRR RRRRR AAAAA AAAAA AAARA RRRRR RRRRR RRRRR RRRRR"},
    // A child's extract is found only for a child heard at that sitting (the
    // not-on-agenda column's sitting hears child_a): 404 for the others.
    {"GET", "/sittings/{id}/minutes/children/{child}/print","RRRRR RRRRR RRRRR RRRAR RRRAR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/triage",                                    "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR"},
    {"GET", "/triage/proposal",                           "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR"},
    {"GET", "/requests/{id}/triage",                      "RRRRR RRRRR RRRRR AARAR RRRRR RRRRR RRRRR RRRRR AARAR RRRRR"},
    // After panel: everyone with follow-up sees their own list; the team
    // view is the managers' (and the auditor's). The fixture holds no
    // action, so each action's page is not found for everyone: who may
    // see and close one is tested on real actions in actions_http_test.cc.
    {"GET", "/actions",                                   "AAAAA AAAAA AAAAA AAAAA AAAAA RRRRR RRRRR RRRRR AAAAA RRRRR"},
    {"GET", "/actions/team",                              "RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR"},
    {"GET", "/actions/{id}",                              "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/actions/{id}/evidence",                     "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/actions/{id}/done",                        "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/actions/{id}/not-done",                    "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // Returns to panel: the fixture has none (after_panel_http_test.cc has them).
    {"GET", "/returns/{id}",                              "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/returns/{id}/review",                      "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/returns/{id}/update",                      "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/returns/{id}/consider",                    "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // Changes of plan: the fixture holds no decision record or change
    // (after_panel_http_test.cc has them).
    {"GET", "/decisions/{id}/change-plan",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/decisions/{id}/change-plan",               "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/plan-changes/{id}",                         "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/plan-changes/{id}/decide",                 "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // Supervision: the managers' (and, read-only, the auditor's); a note on
    // a child of their line.
    {"GET", "/supervision",                               "RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR"},
    {"POST", "/children/{id}/supervision",                "RRRRR ARAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/audit",                                     "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR"},
    // The annual review: group managers (their line's teams), the assistant
    // director and the auditor; never the administrator (reports_http_test.cc).
    {"GET", "/reports",                                   "RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR"},
    {"GET", "/reports/cases",                             "RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR"},
    {"GET", "/reports/export",                            "RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR"},
    {"GET", "/admin/outbox",                              "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"GET", "/admin/outbox/{id}",                         "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/requests",                                 "AAAAA AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/edit/{section}",             "ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/send",                       "ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/approve",                    "RRRRR RRRRA RRRRA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/return",                     "RRRRR RRRRA RRRRA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // The matrix's requests are CLAM's, which names nobody to accept late.
    {"POST", "/requests/{id}/accept-late",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/papers/{document}/upload",   "ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/papers/{document}/not-provided","ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/papers/{id}/remove",                       "ARAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/children/{id}/discussions",                "RRRRR ARAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings",                                 "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/move",                       "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/cancel",                     "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/details",                    "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/publish",                    "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/attendance",                 "RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/hearings/{id}/presenter",                  "RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/hearings/{id}/invite",                     "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/hearings/{id}/chair",                      "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/hearings/{id}/decision",                   "RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    // After the record: the fixture holds no decision record, so every role
    // is refused here (404); who may correct, decide, disagree and resolve is
    // tested on real records in panel_day_http_test.cc.
    {"GET", "/decisions/{id}/correct",                    "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/decisions/{id}/correct",                   "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/decision-items/{id}/final",                 "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/decision-items/{id}/final",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/decision-items/{id}/disagree",              "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/decision-items/{id}/disagree",             "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"GET", "/disagreements/{id}/resolve",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/disagreements/{id}/resolve",               "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/minutes",                    "RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/minutes/send",               "RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/minutes/return",             "RRRRR RRRRR RRRRR RRRRR RRRRR AAARA RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/minutes/authorise",          "RRRRR RRRRR RRRRR RRRRR RRRRR AAARA RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/sittings/{id}/minutes/addenda",            "RRRRR RRRRR RRRRR AAAAA AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/triage/proposal",                          "RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/schedule",                   "RRRRR RRRRR RRRRR AAAAR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/ask-information",            "RRRRR RRRRR RRRRR AARAR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/decline",                    "RRRRR RRRRR RRRRR AARAR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/requests/{id}/refer",                      "RRRRR RRRRR RRRRR AARAR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/admin/outbox/{id}/retry",                  "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    // Your own account: everyone, about themselves only.
    {"GET", "/account",                                   "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"GET", "/account/password",                          "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"GET", "/account/two-factor",                        "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"POST", "/account/password",                         "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    // Only a handle of one's own session is found; the test sends none: 404.
    {"POST", "/account/sessions/end",                     "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR"},
    {"POST", "/account/two-factor/start",                 "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"POST", "/account/two-factor/confirm",               "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    {"POST", "/account/two-factor/disable",               "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
    // People: the administrator only (the record is another person, sw_b).
    {"GET", "/admin/people",                              "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"GET", "/admin/people/new",                          "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"GET", "/admin/people/{id}",                         "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people",                             "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people/{id}",                        "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people/{id}/disable",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people/{id}/enable",                 "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people/{id}/password-link",          "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/admin/people/{id}/end-sessions",           "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    // A panel's seats: the administrator only (staff and seats, no child).
    {"GET", "/panels",                                    "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"GET", "/panels/{id}/seats",                         "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/panels/{id}/seats",                        "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    {"POST", "/panels/{id}/seats/remove",                 "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA"},
    // Consultation (issue 14, item 4): the list is for those who may be
    // consulted; the referral (of a request outside every column, to the
    // seat member@test holds) is theirs alone, in every column; an empty
    // answer is a form error.
    {"GET", "/consultations",                             "RRRRR AAAAA AAAAA RRRRR RRRRR AAAAA AAAAA AAAAA RRRRR RRRRR"},
    {"GET", "/consultations/{id}",                        "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR"},
    {"POST", "/consultations/{id}/advice",                "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR AAAAA RRRRR RRRRR RRRRR"},
    {"POST", "/sign-out",                                 "AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA AAAAA"},
};
// clang-format on

class AccessMatrix : public SiteFixture {
 protected:
  // The records, one per relationship (see the header comment).
  void build_records() {
    auto& s = world_.services();
    const std::string hash = store::hash_password(testing::kPassword);
    world_.db().write_all([&](store::Tx& tx) {
      for (const char* role : {"chair", "member", "assistant_director"}) {
        const auto id = tx.insert(
            "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, "
            "'2026-01-01T00:00:00Z') RETURNING id",
            {std::string(role) + "@test", std::string("Test ") + role, hash});
        tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, std::string(role)});
        users_[role] = std::string(role) + "@test";
      }
    });
    users_["social_worker"] = "sw_a@test";
    users_["practice_manager"] = "pm_a@test";
    users_["group_manager"] = "gm@test";
    users_["coordinator"] = "coord@test";
    users_["panel_admin"] = "admin@panel.test";
    users_["auditor"] = "auditor@test";
    users_["admin"] = "sysadmin@test";
    app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 3);
    const auto coordinator = world_.actor(world_.coordinator);
    draft_ = *app::create_request(s, world_.actor(world_.sw_a), {world_.child_a},
                                  testing::clam_draft(world_));
    const std::string referral = s.panels.find("clam")->documents.front().id;
    EXPECT_TRUE(app::add_paper(s, world_.actor(world_.sw_a), draft_, referral,
                               {"referral.pdf", testing::tiny_pdf()})
                    .ok());
    // The draft is not finished (its reason is not written yet), so that
    // its author's "send" in the matrix cannot send it.
    world_.db().write_all(
        [&](store::Tx& tx) { tx.exec("UPDATE requests SET reason = '' WHERE id = $1", {draft_}); });
    off_ = testing::sent_clam_request(world_, {world_.child_a});
    testing::approve_clam(world_, off_);
    agenda_ = testing::sent_clam_request(world_, {world_.sibling_1, world_.sibling_2});
    testing::approve_clam(world_, agenda_);
    other_ =
        testing::sent_request(world_, world_.sw_b, {world_.child_b}, testing::clam_draft(world_));
    app::ApprovalInput qa = testing::clam_quality_assurance(world_);
    qa.discussion_practice_manager = world_.pm_b;
    EXPECT_TRUE(app::approve_request(s, world_.actor(world_.pm_b), other_, qa).ok());
    EXPECT_TRUE(app::approve_request(s, world_.actor(world_.gm), other_, {}).ok());
    sitting_ = number("SELECT MIN(id) FROM sittings WHERE panel_id = 'clam' AND starts_at > $1",
                      {core::to_iso_utc(world_.clock().now())});
    other_sitting_ =
        number("SELECT MIN(id) FROM sittings WHERE panel_id = 'clam' AND id > $1", {sitting_});
    EXPECT_TRUE(app::schedule_request(s, coordinator, agenda_, sitting_, "").ok());
    EXPECT_TRUE(app::publish_agenda(s, coordinator, sitting_).ok());
    // The other sitting's list leaves the chair and the member out.
    world_.db().write_all([&](store::Tx& tx) {
      tx.exec("INSERT INTO sitting_members (sitting_id, user_id, role) VALUES ($1, $2, 'member')",
              {other_sitting_, world_.gm});
    });
    hearing_ = number("SELECT id FROM hearings WHERE request_id = $1", {agenda_});
    outbox_ = number("SELECT MIN(id) FROM outbox");
    refer_for_consultation();
  }

  // Team B's second request, referred to the Permanency Planning
  // Co-ordinator's seat, which member@test holds.
  void refer_for_consultation() {
    auto& s = world_.services();
    const auto member = number("SELECT id FROM users WHERE email = 'member@test'");
    world_.db().write_all([&](store::Tx& tx) {
      store::set_seat_holder(tx, "clam", "permanency_planning_co_ordinator", member,
                             store::SeatPart::holder);
    });
    const auto referred =
        testing::sent_request(world_, world_.sw_b, {world_.child_b}, testing::clam_draft(world_));
    app::ApprovalInput qa = testing::clam_quality_assurance(world_);
    qa.discussion_practice_manager = world_.pm_b;
    EXPECT_TRUE(app::approve_request(s, world_.actor(world_.pm_b), referred, qa).ok());
    EXPECT_TRUE(app::approve_request(s, world_.actor(world_.gm), referred, {}).ok());
    EXPECT_TRUE(app::refer_for_consultation(s, world_.actor(world_.coordinator), referred,
                                            "permanency_planning", "Advice, please")
                    .ok());
    referral_ = number("SELECT MAX(id) FROM request_consultations");
  }

  // A POST carries the CSRF token and, where its handler needs one to reach
  // the access check, the field that names what it is about (a chair's
  // sitting, a discussion's criterion): never enough to change anything.
  int send(Client& c, const Route& route, const std::string& path, const std::string& token) {
    if (route.method == "GET") {
      return c.get(path).status;
    }
    Form form{{"csrf_token", token}};
    if (route.pattern == "/hearings/{id}/chair" || route.pattern == "/hearings/{id}/presenter" ||
        route.pattern == "/hearings/{id}/invite") {
      form.emplace_back("sitting_id", std::to_string(sitting_));
    }
    if (route.pattern == "/children/{id}/discussions") {
      form.emplace_back("panel_id", "support");
      form.emplace_back("criterion_id", "cp_plan_over_18_months");
    }
    return c.post(path, std::move(form)).status;
  }

  std::string paper_of(std::int64_t request) {
    return std::to_string(number(
        "SELECT MIN(id) FROM request_papers WHERE request_id = $1 AND kind = 'file'", {request}));
  }

  // The path for a pattern and a relationship column.
  std::string path_for(const std::string& pattern, std::size_t column) {
    const std::int64_t requests[] = {off_, other_, agenda_, off_, draft_};
    const std::int64_t children[] = {world_.child_a, world_.child_b, world_.sibling_1,
                                     world_.child_a, world_.child_a};
    const std::int64_t sittings[] = {sitting_, sitting_, sitting_, other_sitting_, sitting_};
    std::string id;
    if (pattern.rfind("/children/", 0) == 0) {
      id = std::to_string(children[column]);
    } else if (pattern.rfind("/requests/", 0) == 0) {
      id = std::to_string(requests[column]);
    } else if (pattern.rfind("/papers/", 0) == 0) {
      id = paper_of(requests[column]);
    } else if (pattern.rfind("/sittings/", 0) == 0) {
      id = std::to_string(sittings[column]);
    } else if (pattern.rfind("/hearings/", 0) == 0) {
      id = std::to_string(hearing_);
    } else if (pattern.rfind("/consultations/", 0) == 0) {
      id = std::to_string(referral_);
    } else if (pattern.rfind("/panels/", 0) == 0) {
      id = "support";
    } else if (pattern.rfind("/admin/people/", 0) == 0) {
      id = std::to_string(world_.sw_b);  // the administrator's POSTs come last
    } else {
      id = std::to_string(outbox_);
    }
    std::string out = pattern;
    const auto replace = [&](const std::string& name, const std::string& value) {
      if (auto at = out.find(name); at != std::string::npos) {
        out.replace(at, name.size(), value);
      }
    };
    replace("{id}", id);
    replace("{section}", "details");
    replace("{child}", std::to_string(children[column]));
    replace("{document}", world_.services().panels.find("clam")->documents.front().id);
    // A discussion is about one watched criterion, named in the query.
    if (out.find("/discussions/new") != std::string::npos) {
      out += "?panel=support&criterion=cp_plan_over_18_months";
    }
    return out;
  }

  std::map<std::string, std::string> users_;
  std::int64_t draft_ = 0, off_ = 0, agenda_ = 0, other_ = 0;
  std::int64_t sitting_ = 0, other_sitting_ = 0, hearing_ = 0, outbox_ = 0, referral_ = 0;
};

bool allowed(int status) { return status != 403 && status != 404; }

const Expectation* row_for(const Route& route) {
  for (const Expectation& e : kMatrix) {
    if (route.method == e.method && route.pattern == e.pattern) {
      return &e;
    }
  }
  return nullptr;
}

TEST_F(AccessMatrix, EveryRouteHasItsRow) {
  for (const Route& route : site_->routes()) {
    const Expectation* e = row_for(route);
    ASSERT_NE(e, nullptr) << "no access matrix row for " << route.method << " " << route.pattern;
    if (route.rule.access == Access::signed_in) {
      std::string cells = e->cells;
      cells.erase(std::remove(cells.begin(), cells.end(), ' '), cells.end());
      EXPECT_EQ(cells.size(), std::size(kRoles) * kColumns)
          << route.method << " " << route.pattern << ": a cell for every role x relationship";
    }
  }
}

TEST_F(AccessMatrix, EveryRoleGetsWhatTheMatrixSays) {
  build_records();
  // Printing the observed matrix (CASEPANEL_PRINT_MATRIX=1) helps write a new
  // row; the rows are reviewed against docs/access.md, not copied blindly.
  const bool print = std::getenv("CASEPANEL_PRINT_MATRIX") != nullptr;
  std::vector<const Route*> gets, posts;
  for (const Route& route : site_->routes()) {
    if (route.rule.access != Access::signed_in) {
      continue;  // public pages and the API (tested in http_test.cc) have no session
    }
    (route.method == "GET" ? gets : posts).push_back(&route);
  }
  // Changes last, and signing out last of all.
  std::stable_partition(posts.begin(), posts.end(),
                        [](const Route* r) { return r->pattern != "/sign-out"; });
  std::map<const Route*, std::string> observed;
  std::vector<Client> clients;
  std::vector<std::string> tokens;
  for (const char* role : kRoles) {
    clients.emplace_back(server_->port());
    ASSERT_TRUE(clients.back().sign_in(users_.at(role))) << role;
    tokens.push_back(Client::token_in(clients.back().get("/").body));
  }
  // Every role reads before anyone posts, so that no change made by one
  // role's POST moves a record under another role's GET.
  for (const auto* list : {&gets, &posts}) {
    for (std::size_t role = 0; role < std::size(kRoles); ++role) {
      for (const Route* route : *list) {
        const Expectation* e = row_for(*route);
        std::string cells = e ? e->cells : "";
        cells.erase(std::remove(cells.begin(), cells.end(), ' '), cells.end());
        std::string& seen = observed[route];
        seen += role ? " " : "";
        int status = 0;
        for (std::size_t col = 0; col < kColumns; ++col) {
          const std::string path = path_for(route->pattern, col);
          // A route without a record gives every column the same answer: it
          // is asked once (signing out, above all, cannot be asked twice).
          if (col == 0 || route->pattern.find('{') != std::string::npos) {
            status = send(clients[role], *route, path, tokens[role]);
          }
          seen += allowed(status) ? 'A' : 'R';
          const std::size_t at = role * kColumns + col;
          if (!print && at < cells.size()) {
            EXPECT_EQ(allowed(status), cells[at] == 'A')
                << kRoles[role] << " " << route->method << " " << path << " (column " << col
                << ") answered " << status;
          }
        }
      }
    }
  }
  if (print) {
    for (const auto* list : {&gets, &posts}) {
      for (const Route* route : *list) {
        std::cout << "    {\"" << route->method << "\", \"" << route->pattern << "\",\n     \""
                  << observed[route] << "\"},\n";
      }
    }
  }
}

}  // namespace
}  // namespace casepanel::web
