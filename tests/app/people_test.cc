// People and passwords through the use cases (app/people.h): adding, editing,
// disabling and re-enabling people, set-password links (single use, 24
// hours, voided by a newer one), changing one's own password, the policy, who
// may do each, and the audit trail with old and new values.
#include "app/people.h"

#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "store/crypto.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

const char* const kNewPassword = "maple orbit canoe 47";

// A password sign-in as a Result: the session, or why not.
core::Result<NewSession> sign_in(Services& s, const std::string& email,
                                 const std::string& password) {
  SignInOutcome out = app::sign_in(s, {email, password, "192.0.2.10"});
  if (out.step == SignInStep::signed_in) {
    return out.session;
  }
  return out.error ? *out.error : core::Error::invalid("email", "not signed in");
}

class People : public ::testing::Test {
 protected:
  People() : common_(core::CommonPasswords::from_lines("password\nletmein12345\nqwertyuiop123\n")) {
    w.services().people.common_passwords = &common_;
  }

  Actor admin() { return w.actor(w.admin); }

  std::int64_t count(const std::string& sql) {
    std::int64_t n = 0;
    w.db().read_all([&](store::Tx& tx) { n = tx.query_one(sql)->integer(0); });
    return n;
  }
  std::string text(const std::string& sql, std::int64_t id) {
    std::string out;
    w.db().read_all([&](store::Tx& tx) {
      if (auto r = tx.query_one(sql, {id})) {
        out = r->text(0);
      }
    });
    return out;
  }
  // The detail of the newest audit event with this action.
  nlohmann::json audit_detail(const std::string& action) {
    std::string detail;
    w.db().read_all([&](store::Tx& tx) {
      auto r = tx.query_one(
          "SELECT detail FROM audit_events WHERE action = $1 ORDER BY id DESC LIMIT 1", {action});
      detail = r ? r->text(0) : "null";
    });
    return nlohmann::json::parse(detail);
  }
  // The token in the newest set-password email to the person.
  std::string link_token(std::int64_t user_id) {
    const std::string body =
        text("SELECT body FROM outbox WHERE recipient_id = $1 ORDER BY id DESC LIMIT 1", user_id);
    std::smatch m;
    static const std::regex re("/set-password/([0-9a-f]{64})");
    return std::regex_search(body, m, re) ? m[1].str() : "";
  }
  std::string hash_of(std::int64_t id) {
    return text("SELECT password_hash FROM users WHERE id = $1", id);
  }

  PersonInput newcomer() {
    return {.name = "Nia Newcomer",
            .email = "Nia.Newcomer@Council.test ",
            .job_title = "Social worker",
            .roles = {"social_worker"},
            .team_id = w.team_a,
            .line_manager_id = w.pm_a};
  }

  TestWorld w;
  core::CommonPasswords common_;
};

TEST_F(People, AnAddedPersonHasNoUsablePasswordUntilTheyUseALink) {
  auto id = add_person(w.services(), admin(), newcomer());
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto p = person(w.services(), admin(), *id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->email, "nia.newcomer@council.test") << "trimmed and lower-cased";
  EXPECT_EQ(p->team_id, w.team_a);
  EXPECT_EQ(p->line_manager_id, w.pm_a);
  EXPECT_EQ(p->roles, core::Roles{core::Role::social_worker});
  EXPECT_FALSE(p->has_password);
  EXPECT_EQ(hash_of(*id), store::kNoPasswordHash);
  for (const std::string& guess : {std::string(), std::string(store::kNoPasswordHash),
                                   std::string(testing::kPassword), std::string("!")}) {
    EXPECT_FALSE(store::verify_password(guess, store::kNoPasswordHash)) << guess;
    EXPECT_FALSE(sign_in(w.services(), "nia.newcomer@council.test", guess).ok()) << guess;
  }
  const auto detail = audit_detail("person.add");
  EXPECT_EQ(detail["new"]["email"], "nia.newcomer@council.test");
  EXPECT_EQ(detail["new"]["roles"], nlohmann::json::array({"social_worker"}));
  EXPECT_EQ(detail["new"]["line_manager_id"], w.pm_a);
}

struct RefusedCase {
  std::function<void(PersonInput&, TestWorld&)> change;
  const char* field;
  const char* message;
  const char* why;
};

