// A browser-like HTTP client for the web tests: keeps cookies, reads CSRF
// tokens from pages, sends url-encoded or multipart forms, and can act with
// an API token.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/cookie_jar.h"

namespace casepanel::web {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

struct FilePart {
  std::string name;
  std::string content;
  std::string type = "application/octet-stream";
  std::string field = "file";  // the form field it is sent in
};

using Form = std::vector<std::pair<std::string, std::string>>;

class Client {
 public:
  explicit Client(int port) : port_(port) {}

  Reply get(const std::string& path) { return send("GET", path, {}, nullptr, ""); }
  Reply post(const std::string& path, Form form) {
    return send("POST", path, std::move(form), nullptr, "");
  }
  Reply get_with_token(const std::string& path, const std::string& token) {
    return send("GET", path, {}, nullptr, token);
  }
  // A multipart form with one file, in the field "file".
  Reply upload(const std::string& path, const std::string& csrf, const FilePart& file) {
    return send("POST", path, {{"csrf_token", csrf}}, &file, "");
  }

  // A multipart form with fields and one file (in file.field).
  Reply upload(const std::string& path, Form form, const FilePart& file) {
    return send("POST", path, std::move(form), &file, "");
  }

  // Signs in through the form; true when the session cookie was set.
  bool sign_in(const std::string& email);
  // The cookies as a Cookie header's value, for raw requests.
  std::string cookie_header() const;
  // The first CSRF token in a page.
  static std::string token_in(const std::string& html);

 private:
  Reply send(const std::string& method, const std::string& path, Form form, const FilePart* file,
             const std::string& bearer);

  int port_;
  testing::CookieJar cookies_;
};

}  // namespace casepanel::web
