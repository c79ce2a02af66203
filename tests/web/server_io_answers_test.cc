// The I/O thread answering a request itself (ServerConfig::io_thread_answers,
// HttpWorkers::serve_here, core/non_blocking.h): a GET whose handler needs no
// waiting is answered on the I/O thread; one that would wait is handed to a
// worker whole and answered there; what an answer owes (core/deferred.h) is
// run by a worker, and the answer is sent only once it has succeeded; a POST
// is never tried there; answers keep their order on a connection.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/completion.h"
#include "core/deferred.h"
#include "core/non_blocking.h"
#include "web/server.h"
#include "web/server_raw.h"

namespace casepanel::web {
namespace {

using testing_raw::RawConnection;

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// A handler whose paths ask for what the real ones do, noting the threads
// each ran on.
class IoAnswers : public ::testing::Test {
 protected:
  void serve(bool io_thread_answers) {
    ServerConfig config;
    config.port = 0;
    config.max_threads = 2;
    config.io_thread_answers = io_thread_answers;
    server_ = std::make_unique<Server>([this](WebRequest& r) { return handle(r); }, config);
    server_->start();
  }
  ~IoAnswers() override {
    if (server_) {
      server_->stop();
    }
  }

  WebResponse handle(WebRequest& r) {
    note(r.path, std::this_thread::get_id());
    if (r.path == "/built") {
      core::NonBlocking::would_wait();  // a page built from the database
    }
    WebResponse out = WebResponse::text(200, r.method + " " + r.path);
    if (r.path == "/kept-stale" && core::NonBlocking::open()) {
      // Answered on reads presumed on the I/O thread that the view's write
      // found stale (store/presumed_reads.h).
      auto view = std::make_shared<core::Completion>();
      core::Deferred::later([view] { view->finish(core::Completion::Outcome::stale); });
      out.body = "presumed";
      out.after = view;
      return out;
    }
    if (r.path == "/kept" || r.path == "/kept-fails") {
      // A kept page: sent once its view event, owed to a worker, commits.
      auto view = std::make_shared<core::Completion>();
      const bool ok = r.path == "/kept";
      core::Deferred::later([this, view, ok] {
        note("owed", std::this_thread::get_id());
        view->finish(ok ? core::Completion::Outcome::committed : core::Completion::Outcome::failed);
      });
      out.after = view;
    }
    return out;
  }

  void note(const std::string& what, std::thread::id on) {
    std::lock_guard lock(mutex_);
    threads_[what].insert(on);
    ++runs_[what];
  }
  std::set<std::thread::id> threads(const std::string& what) {
    std::lock_guard lock(mutex_);
    return threads_[what];
  }
  int runs(const std::string& what) {
    std::lock_guard lock(mutex_);
    return runs_[what];
  }
  std::string answer(const std::string& request) {
    RawConnection c(server_->port());
    EXPECT_TRUE(c.send(request));
    const auto r = c.read_response();
    return r ? std::to_string(r->status) + " " + r->body : "no answer";
  }

  std::unique_ptr<Server> server_;
  std::mutex mutex_;
  std::map<std::string, std::set<std::thread::id>> threads_;
  std::map<std::string, int> runs_;
};

TEST_F(IoAnswers, AGetThatNeedsNoWaitingIsAnsweredByTheIoThread) {
  serve(true);
  EXPECT_EQ(answer(get("/quick")), "200 GET /quick");
  EXPECT_EQ(answer(get("/quick")), "200 GET /quick");
  EXPECT_EQ(server_->answered_by_io_thread(), 2u);
  EXPECT_EQ(threads("/quick").size(), 1u) << "both on the one I/O thread";
}

TEST_F(IoAnswers, AGetThatWouldWaitIsAnsweredWholeByAWorker) {
  serve(true);
  EXPECT_EQ(answer(get("/quick")), "200 GET /quick");
  EXPECT_EQ(answer(get("/built")), "200 GET /built");
  EXPECT_EQ(server_->answered_by_io_thread(), 1u);
  EXPECT_EQ(runs("/built"), 2) << "tried on the I/O thread, then run from the start";
  const auto io = threads("/quick");
  const auto built = threads("/built");
  EXPECT_EQ(built.size(), 2u);
  EXPECT_TRUE(built.contains(*io.begin())) << "the attempt was the I/O thread's";
}

TEST_F(IoAnswers, WhatAnAnswerOwesIsRunByAWorkerBeforeTheAnswerIsSent) {
  serve(true);
  EXPECT_EQ(answer(get("/quick")), "200 GET /quick");
  EXPECT_EQ(answer(get("/kept")), "200 GET /kept");
  EXPECT_EQ(server_->answered_by_io_thread(), 2u);
  EXPECT_EQ(runs("owed"), 1);
  const auto io = *threads("/quick").begin();
  EXPECT_EQ(threads("/kept"), std::set{io});
  EXPECT_FALSE(threads("owed").contains(io)) << "the I/O thread never runs a commit";
  // Its view could not be recorded: the page is never sent.
  const std::string failed = answer(get("/kept-fails"));
  EXPECT_EQ(failed.substr(0, 4), "500 ");
  EXPECT_EQ(failed.find("/kept-fails"), std::string::npos);
}

TEST_F(IoAnswers, AnAnswerWhosePresumptionTurnedStaleIsHandledAgainByAWorker) {
  serve(true);
  EXPECT_EQ(answer(get("/quick")), "200 GET /quick");
  EXPECT_EQ(answer(get("/kept-stale")), "200 GET /kept-stale") << "never the presumed answer";
  EXPECT_EQ(runs("/kept-stale"), 2);
  const auto io = *threads("/quick").begin();
  const auto ran = threads("/kept-stale");
  EXPECT_TRUE(ran.contains(io)) << "tried on the I/O thread first";
  EXPECT_EQ(ran.size(), 2u) << "then by a worker";
  EXPECT_EQ(server_->answered_by_io_thread(), 1u) << "only /quick";
}

TEST_F(IoAnswers, APostIsNeverTriedOnTheIoThread) {
  serve(true);
  EXPECT_EQ(answer("POST /quick HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"),
            "200 POST /quick");
  EXPECT_EQ(runs("/quick"), 1);
  EXPECT_EQ(server_->answered_by_io_thread(), 0u);
}

TEST_F(IoAnswers, WithoutTheSettingEveryRequestGoesToTheWorkers) {
  serve(false);
  EXPECT_EQ(answer(get("/kept")), "200 GET /kept");
  EXPECT_EQ(answer(get("/built")), "200 GET /built");
  EXPECT_EQ(runs("/built"), 1);
  EXPECT_EQ(server_->answered_by_io_thread(), 0u);
}

TEST_F(IoAnswers, PipelinedAnswersKeepTheirOrderWhoeverGivesThem) {
  serve(true);
  RawConnection c(server_->port());
  ASSERT_TRUE(c.send(get("/kept") + get("/built") + get("/quick") + get("/kept")));
  for (const char* path : {"/kept", "/built", "/quick", "/kept"}) {
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value()) << path;
    EXPECT_EQ(r->body, std::string("GET ") + path);
  }
  EXPECT_EQ(server_->answered_by_io_thread(), 3u);
}

}  // namespace
}  // namespace casepanel::web