TEST_F(People, BadDetailsAreRefusedNextToTheFieldAndChangeNothing) {
  const RefusedCase cases[] = {
      {.change = [](PersonInput& in, TestWorld&) { in.name = "  "; },
       .field = "name",
       .message = "Enter the person's full name",
       .why = "a name is needed"},
      {.change = [](PersonInput& in, TestWorld&) { in.email = "nia at council"; },
       .field = "email",
       .message = "Enter an email address in the correct format, like name@example.com",
       .why = "no @"},
      {.change = [](PersonInput& in, TestWorld&) { in.roles.clear(); },
       .field = "roles",
       .message = "Select at least one role",
       .why = "at least one role"},
      {.change = [](PersonInput& in, TestWorld&) { in.roles = {"superuser"}; },
       .field = "roles",
       .message = "Select roles from the list",
       .why = "unknown role"},
      {.change = [](PersonInput& in, TestWorld&) { in.team_id = 999999; },
       .field = "team",
       .message = "Select a team from the list",
       .why = "no such team"},
      {.change = [](PersonInput& in, TestWorld&) { in.line_manager_id = 999999; },
       .field = "line_manager",
       .message = "Select an active person as line manager",
       .why = "no such person"},
  };
  const auto users = count("SELECT COUNT(*) FROM users");
  const auto events = count("SELECT COUNT(*) FROM audit_events");
  for (const RefusedCase& c : cases) {
    PersonInput in = newcomer();
    c.change(in, w);
    auto id = add_person(w.services(), admin(), in);
    ASSERT_FALSE(id.ok()) << c.why;
    EXPECT_EQ(id.error().kind, core::ErrorKind::invalid) << c.why;
    ASSERT_EQ(id.error().fields.size(), 1u) << c.why;
    EXPECT_EQ(id.error().fields[0].field, c.field) << c.why;
    EXPECT_EQ(id.error().fields[0].message, c.message) << c.why;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), users);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events);
}

TEST_F(People, EmailAddressesAreUniqueIgnoringCase) {
  ASSERT_TRUE(add_person(w.services(), admin(), newcomer()).ok());
  PersonInput again = newcomer();
  again.email = "NIA.newcomer@council.TEST";
  auto id = add_person(w.services(), admin(), again);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().fields.at(0).message, "A person with this email address already exists");
}

TEST_F(People, ADisabledPersonCannotBeALineManager) {
  ASSERT_TRUE(disable_person(w.services(), admin(), w.pm_b).ok());
  auto id = add_person(w.services(), admin(), [&] {
    PersonInput in = newcomer();
    in.line_manager_id = w.pm_b;
    return in;
  }());
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().fields.at(0).field, "line_manager");
}

TEST_F(People, EditingIsAuditedWithOldAndNewValues) {
  auto p = person(w.services(), admin(), w.sw_a);
  ASSERT_TRUE(p.ok());
  PersonInput in{.name = "Sam Alpha-Jones",
                 .email = p->email,
                 .job_title = "Senior social worker",
                 .roles = {"social_worker", "member"},
                 .team_id = w.team_b,
                 .line_manager_id = w.pm_b};
  ASSERT_TRUE(edit_person(w.services(), admin(), w.sw_a, in).ok());
  auto after = person(w.services(), admin(), w.sw_a);
  EXPECT_EQ(after->name, "Sam Alpha-Jones");
  EXPECT_EQ(after->team_id, w.team_b);
  EXPECT_EQ(after->roles, (core::Roles{core::Role::social_worker, core::Role::member}));
  const auto detail = audit_detail("person.edit");
  EXPECT_EQ(detail["old"]["name"], "Sam Alpha");
  EXPECT_EQ(detail["new"]["name"], "Sam Alpha-Jones");
  EXPECT_EQ(detail["old"]["team_id"], w.team_a);
  EXPECT_EQ(detail["new"]["team_id"], w.team_b);
  EXPECT_EQ(detail["old"]["line_manager_id"], w.pm_a);
  EXPECT_EQ(detail["new"]["roles"], nlohmann::json::array({"social_worker", "member"}));
}

