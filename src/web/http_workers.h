// The worker pool of the HTTP server: threads that take complete requests
// from a queue, decode their bodies (web/wire.h), run the handler, and
// serialise the response (web/http_response.h). Finished responses wait in
// an outbox for the I/O thread, which an eventfd wakes. A response that may
// not be sent before some work commits (WebResponse::after: a kept page's
// view event) goes to the outbox when that work does, posted by the thread
// that committed it, while the worker goes on to the next request.
//
// The I/O thread may answer a request itself (serve_here): a kept page or a
// static file, which need no waiting (core/non_blocking.h). What the answer
// owes (the shared write of a kept page's view event, core/deferred.h) is
// handed to the workers, which run it before any request.
//
// submit() and take_finished() may be called from any thread; the
// constructor starts the threads and stop() (or the destructor) joins them,
// once the work owed is done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <latch>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "web/http.h"
#include "web/http_parser.h"
#include "web/http_response.h"

namespace casepanel::web {

struct HttpJob {
  std::uint64_t connection = 0;
  WebRequest request;
  std::string content_type;
  std::string body;
  BodyMode mode = BodyMode::with_body;
  Persistence persistence = Persistence::keep_alive;
};

struct HttpFinished {
  std::uint64_t connection = 0;
  Outgoing bytes;
  Persistence persistence = Persistence::keep_alive;
};

// Fills the request's form and files from the job's body; false when the
// body cannot be read (the caller answers 400).
bool decode_body(HttpJob& job);

class HttpWorkers {
 public:
  using Handler = std::function<WebResponse(WebRequest&)>;
  // `wake` is an eventfd, written when a finished response waits for the I/O
  // thread and none did before it.
  HttpWorkers(Handler handler, int threads, int wake);
  ~HttpWorkers();

  // False when `max_queued` jobs are already waiting (the caller answers 503).
  bool submit(HttpJob job, std::size_t max_queued);

  // How serve_here() left a request.
  enum class Here {
    declined,  // nothing was done: submit() it
    answered,  // `done` holds the response, to send now
    later,     // a kept page: posted (take_finished) once its view commits
  };
  // Answers the request on the calling thread if nothing on the way waits
  // (core/non_blocking.h): a GET or HEAD without a body, for a kept page or
  // a static file. Declined while kMostHeld responses wait already. When it
  // is `later`, the job is kept: should the reads its answer presumed turn
  // out stale (store/presumed_reads.h), a worker handles it again, first.
  Here serve_here(HttpJob& job, HttpFinished& done);
  // The requests serve_here() answered: those it did not decline, but for
  // those handled again by a worker.
  std::uint64_t served_here() const { return served_here_.load(); }
  std::vector<HttpFinished> take_finished();
  void stop();

 private:
  void run();
  // The response's bytes, and what it may not be sent before (`after`).
  HttpFinished work(HttpJob& job, std::shared_ptr<core::Completion>& after) const;
  // Hands a finished response to the I/O thread.
  void post(HttpFinished done);
  // Posts `done` once `after` has succeeded, or a 500 if it failed, and then
  // takes it out of held_ (the caller counted it in) and counts `posted` down.
  // When `after` is stale, `again` (serve_here's) goes to a worker instead,
  // ahead of the queue.
  void post_after(const std::shared_ptr<core::Completion>& after, HttpFinished done, BodyMode mode,
                  std::string path, std::latch* posted,
                  std::optional<HttpJob> again = std::nullopt);

  // Responses waiting for their work to commit (WebResponse::after), and
  // how many may before a worker waits with its own: a bound on the memory
  // they hold. Only a kept page waits (web/site.h, Site::kept_page), and its
  // body is the cache's, shared: what one holds of its own is its head, under
  // 2 KB. At 32, a worker with the 33rd waited on the commit's fsync with it,
  // however many requests were queued (docs/benchmarks.md, "Commits that keep
  // the cores busy").
  static constexpr int kMostHeld = 1024;
  std::atomic<int> held_{0};
  std::atomic<std::uint64_t> served_here_{0};
  Handler handler_;
  int wake_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<HttpJob> jobs_;
  std::deque<std::function<void()>> owed_;  // by answers serve_here() gave
  std::vector<HttpFinished> finished_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace casepanel::web
