// Outbox delivery against a real SMTP server on loopback (SmtpSink), with the
// TestWorld's fake clock: back-off is tested by moving the clock, never by
// waiting.
#include "jobs/outbox.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <future>
#include <regex>

#include "app/notifications.h"
#include "app/outbox.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "jobs/mail_reader.h"
#include "support/requests.h"
#include "support/smtp_sink.h"
#include "support/world.h"

namespace casepanel::jobs {
namespace {

using namespace std::chrono_literals;
using testing::SmtpSink;
using testing::TestWorld;

struct OutboxRow {
  std::string status;
  std::int64_t attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::string sent_at;
};

class Outbox : public ::testing::Test {
 protected:
  std::int64_t queue(const std::string& subject = "A request to CLAM Panel needs you",
                     const std::string& body = "Request 7 is waiting for you.") {
    std::int64_t id = 0;
    world_.db().write_all([&](store::Tx& tx) {
      app::queue_email(tx, world_.services(), world_.sw_a, subject, body);
      id = tx.query_one("SELECT MAX(id) FROM outbox")->integer(0);
    });
    return id;
  }

  OutboxRow row(std::int64_t id) {
    OutboxRow r;
    world_.db().read_all([&](store::Tx& tx) {
      auto x = tx.query_one(
          "SELECT status, attempts, next_attempt_at, last_error, sent_at FROM outbox "
          "WHERE id = $1",
          {id});
      r = {x->text(0), x->integer(1), x->text(2), x->text(3), x->text(4)};
    });
    return r;
  }

  std::string now_plus(std::chrono::seconds d) {
    return core::to_iso_utc(world_.clock().now() + d);
  }

  int deliver(Mailer& mailer) { return deliver_due(world_.services(), mailer, policy_); }
  int deliver() { return deliver(mailer_); }