TEST_F(People, LineManagementCannotLoop) {
  auto gm = person(w.services(), admin(), w.gm);
  PersonInput in{.name = gm->name,
                 .email = gm->email,
                 .job_title = "",
                 .roles = {"group_manager"},
                 .team_id = std::nullopt,
                 .line_manager_id = std::nullopt};
  in.line_manager_id = w.sw_a;  // sw_a is managed by pm_a, who is managed by gm
  auto done = edit_person(w.services(), admin(), w.gm, in);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().fields.at(0).message,
            "Sam Alpha is managed by this person, so cannot be their line manager");
  in.line_manager_id = w.gm;
  done = edit_person(w.services(), admin(), w.gm, in);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().fields.at(0).message, "A person cannot be their own line manager");
  EXPECT_EQ(person(w.services(), admin(), w.gm)->line_manager_id, std::nullopt);
}

TEST_F(People, AnAdministratorCannotLockThemselvesOut) {
  auto done = disable_person(w.services(), admin(), w.admin);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().kind, core::ErrorKind::conflict);
  auto me = person(w.services(), admin(), w.admin);
  PersonInput in{.name = me->name,
                 .email = me->email,
                 .job_title = "",
                 .roles = {"auditor"},
                 .team_id = std::nullopt,
                 .line_manager_id = std::nullopt};
  done = edit_person(w.services(), admin(), w.admin, in);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().fields.at(0).message, "You cannot remove your own administrator role");
  EXPECT_EQ(person(w.services(), admin(), w.admin)->active, store::Active::yes);
}

TEST_F(People, DisablingEndsEverySessionAtOnceAndEnablingLetsThemBackIn) {
  auto first = sign_in(w.services(), "sw_a@test", testing::kPassword);
  auto second = sign_in(w.services(), "sw_a@test", testing::kPassword);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(resume_session(w.services(), first->token).has_value());

  ASSERT_TRUE(disable_person(w.services(), admin(), w.sw_a).ok());
  EXPECT_FALSE(resume_session(w.services(), first->token).has_value());
  EXPECT_FALSE(resume_session(w.services(), second->token).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(w.sw_a)), 0);
  EXPECT_FALSE(sign_in(w.services(), "sw_a@test", testing::kPassword).ok());
  const auto detail = audit_detail("person.disable");
  EXPECT_EQ(detail["old"]["active"], true);
  EXPECT_EQ(detail["new"]["active"], false);
  EXPECT_EQ(detail["sessions_ended"], 2);
  EXPECT_EQ(disable_person(w.services(), admin(), w.sw_a).error().kind, core::ErrorKind::conflict);

  ASSERT_TRUE(enable_person(w.services(), admin(), w.sw_a).ok());
  EXPECT_TRUE(sign_in(w.services(), "sw_a@test", testing::kPassword).ok());
  EXPECT_EQ(audit_detail("person.enable")["new"]["active"], true);
}

TEST_F(People, EndingSessionsSignsThePersonOutEverywhere) {
  auto session = sign_in(w.services(), "pm_a@test", testing::kPassword);
  ASSERT_TRUE(session.ok());
  auto ended = end_person_sessions(w.services(), admin(), w.pm_a);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 1);
  EXPECT_FALSE(resume_session(w.services(), session->token).has_value());
  EXPECT_TRUE(sign_in(w.services(), "pm_a@test", testing::kPassword).ok()) << "not disabled";
}

TEST_F(People, OnlyAdministratorsManagePeople) {
  for (std::int64_t who : {w.sw_a, w.pm_a, w.gm, w.coordinator, w.auditor, w.panel_admin}) {
    const Actor a = w.actor(who);
    const auto forbidden = core::ErrorKind::forbidden;
    EXPECT_EQ(list_people(w.services(), a, "", 1).error().kind, forbidden);
    EXPECT_EQ(person_choices(w.services(), a).error().kind, forbidden);
    EXPECT_EQ(person(w.services(), a, w.sw_b).error().kind, forbidden);
    EXPECT_EQ(add_person(w.services(), a, newcomer()).error().kind, forbidden);
    EXPECT_EQ(edit_person(w.services(), a, w.sw_b, newcomer()).error().kind, forbidden);
    EXPECT_EQ(disable_person(w.services(), a, w.sw_b).error().kind, forbidden);
    EXPECT_EQ(enable_person(w.services(), a, w.sw_b).error().kind, forbidden);
    EXPECT_EQ(end_person_sessions(w.services(), a, w.sw_b).error().kind, forbidden);
    EXPECT_EQ(send_password_link(w.services(), a, w.sw_b).error().kind, forbidden);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM password_links"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE active = 0"), 0);
}

