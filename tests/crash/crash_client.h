// CrashClient: one writer's browser in the crash harness.
//
// Keeps its session cookie and CSRF token across server restarts (sessions
// live in the database, and the harness's clock stands still, so a session
// outlives the process that made it): a writer signs in once per run, not
// once per server life, because argon2 is slow under the sanitizers.
// set_port() points it at the restarted server.
//
// Each request is one connection, closed after the answer, so that a request
// is either answered or lost with the connection: get() and post() throw
// (Poco::Exception) when the connection fails, which the harness records as
// an unknown outcome. Redirects are not followed: a 303 is the answer.
//
// Thread safety: one writer thread per client.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/cookie_jar.h"

namespace casepanel::crash {

struct Answer {
  int status = 0;
  std::string location;  // the Location header of a redirect
  std::string body;
};

using Form = std::vector<std::pair<std::string, std::string>>;

class CrashClient {
 public:
  void set_port(int port) { port_ = port; }
  Answer get(const std::string& path) { return send("GET", path, {}); }
  // Adds the session's CSRF token to the form.
  Answer post(const std::string& path, Form form);
  // Signs in through the form and reads the CSRF token from `csrf_page`.
  // Throws std::runtime_error if the server refuses.
  void sign_in(const std::string& email, const std::string& password, const std::string& csrf_page);

 private:
  Answer send(const std::string& method, const std::string& path, const Form& form);

  int port_ = 0;
  std::string csrf_;
  testing::CookieJar cookies_;
};

}  // namespace casepanel::crash