  TestWorld world_;
  SmtpSink sink_{world_.dir() / "mail"};
  SmtpMailer mailer_{sink_settings(sink_.port())};
  OutboxPolicy policy_{.message_id_domain = "council.test"};
};

TEST_F(Outbox, AQueuedMessageIsDeliveredAndMarkedSent) {
  const std::int64_t id = queue();
  EXPECT_EQ(deliver(), 1);
  const auto mail = sink_.messages();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_NE(mail[0].find("X-Envelope-From: panel@council.test\r\n"), std::string::npos) << mail[0];
  EXPECT_NE(mail[0].find("X-Envelope-To: sw_a@test\r\n"), std::string::npos);
  const ReadMail m = read_mail(mail[0]);
  EXPECT_EQ(m.header("Subject"), "A request to CLAM Panel needs you");
  EXPECT_EQ(m.header("To"), "Sam Alpha <sw_a@test>");
  EXPECT_EQ(m.header("Auto-Submitted"), "auto-generated");
  EXPECT_EQ(m.header("MIME-Version"), "1.0");
  ASSERT_EQ(m.parts.size(), 1u);
  EXPECT_EQ(m.parts[0].content_type, "text/plain; charset=UTF-8");
  EXPECT_EQ(m.parts[0].content, "Request 7 is waiting for you.\r\n");
  const OutboxRow r = row(id);
  EXPECT_EQ(r.status, "sent");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.sent_at, core::to_iso_utc(world_.clock().now()));
}

TEST_F(Outbox, TheMessageIdNamesTheRowAndTheInstallation) {
  const std::int64_t id = queue();
  ASSERT_EQ(deliver(), 1);
  const std::string token = message_id_token(world_.db());
  EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{16}"))) << token;
  EXPECT_EQ(message_id_token(world_.db()), token) << "the token is kept, not made anew";
  EXPECT_EQ(read_mail(sink_.messages().at(0)).header("Message-ID"),
            "<outbox-" + std::to_string(id) + "." + token + "@council.test>");
}

TEST_F(Outbox, ANewlineInASubjectCannotAddAHeaderOrARecipient) {
  queue("Hello\r\nBcc: eve@evil.example", "body");
  ASSERT_EQ(deliver(), 1);
  const std::string stored = sink_.messages().at(0);
  EXPECT_EQ(stored.find("eve@evil.example\r\nX-Envelope"), std::string::npos);
  EXPECT_EQ(stored.find("X-Envelope-To: eve@evil.example"), std::string::npos) << stored;
  EXPECT_EQ(read_mail(stored).header("Bcc"), "");
  EXPECT_EQ(read_mail(stored).header("Subject"), "Hello  Bcc: eve@evil.example");
}

TEST_F(Outbox, ASubjectOutsideAsciiIsEncoded) {
  queue("Réunion du panel", "body");
  ASSERT_EQ(deliver(), 1);
  const std::string stored = sink_.messages().at(0);
  EXPECT_NE(stored.find("\r\nSubject: =?UTF-8?"), std::string::npos) << stored;
  EXPECT_EQ(stored.find("é"), std::string::npos) << "no raw 8-bit header: " << stored;
  EXPECT_EQ(read_mail(stored).header("Subject"), "Réunion du panel");
}

TEST(SmtpLogin, ALoginIsUsedWhenAUsernameIsSetAndAWrongOneIsAFailedAttempt) {
  TestWorld world;
  SmtpSink sink(world.dir() / "mail", {.auth = "casepanel:s3cret"});
  world.db().write_all(
      [&](store::Tx& tx) { app::queue_email(tx, world.services(), world.sw_a, "One", "1"); });
  SmtpSettings wrong = sink_settings(sink.port());
  wrong.username = "casepanel";
  wrong.password = "guess";
  SmtpMailer refused(wrong);
  EXPECT_EQ(deliver_due(world.services(), refused), 0);
  std::string error;
  world.db().read_all(
      [&](store::Tx& tx) { error = tx.query_one("SELECT last_error FROM outbox")->text(0); });
  EXPECT_NE(error.find("535"), std::string::npos) << error;

  SmtpSettings right = wrong;
  right.password = "s3cret";
  SmtpMailer accepted(right);
  world.clock().advance(1min);
  EXPECT_EQ(deliver_due(world.services(), accepted), 1);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_NE(sink.messages()[0].find("X-Envelope-Auth: casepanel\r\n"), std::string::npos);
}

// TLS: STARTTLS on a submission port, or TLS from the first byte (SMTPS),
// against the sink with a self-signed certificate. The certificate must be
// signed by the configured CA and be for the configured host; otherwise
// nothing is sent and the attempt fails with the reason.
class SmtpTls : public ::testing::Test {
 protected:
  std::int64_t queue_one() {
    std::int64_t id = 0;
    world_.db().write_all([&](store::Tx& tx) {
      app::queue_email(tx, world_.services(), world_.sw_a, "One", "1");
      id = tx.query_one("SELECT MAX(id) FROM outbox")->integer(0);
    });
    return id;
  }
  std::string last_error() {
    std::string error;
    world_.db().read_all([&](store::Tx& tx) {
      error = tx.query_one("SELECT last_error FROM outbox ORDER BY id DESC")->text(0);
    });
    return error;
  }
  static std::string cert_of(const std::string& cert_and_key) {
    return cert_and_key.substr(0, cert_and_key.find(','));
  }