TEST_F(People, TheListIsPagedAndSearchable) {
  for (int i = 0; i < 60; ++i) {
    PersonInput in = newcomer();
    in.name = "Zed Person " + std::to_string(100 + i);
    in.email = "zed" + std::to_string(i) + "@council.test";
    ASSERT_TRUE(add_person(w.services(), admin(), in).ok());
  }
  auto all = list_people(w.services(), admin(), "", 1);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 69) << "the world's 9 and 60 more";
  EXPECT_EQ(all->people.size(), 50u);
  EXPECT_EQ(all->pages, 2);
  auto second = list_people(w.services(), admin(), "", 2);
  EXPECT_EQ(second->people.size(), 19u);
  EXPECT_EQ(second->people.back().name, "Zed Person 159") << "by name";
  auto found = list_people(w.services(), admin(), "ALPHA", 1);
  ASSERT_EQ(found->total, 2) << "Pat Alpha and Sam Alpha, any case";
  EXPECT_EQ(list_people(w.services(), admin(), "zed1@", 1)->total, 1) << "by email";
  EXPECT_EQ(list_people(w.services(), admin(), "%", 1)->total, 0) << "LIKE's % is literal";
}

TEST_F(People, ALinkSetsThePasswordOnceAndIsNotInTheAuditLog) {
  auto id = add_person(w.services(), admin(), newcomer());
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(send_password_link(w.services(), admin(), *id).ok());
  const std::string token = link_token(*id);
  ASSERT_EQ(token.size(), 64u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%" + token + "%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM password_links WHERE token_hash = '" + token + "'"), 0)
      << "only the hash is stored";
  EXPECT_EQ(audit_detail("password_link.send")["expires_at"], "2026-11-25T09:00:00Z");

  auto holder = password_link_holder(w.services(), token);
  ASSERT_TRUE(holder.ok());
  EXPECT_EQ(holder->email, "nia.newcomer@council.test");
  ASSERT_TRUE(use_password_link(w.services(), token, kNewPassword, kNewPassword).ok());
  EXPECT_TRUE(sign_in(w.services(), "nia.newcomer@council.test", kNewPassword).ok());
  EXPECT_TRUE(person(w.services(), admin(), *id)->has_password);

  auto again =
      use_password_link(w.services(), token, "another long passphrase", "another long passphrase");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, core::ErrorKind::conflict);
  EXPECT_NE(again.error().message.find("already been used"), std::string::npos);
  EXPECT_TRUE(sign_in(w.services(), "nia.newcomer@council.test", kNewPassword).ok());
}

TEST_F(People, ALinkExpiresAfter24Hours) {
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  const std::string token = link_token(w.sw_b);
  w.clock().advance(24h - 1s);
  EXPECT_TRUE(password_link_holder(w.services(), token).ok()) << "still valid a second before";
  w.clock().advance(1s);
  auto used = use_password_link(w.services(), token, kNewPassword, kNewPassword);
  ASSERT_FALSE(used.ok());
  EXPECT_NE(used.error().message.find("expired"), std::string::npos);
  EXPECT_TRUE(sign_in(w.services(), "sw_b@test", testing::kPassword).ok()) << "unchanged";
}

TEST_F(People, ANewerLinkVoidsTheOlder) {
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  const std::string older = link_token(w.sw_b);
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  const std::string newer = link_token(w.sw_b);
  ASSERT_NE(older, newer);
  auto used = use_password_link(w.services(), older, kNewPassword, kNewPassword);
  ASSERT_FALSE(used.ok());
  EXPECT_NE(used.error().message.find("replaced by a newer one"), std::string::npos);
  EXPECT_TRUE(use_password_link(w.services(), newer, kNewPassword, kNewPassword).ok());
}

