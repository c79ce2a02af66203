// CookieJar: the cookies a test's HTTP client keeps between requests, as a
// browser would: sent with every request, replaced by a Set-Cookie of the
// same name, forgotten when the server expires one (Max-Age=0). Used by the
// web tests' Client and the crash harness's client.
#pragma once

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <map>
#include <string>

namespace casepanel::testing {

class CookieJar {
 public:
  void add_to(Poco::Net::HTTPRequest& request) const;
  void keep_from(const Poco::Net::HTTPResponse& response);

  bool has(const std::string& name) const { return cookies_.count(name) > 0; }
  const std::map<std::string, std::string>& all() const { return cookies_; }
  void set(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void erase(const std::string& name) { cookies_.erase(name); }

 private:
  std::map<std::string, std::string> cookies_;
};

}  // namespace casepanel::testing