  TestWorld world_;
  const std::string for_loopback_ =
      testing::self_signed_certificate(world_.dir() / "tls", "IP:127.0.0.1");
};

TEST_F(SmtpTls, StartTlsWithTheRightCertificateDeliversInsideTls) {
  SmtpSink sink(world_.dir() / "mail", {.auth = "casepanel:s3cret", .starttls = for_loopback_});
  queue_one();
  SmtpSettings plain = sink_settings(sink.port());
  SmtpMailer refused(plain);
  EXPECT_EQ(deliver_due(world_.services(), refused), 0) << "the server requires STARTTLS";
  EXPECT_TRUE(sink.messages().empty());

  SmtpSettings tls = plain;
  tls.security = SmtpSettings::Security::starttls;
  tls.ca_file = cert_of(for_loopback_);
  tls.username = "casepanel";
  tls.password = "s3cret";
  SmtpMailer mailer(tls);
  world_.clock().advance(1min);
  EXPECT_EQ(deliver_due(world_.services(), mailer), 1) << last_error();
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_NE(sink.messages()[0].find("X-Envelope-TLS: TLSv1."), std::string::npos)
      << sink.messages()[0];
  EXPECT_NE(sink.messages()[0].find("X-Envelope-Auth: casepanel\r\n"), std::string::npos);
}

TEST_F(SmtpTls, ACertificateFromAnUnknownCaIsRefusedAndNothingIsSent) {
  SmtpSink sink(world_.dir() / "mail", {.starttls = for_loopback_});
  queue_one();
  SmtpSettings tls = sink_settings(sink.port());
  tls.security = SmtpSettings::Security::starttls;  // the system's CAs only
  SmtpMailer mailer(tls);
  EXPECT_EQ(deliver_due(world_.services(), mailer), 0);
  EXPECT_TRUE(sink.messages().empty());
  EXPECT_FALSE(last_error().empty());
}

TEST_F(SmtpTls, ACertificateForAnotherHostIsRefused) {
  const std::string elsewhere =
      testing::self_signed_certificate(world_.dir() / "other", "DNS:mail.example.test");
  SmtpSink sink(world_.dir() / "mail", {.starttls = elsewhere});
  queue_one();
  SmtpSettings tls = sink_settings(sink.port());
  tls.security = SmtpSettings::Security::starttls;
  tls.ca_file = cert_of(elsewhere);  // trusted, but not for 127.0.0.1
  SmtpMailer mailer(tls);
  EXPECT_EQ(deliver_due(world_.services(), mailer), 0);
  EXPECT_TRUE(sink.messages().empty());
  EXPECT_FALSE(last_error().empty());
}

TEST_F(SmtpTls, SmtpsSpeaksTlsFromTheFirstByte) {
  SmtpSink sink(world_.dir() / "mail", {.smtps = for_loopback_});
  queue_one();
  SmtpSettings tls = sink_settings(sink.port());
  tls.security = SmtpSettings::Security::tls;
  tls.ca_file = cert_of(for_loopback_);
  SmtpMailer mailer(tls);
  EXPECT_EQ(deliver_due(world_.services(), mailer), 1) << last_error();
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_NE(sink.messages()[0].find("X-Envelope-TLS: TLSv1."), std::string::npos);
}

TEST_F(Outbox, AnInvitationArrivesAsTextCalendarWithItsMethod) {
  struct Case {
    app::InviteMethod method;
    const char* media_type;
    const char* ics_method;
  };
  const Case cases[] = {
      {app::InviteMethod::request, "text/calendar; method=REQUEST; charset=UTF-8",
       "METHOD:REQUEST\r\n"},
      {app::InviteMethod::cancel, "text/calendar; method=CANCEL; charset=UTF-8",
       "METHOD:CANCEL\r\n"},
  };
  std::size_t n = 0;
  for (const Case& c : cases) {
    app::Invitation inv;
    inv.uid = "hearing-42@casepanel";
    inv.method = c.method;
    inv.starts = core::london_to_utc(core::Date{std::chrono::year{2026} / 12 / 1}, 13h + 30min);
    inv.ends = inv.starts + 30min;
    inv.summary = "CLAM Panel hearing";
    inv.organizer_email = "coord@test";
    inv.attendees = {{"Sam Alpha", "sw_a@test"}};
    world_.db().write_all([&](store::Tx& tx) {
      app::queue_invitation(tx, world_.services(), world_.sw_a, "CLAM Panel on 1 December",
                            "Your request is heard at 13:30.", inv);
    });
    ASSERT_EQ(deliver(), 1);
    const auto mail = sink_.messages();
    ASSERT_EQ(mail.size(), ++n);
    const ReadMail m = read_mail(mail.back());
    std::string lower = mail.back();
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const auto first = lower.find("\r\nmime-version:");
    ASSERT_NE(first, std::string::npos);
    EXPECT_EQ(lower.find("\r\nmime-version:", first + 1), std::string::npos)
        << "one MIME-Version header: " << mail.back();
    EXPECT_EQ(m.header("MIME-Version"), "1.0");
    EXPECT_EQ(m.header("Content-Type").rfind("multipart/alternative;", 0), 0u)
        << m.header("Content-Type");
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].content_type, "text/plain; charset=UTF-8");
    EXPECT_EQ(m.parts[0].content, "Your request is heard at 13:30.");
    EXPECT_EQ(m.parts[1].content_type, c.media_type);
    const std::string& ics = m.parts[1].content;
    EXPECT_NE(ics.find(c.ics_method), std::string::npos) << ics;
    EXPECT_NE(ics.find("\r\nDTSTART;TZID=Europe/London:20261201T133000\r\n"), std::string::npos)
        << ics;
    EXPECT_NE(ics.find("\r\nDTSTAMP:20261124T090000Z\r\n"), std::string::npos)
        << "DTSTAMP comes from the clock: " << ics;
  }
}