TEST_F(People, UnknownAndMalformedLinksAreRefused) {
  for (const std::string& token : {std::string(), std::string("abc"), std::string(64, 'a')}) {
    auto used = use_password_link(w.services(), token, kNewPassword, kNewPassword);
    ASSERT_FALSE(used.ok());
    EXPECT_EQ(used.error().kind, core::ErrorKind::conflict);
  }
}

TEST_F(People, ALinkForADisabledPersonDoesNothing) {
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  const std::string token = link_token(w.sw_b);
  ASSERT_TRUE(disable_person(w.services(), admin(), w.sw_b).ok());
  EXPECT_FALSE(use_password_link(w.services(), token, kNewPassword, kNewPassword).ok());
  EXPECT_EQ(send_password_link(w.services(), admin(), w.sw_b).error().kind,
            core::ErrorKind::conflict);
}

TEST_F(People, PolicyRefusalsChangeNothing) {
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  const std::string token = link_token(w.sw_b);
  const std::string hash = hash_of(w.sw_b);
  const auto events = count("SELECT COUNT(*) FROM audit_events");
  struct Case {
    std::string password, confirm, field, message;
  };
  const Case cases[] = {
      {"short one", "short one", "password", "Your password must be 12 characters or more"},
      {"LetMeIn12345", "LetMeIn12345", "password",
       "This password is too common. Choose one that is harder to guess"},
      {"sid beta's long password", "sid beta's long password", "password",
       "Your password must not contain your name or email address"},
      {kNewPassword, "maple orbit canoe 48", "password_confirm",
       "Enter the same password in both fields"},
  };
  for (const Case& c : cases) {
    auto used = use_password_link(w.services(), token, c.password, c.confirm);
    ASSERT_FALSE(used.ok()) << c.password;
    EXPECT_EQ(used.error().fields.at(0).field, c.field) << c.password;
    EXPECT_EQ(used.error().fields.at(0).message, c.message) << c.password;
  }
  EXPECT_EQ(hash_of(w.sw_b), hash);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events);
  EXPECT_TRUE(use_password_link(w.services(), token, kNewPassword, kNewPassword).ok())
      << "the link is still usable";
}

TEST_F(People, SettingAPasswordByLinkEndsTheirSessions) {
  auto session = sign_in(w.services(), "sw_b@test", testing::kPassword);
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(send_password_link(w.services(), admin(), w.sw_b).ok());
  ASSERT_TRUE(use_password_link(w.services(), link_token(w.sw_b), kNewPassword, kNewPassword).ok());
  EXPECT_FALSE(resume_session(w.services(), session->token).has_value());
  EXPECT_EQ(audit_detail("password.set_by_link")["sessions_ended"], 1);
}

TEST_F(People, ChangingYourPasswordNeedsTheCurrentOneAndEndsYourOtherSessions) {
  auto here = sign_in(w.services(), "sw_a@test", testing::kPassword);
  auto elsewhere = sign_in(w.services(), "sw_a@test", testing::kPassword);
  ASSERT_TRUE(here.ok() && elsewhere.ok());
  const Actor me = w.actor(w.sw_a);
  const std::string hash = hash_of(w.sw_a);

  auto wrong =
      change_password(w.services(), me, here->token, "not my password", kNewPassword, kNewPassword);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  EXPECT_EQ(hash_of(w.sw_a), hash);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'password.change_refused'"), 1);

  auto weak =
      change_password(w.services(), me, here->token, testing::kPassword, "password", "password");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().fields.at(0).field, "password");
  EXPECT_EQ(hash_of(w.sw_a), hash);

  ASSERT_TRUE(
      change_password(w.services(), me, here->token, testing::kPassword, kNewPassword, kNewPassword)
          .ok());
  EXPECT_TRUE(resume_session(w.services(), here->token).has_value()) << "this session stays";
  EXPECT_FALSE(resume_session(w.services(), elsewhere->token).has_value());
  EXPECT_FALSE(sign_in(w.services(), "sw_a@test", testing::kPassword).ok());
  EXPECT_TRUE(sign_in(w.services(), "sw_a@test", kNewPassword).ok());
  EXPECT_EQ(audit_detail("password.change")["other_sessions_ended"], 1);
}

}  // namespace
}  // namespace casepanel::app
