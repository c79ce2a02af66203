// NonBlocking: a scope in which a thread that must not wait runs code written
// for threads that may. The HTTP server's I/O thread answers a request for a
// kept page itself (web/http_workers.h, HttpWorkers::serve_here): the session,
// the access check and the view event are a few reads and a queued write, and
// handing them to a worker cost two thread switches a request (issue 17,
// docs/benchmarks.md). Whatever would wait (a write transaction and its
// fsync, a page built from the database, a pooled connection not free) calls
// would_wait() first: outside a scope it does nothing; inside one it throws
// WouldWait, before anything is written, and the request goes to a worker,
// which handles it from the start.
//
// WouldWait is not a std::exception, so the handlers' catch-alls for errors
// (a 500 page) let it through.
#pragma once

namespace casepanel::core {

struct WouldWait {};

class NonBlocking {
 public:
  // Opens the scope on this thread (scopes nest).
  NonBlocking();
  ~NonBlocking();
  NonBlocking(const NonBlocking&) = delete;
  NonBlocking& operator=(const NonBlocking&) = delete;

  // True inside a scope.
  static bool open();
  // Throws WouldWait inside a scope.
  static void would_wait();
};

}  // namespace casepanel::core