TEST_F(Outbox, ATemporaryRefusalIsRetriedAfterTheBackOff) {
  const std::int64_t id = queue();
  sink_.fail_with_451(true);
  EXPECT_EQ(deliver(), 0);
  OutboxRow r = row(id);
  EXPECT_EQ(r.status, "pending");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.next_attempt_at, now_plus(1min));
  EXPECT_NE(r.last_error.find("451"), std::string::npos) << r.last_error;
  EXPECT_TRUE(sink_.messages().empty());

  sink_.fail_with_451(false);
  EXPECT_EQ(deliver(), 0) << "not due yet";
  world_.clock().advance(59s);
  EXPECT_EQ(deliver(), 0) << "not due yet";
  EXPECT_EQ(row(id).attempts, 1);
  world_.clock().advance(1s);
  EXPECT_EQ(deliver(), 1);
  r = row(id);
  EXPECT_EQ(r.status, "sent");
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(r.last_error, "");
  EXPECT_EQ(sink_.messages().size(), 1u);
}

TEST_F(Outbox, NoServerListeningIsAFailedAttemptToo) {
  const std::int64_t id = queue();
  SmtpMailer nowhere(sink_settings(testing::closed_port()));
  EXPECT_EQ(deliver(nowhere), 0);
  const OutboxRow r = row(id);
  EXPECT_EQ(r.status, "pending");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.next_attempt_at, now_plus(1min));
  EXPECT_NE(r.last_error.find("refused"), std::string::npos) << r.last_error;
}

TEST_F(Outbox, TheBackOffGrowsAndTheMessageFailsAfterTheLastAttempt) {
  const std::int64_t id = queue();
  sink_.fail_with_451(true);
  // One row per attempt: the wait the attempt's failure sets before the next.
  const std::chrono::seconds waits[] = {1min, 5min, 30min, 2h, 6h, 6h, 6h};
  for (std::size_t i = 0; i < std::size(waits); ++i) {
    ASSERT_EQ(deliver(), 0);
    const OutboxRow r = row(id);
    ASSERT_EQ(r.status, "pending") << "attempt " << i + 1;
    ASSERT_EQ(r.attempts, static_cast<std::int64_t>(i + 1));
    ASSERT_EQ(r.next_attempt_at, now_plus(waits[i])) << "attempt " << i + 1;
    world_.clock().advance(waits[i]);
  }
  EXPECT_EQ(deliver(), 0);
  OutboxRow r = row(id);
  EXPECT_EQ(r.status, "failed");
  EXPECT_EQ(r.attempts, 8);
  EXPECT_EQ(r.next_attempt_at, "");
  // A failed message is left alone, even once the server is back.
  sink_.fail_with_451(false);
  world_.clock().advance(24h);
  EXPECT_EQ(deliver(), 0);
  EXPECT_EQ(row(id).attempts, 8);
  EXPECT_TRUE(sink_.messages().empty());
}

TEST_F(Outbox, TheNumberOfAttemptsIsConfigurable) {
  const std::int64_t id = queue();
  policy_.max_attempts = 2;
  sink_.fail_with_451(true);
  EXPECT_EQ(deliver(), 0);
  world_.clock().advance(1min);
  EXPECT_EQ(deliver(), 0);
  EXPECT_EQ(row(id).status, "failed");
  EXPECT_EQ(row(id).attempts, 2);
}

TEST_F(Outbox, AMessageLeftSendingIsRecoveredAndSentExactlyOnceMore) {
  const std::int64_t id = queue();
  // As a crash between the claim and the result leaves it.
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE outbox SET status = 'sending', claimed_at = $1 WHERE id = $2",
            {core::to_iso_utc(world_.clock().now()), id});
  });
  EXPECT_EQ(deliver(), 0) << "a row being sent is not sent twice at once";
  EXPECT_EQ(recover_interrupted(world_.services(), policy_.claim_lease), 0)
      << "a fresh claim may be in flight on another instance";
  world_.clock().advance(policy_.claim_lease);
  EXPECT_EQ(recover_interrupted(world_.services(), policy_.claim_lease), 1);
  EXPECT_EQ(row(id).status, "pending");
  EXPECT_EQ(deliver(), 1);
  EXPECT_EQ(deliver(), 0);
  world_.clock().advance(policy_.claim_lease);
  EXPECT_EQ(recover_interrupted(world_.services(), policy_.claim_lease), 0);
  EXPECT_EQ(sink_.messages().size(), 1u);
  EXPECT_EQ(row(id).status, "sent");
}

