// Outbox delivery from several instances on one database (issue 15 §2):
// each "instance" is its own store::Database opened on the TestWorld's
// database and its own app::Services, as two `casepanel serve` processes
// would have; all deliver to one SMTP sink on loopback. No sleeps: threads
// meet at latches, and a mailer that holds its message until told to go
// stands for an SMTP exchange in progress.
#include <gtest/gtest.h>

#include <future>
#include <latch>
#include <memory>
#include <set>
#include <thread>

#include "app/notifications.h"
#include "jobs/mail_reader.h"
#include "jobs/outbox.h"
#include "support/smtp_sink.h"
#include "support/world.h"

namespace casepanel::jobs {
namespace {

using namespace std::chrono_literals;
using testing::SmtpSink;
using testing::TestWorld;

// A second casepanel instance on the world's database: its own connections,
// the world's clock, calendar and panels.
struct Instance {
  explicit Instance(TestWorld& w)
      : db(store::Database::open(w.location(), 2)),
        services{*db, w.services().clock, w.services().calendar, w.services().panels} {}
  std::unique_ptr<store::Database> db;
  app::Services services;
};

// Hands the message to the real mailer only when released, after saying
// that it has it: an SMTP exchange caught in the middle.
class HeldMailer final : public Mailer {
 public:
  explicit HeldMailer(Mailer& inner) : inner_(inner) {}
  core::Status send(const OutgoingMail& mail) override {
    holding_.set_value();
    release_.get_future().wait();
    return inner_.send(mail);
  }
  std::future<void> holding() { return holding_.get_future(); }
  void release() { release_.set_value(); }

 private:
  Mailer& inner_;
  std::promise<void> holding_;
  std::promise<void> release_;
};

class OutboxInstances : public ::testing::Test {
 protected:
  std::int64_t queue(const std::string& subject) {
    std::int64_t id = 0;
    world_.db().write_all([&](store::Tx& tx) {
      app::queue_email(tx, world_.services(), world_.sw_a, subject, "body");
      id = tx.query_one("SELECT MAX(id) FROM outbox")->integer(0);
    });
    return id;
  }
  std::int64_t rows(const std::string& where) {
    return testing::number(world_, "SELECT COUNT(*) FROM outbox WHERE " + where);
  }

  TestWorld world_;
  SmtpSink sink_{world_.dir() / "mail"};
  OutboxPolicy policy_{.message_id_domain = "council.test"};
};

TEST_F(OutboxInstances, TwoInstancesDeliveringAtOnceSendEachMessageExactlyOnce) {
  constexpr int kMessages = 24;
  for (int i = 0; i < kMessages; ++i) {
    queue("Message " + std::to_string(i));
  }
  std::latch start(2);
  int sent[2] = {0, 0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      Instance instance(world_);
      SmtpMailer mailer(sink_settings(sink_.port()));
      start.arrive_and_wait();
      sent[t] = deliver_due(instance.services, mailer, policy_);
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(sent[0] + sent[1], kMessages);
  const std::vector<std::string> mail = sink_.messages();
  ASSERT_EQ(mail.size(), static_cast<std::size_t>(kMessages));
  std::set<std::string> subjects;
  std::set<std::string> ids;
  for (const std::string& m : mail) {
    subjects.insert(read_mail(m).header("Subject"));
    ids.insert(read_mail(m).header("Message-ID"));
  }
  EXPECT_EQ(subjects.size(), static_cast<std::size_t>(kMessages)) << "a message went twice";
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kMessages));
  EXPECT_EQ(rows("status = 'sent' AND attempts = 1"), kMessages);
}

TEST_F(OutboxInstances, AnInstanceStartingWhileAnotherSendsDoesNotSendTheMessageAgain) {
  const std::int64_t id = queue("In flight");
  SmtpMailer mailer(sink_settings(sink_.port()));
  HeldMailer held(mailer);
  std::future<void> holding = held.holding();
  Instance first(world_);
  std::future<int> first_round =
      std::async(std::launch::async, [&] { return deliver_due(first.services, held, policy_); });
  holding.wait();  // the first instance has claimed the row and is sending it
  ASSERT_EQ(rows("status = 'sending'"), 1);

  // A second instance starts: its worker recovers, then delivers.
  Instance second(world_);
  EXPECT_EQ(recover_interrupted(second.services, policy_.claim_lease), 0);
  EXPECT_EQ(deliver_due(second.services, mailer, policy_), 0);
  EXPECT_TRUE(sink_.messages().empty());

  held.release();
  EXPECT_EQ(first_round.get(), 1);
  ASSERT_EQ(sink_.messages().size(), 1u);
  EXPECT_EQ(testing::number(world_, "SELECT attempts FROM outbox WHERE id = $1", {id}), 1);
  EXPECT_EQ(rows("status = 'sent'"), 1);
}

TEST_F(OutboxInstances, AClaimOlderThanTheLeaseIsRecoveredByAnotherInstanceAndSentOnce) {
  const std::int64_t id = queue("Left behind");
  // As an instance killed during the SMTP exchange leaves it.
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE outbox SET status = 'sending', claimed_at = $1 WHERE id = $2",
            {core::to_iso_utc(world_.clock().now()), id});
  });
  Instance other(world_);
  SmtpMailer mailer(sink_settings(sink_.port()));
  world_.clock().advance(policy_.claim_lease - 1s);
  EXPECT_EQ(deliver_due(other.services, mailer, policy_), 0) << "the claim is not stale yet";
  world_.clock().advance(1s);
  EXPECT_EQ(deliver_due(other.services, mailer, policy_), 1);
  EXPECT_EQ(deliver_due(other.services, mailer, policy_), 0);
  EXPECT_EQ(sink_.messages().size(), 1u);
  EXPECT_EQ(rows("status = 'sent'"), 1);
}

TEST(OutboxClaimLease, IsWellAboveAWholeSmtpExchange) {
  struct Row {
    std::chrono::seconds timeout;
    std::chrono::seconds lease;
  };
  for (const Row& r : {Row{.timeout = 5s, .lease = 15min}, Row{.timeout = 30s, .lease = 15min},
                       Row{.timeout = 120s, .lease = 40min}}) {
    EXPECT_EQ(claim_lease_for(r.timeout), r.lease) << r.timeout.count();
  }
}

}  // namespace
}  // namespace casepanel::jobs
