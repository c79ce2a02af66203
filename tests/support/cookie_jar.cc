#include "support/cookie_jar.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include <vector>

namespace casepanel::testing {

void CookieJar::add_to(Poco::Net::HTTPRequest& request) const {
  Poco::Net::NameValueCollection cookies;
  for (const auto& [name, value] : cookies_) {
    cookies.add(name, value);
  }
  request.setCookies(cookies);
}

void CookieJar::keep_from(const Poco::Net::HTTPResponse& response) {
  std::vector<Poco::Net::HTTPCookie> set;
  response.getCookies(set);
  for (const auto& c : set) {
    if (c.getMaxAge() == 0) {
      cookies_.erase(c.getName());
    } else {
      cookies_[c.getName()] = c.getValue();
    }
  }
}

}  // namespace casepanel::testing