TEST_F(Outbox, ASentMessageIsNeverSentAgain) {
  queue();
  queue("Second", "Two");
  EXPECT_EQ(deliver(), 2);
  EXPECT_EQ(deliver(), 0);
  world_.clock().advance(48h);
  EXPECT_EQ(recover_interrupted(world_.services(), policy_.claim_lease), 0);
  EXPECT_EQ(deliver(), 0);
  ASSERT_EQ(sink_.messages().size(), 2u);
  EXPECT_EQ(read_mail(sink_.messages()[1]).header("Subject"), "Second");
}

TEST_F(Outbox, EveryDueMessageIsDeliveredInOneRound) {
  for (int i = 0; i < 5; ++i) {
    queue("Message " + std::to_string(i), "body");
  }
  EXPECT_EQ(deliver(), 5);
  EXPECT_EQ(sink_.messages().size(), 5u);
}

TEST_F(Outbox, AnAdministratorRetriesAFailedMessage) {
  const std::int64_t id = queue();
  policy_.max_attempts = 1;
  sink_.fail_with_451(true);
  ASSERT_EQ(deliver(), 0);
  ASSERT_EQ(row(id).status, "failed");
  sink_.fail_with_451(false);

  EXPECT_FALSE(app::retry_outbox_message(world_.services(), world_.actor(world_.auditor), id));
  EXPECT_EQ(app::retry_outbox_message(world_.services(), world_.actor(world_.admin), id + 100)
                .error()
                .kind,
            core::ErrorKind::not_found);
  ASSERT_TRUE(app::retry_outbox_message(world_.services(), world_.actor(world_.admin), id));
  EXPECT_EQ(row(id).status, "pending");
  EXPECT_EQ(row(id).attempts, 0);
  EXPECT_EQ(
      app::retry_outbox_message(world_.services(), world_.actor(world_.admin), id).error().kind,
      core::ErrorKind::conflict)
      << "only a failed message is retried";
  EXPECT_EQ(deliver(), 1);
  EXPECT_EQ(row(id).status, "sent");
  std::int64_t audited = 0;
  world_.db().read_all([&](store::Tx& tx) {
    audited = tx.query_one(
                    "SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.retry' "
                    "AND entity_id = $1",
                    {std::to_string(id)})
                  ->integer(0);
  });
  EXPECT_EQ(audited, 1);
}

TEST_F(Outbox, TheAdministratorsListShowsFailedMessagesFirst) {
  const std::int64_t failed = queue("Will fail", "x");
  policy_.max_attempts = 1;
  sink_.fail_with_451(true);
  ASSERT_EQ(deliver(), 0);
  sink_.fail_with_451(false);
  const std::int64_t waiting = queue("Waiting", "y");
  auto page = app::outbox_page(world_.services(), world_.actor(world_.admin), 1);
  ASSERT_TRUE(page);
  const auto& list = page->messages;
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, failed);
  EXPECT_EQ(list[0].status, store::OutboxStatus::failed);
  EXPECT_NE(list[0].last_error.find("451"), std::string::npos);
  EXPECT_EQ(list[1].id, waiting);
  EXPECT_EQ(list[1].next_attempt, "24 November 2026 09:00");
  EXPECT_FALSE(app::outbox_page(world_.services(), world_.actor(world_.sw_a), 1));
}

// A Mailer that records what it is given and says when the first arrives.
class RecordingMailer final : public Mailer {
 public:
  core::Status send(const OutgoingMail& mail) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(mail);
    if (sent_.size() == 1) {
      first_.set_value();
    }
    return core::ok_status();
  }
  std::future<void> first() { return first_.get_future(); }
  std::vector<OutgoingMail> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  std::vector<OutgoingMail> sent_;
  std::promise<void> first_;
};

TEST_F(Outbox, TheWorkerRecoversThenDeliversAtStartAndStopsWithoutWaitingItsInterval) {
  const std::int64_t id = queue();
  world_.db().write_all(
      [&](store::Tx& tx) { tx.exec("UPDATE outbox SET status = 'sending' WHERE id = $1", {id}); });
  RecordingMailer mailer;
  std::future<void> first = mailer.first();
  {
    OutboxWorker worker(world_.services(), mailer, policy_, std::chrono::hours(24));
    worker.start();
    ASSERT_EQ(first.wait_for(60s), std::future_status::ready);
    worker.stop();  // with a day's interval, returns only because stop wakes it
  }
  ASSERT_EQ(mailer.sent().size(), 1u);
  EXPECT_EQ(mailer.sent()[0].id, id);
  EXPECT_EQ(row(id).status, "sent");
}

