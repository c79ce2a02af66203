#include "web/http_workers.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdint>

#include "core/deferred.h"
#include "core/non_blocking.h"
#include "web/wire.h"

namespace casepanel::web {

bool decode_body(HttpJob& job) {
  if (job.body.empty()) {
    return true;
  }
  WebRequest& r = job.request;
  if (is_multipart(job.content_type)) {
    const auto boundary = multipart_boundary(job.content_type);
    if (!boundary || !parse_multipart(*boundary, job.body, r.form, r.files)) {
      r.form.clear();
      r.files.clear();
      return false;
    }
    return true;
  }
  if (is_urlencoded(job.content_type)) {
    return parse_urlencoded(job.body, r.form);
  }
  // Another type (JSON, text): no form fields, so no CSRF token either.
  return true;
}

HttpWorkers::HttpWorkers(Handler handler, int threads, int wake)
    : handler_(std::move(handler)), wake_(wake) {
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this] { run(); });
  }
}

HttpWorkers::~HttpWorkers() { stop(); }

void HttpWorkers::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) {
      t.join();
    }
  }
  threads_.clear();
}

bool HttpWorkers::submit(HttpJob job, std::size_t max_queued) {
  {
    std::lock_guard lock(mutex_);
    if (jobs_.size() >= max_queued) {
      return false;
    }
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

std::vector<HttpFinished> HttpWorkers::take_finished() {
  std::vector<HttpFinished> out;
  std::lock_guard lock(mutex_);
  out.swap(finished_);
  return out;
}

void HttpWorkers::run() {
  for (;;) {
    HttpJob job;
    std::function<void()> owed_work;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty() || !owed_.empty(); });
      if (!owed_.empty()) {
        owed_work = std::move(owed_.front());
        owed_.pop_front();
      } else if (stopping_) {
        return;
      } else {
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
    }
    if (owed_work) {
      owed_work();  // a shared write: it reports its own failure to its pages
      continue;
    }
    // A shared write this request's handler must run waits until the
    // response is handed over (core/deferred.h).
    core::Deferred owed;
    std::shared_ptr<core::Completion> after;
    HttpFinished done = work(job, after);
    if (!after) {
      post(std::move(done));
      continue;
    }
    // Sent once what it waits for has committed; meanwhile this thread takes
    // the next request, unless kMostHeld responses wait already (each holds
    // its page): then it waits too. The thread that finishes the work posts it.
    const bool wait = held_.fetch_add(1) >= kMostHeld;
    std::latch posted{1};
    post_after(after, std::move(done), job.mode, std::move(job.request.path),
               wait ? &posted : nullptr);
    owed.run();
    if (wait) {
      posted.wait();
    }
  }
}

HttpWorkers::Here HttpWorkers::serve_here(HttpJob& job, HttpFinished& done) {
  const std::string& method = job.request.method;
  if ((method != "GET" && method != "HEAD") || !job.body.empty() || held_.load() >= kMostHeld) {
    return Here::declined;
  }
  HttpJob mine = job;  // a declined request goes to a worker as it came
  core::Deferred owed;
  std::shared_ptr<core::Completion> after;
  try {
    const core::NonBlocking here;
    done = work(mine, after);
  } catch (const core::WouldWait&) {
    return Here::declined;  // thrown before anything was written or owed
  }
  if (std::vector<std::function<void()>> owes = owed.take(); !owes.empty()) {
    {
      std::lock_guard lock(mutex_);
      for (auto& each : owes) {
        owed_.push_back(std::move(each));
      }
    }
    ready_.notify_one();
  }
  if (!after) {
    ++served_here_;
    return Here::answered;
  }
  ++held_;  // checked on the way in: past the bound, the request went to a worker
  const BodyMode mode = job.mode;
  std::string path = job.request.path;
  post_after(after, std::move(done), mode, std::move(path), nullptr, std::move(job));
  return Here::later;
}

void HttpWorkers::post_after(const std::shared_ptr<core::Completion>& after, HttpFinished done,
                             BodyMode mode, std::string path, std::latch* posted,
                             std::optional<HttpJob> again) {
  after->then([this, done = std::move(done), mode, path = std::move(path), posted,
               again = std::move(again)](core::Completion::Outcome outcome) mutable {
    using Outcome = core::Completion::Outcome;
    if (outcome == Outcome::stale && again) {
      // Answered on reads that no longer held: handled again, from the
      // start, by a worker, before the requests queued after it.
      {
        std::lock_guard lock(mutex_);
        jobs_.push_front(std::move(*again));
      }
      ready_.notify_one();
    } else {
      if (outcome != Outcome::committed) {
        spdlog::error("GET {}: its view could not be recorded; a 500 was sent instead", path);
        done.bytes = serialise_response(protocol_error(500, "Internal server error\n"), mode,
                                        done.persistence);
      }
      if (again) {
        ++served_here_;
      }
      post(std::move(done));
    }
    --held_;
    if (posted != nullptr) {
      posted->count_down();
    }
  });
}

void HttpWorkers::post(HttpFinished done) {
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    first = finished_.empty();
    finished_.push_back(std::move(done));
  }
  // One wake for the responses that wait together: the I/O thread reads the
  // eventfd before it takes them all (take_finished), so a response posted
  // to a list not yet empty is taken with those already woken for. A commit
  // of many views posts their pages at once.
  if (first) {
    const std::uint64_t one = 1;
    // The eventfd's counter only grows: a write cannot fail short.
    [[maybe_unused]] const ssize_t n = write(wake_, &one, sizeof one);
  }
}

HttpFinished HttpWorkers::work(HttpJob& job, std::shared_ptr<core::Completion>& after) const {
  HttpFinished done;
  done.connection = job.connection;
  done.persistence = job.persistence;
  WebResponse response;
  if (!decode_body(job)) {
    response = protocol_error(400, "The form could not be read\n");
  } else {
    try {
      response = handler_(job.request);
    } catch (const std::exception& e) {
      // Site::handle catches its own; this is a test handler's or a bug.
      spdlog::error("{} {}: {}", job.request.method, job.request.path, e.what());
      response = protocol_error(500, "Internal server error\n");
    }
  }
  after = std::move(response.after);
  done.bytes = serialise_response(std::move(response), job.mode, done.persistence);
  return done;
}

}  // namespace casepanel::web