TEST(RetryDelay, FollowsTheSchedule) {
  struct Row {
    int failed_attempts;
    std::chrono::seconds wait;
  };
  const Row rows[] = {
      {.failed_attempts = 1, .wait = 1min},  {.failed_attempts = 2, .wait = 5min},
      {.failed_attempts = 3, .wait = 30min}, {.failed_attempts = 4, .wait = 2h},
      {.failed_attempts = 5, .wait = 6h},    {.failed_attempts = 12, .wait = 6h},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(retry_delay(r.failed_attempts), r.wait) << r.failed_attempts;
  }
}

TEST(AddressDomain, TakesTheDomainOfTheFromAddress) {
  EXPECT_EQ(address_domain("Panel <panel@council.gov.uk>", "x"), "council.gov.uk");
  EXPECT_EQ(address_domain("panel@council.gov.uk", "x"), "council.gov.uk");
  EXPECT_EQ(address_domain("no address", "casepanel"), "casepanel");
}

// The whole path of an invitation: scheduling a hearing queues one for each
// presenter, the worker delivers it over SMTP, and a move and a cancellation
// send updates with the same UID and a higher SEQUENCE.
TEST_F(Outbox, AHearingsInvitationsArriveAndItsMoveAndCancellationUpdateThem) {
  auto& s = world_.services();
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto request = testing::sent_clam_request(world_, {world_.child_a});
  testing::approve_clam(world_, request);
  std::int64_t sitting = 0;
  world_.db().read_all([&](store::Tx& tx) {
    sitting = tx.query_one(
                    "SELECT id FROM sittings WHERE panel_id = 'clam' AND "
                    "sitting_date = '2026-12-01'")
                  ->integer(0);
  });
  const app::Actor coordinator = world_.actor(world_.coordinator);
  // The calendar parts that reached sw_a, in order.
  auto invitations = [&] {
    deliver();
    std::vector<std::string> out;
    for (const std::string& raw : sink_.messages()) {
      const ReadMail m = read_mail(raw);
      if (raw.find("X-Envelope-To: sw_a@test") == std::string::npos || m.parts.size() < 2) {
        continue;
      }
      out.push_back(m.parts[1].content);
    }
    return out;
  };
  ASSERT_TRUE(app::schedule_request(s, coordinator, request, sitting, "13:45").ok());
  auto got = invitations();
  ASSERT_EQ(got.size(), 1u);
  const std::regex uid("UID:(hearing-[0-9]+@casepanel)");
  std::smatch first_uid;
  ASSERT_TRUE(std::regex_search(got[0], first_uid, uid)) << got[0];
  const std::string hearing_uid = "UID:" + first_uid[1].str();
  EXPECT_NE(got[0].find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(got[0].find("SEQUENCE:0"), std::string::npos);
  EXPECT_NE(got[0].find("DTSTART;TZID=Europe/London:20261201T134500"), std::string::npos) << got[0];
  EXPECT_NE(got[0].find("DTEND;TZID=Europe/London:20261201T140000"), std::string::npos);
  EXPECT_NE(got[0].find("BEGIN:VTIMEZONE"), std::string::npos);

  app::SittingInput to{"", "2026-12-02", "10:00", "13:30", "chn", "", ""};
  ASSERT_TRUE(app::move_sitting(s, coordinator, sitting, to, "Court hearing").ok());
  got = invitations();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[1].find(hearing_uid), std::string::npos);
  EXPECT_NE(got[1].find("SEQUENCE:1"), std::string::npos);
  EXPECT_NE(got[1].find("DTSTART;TZID=Europe/London:20261202T101500"), std::string::npos) << got[1];

  ASSERT_TRUE(app::cancel_sitting(s, coordinator, sitting, "Chair unwell").ok());
  got = invitations();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NE(got[2].find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(got[2].find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_NE(got[2].find("SEQUENCE:2"), std::string::npos);
  EXPECT_NE(got[2].find(hearing_uid), std::string::npos);
}

}  // namespace
}  // namespace casepanel::jobs
