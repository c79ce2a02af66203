#include "web/http.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace casepanel::web {

std::string WebRequest::field(const std::string& name) const {
  auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

std::vector<std::string> WebRequest::fields(const std::string& name) const {
  std::vector<std::string> out;
  auto [b, e] = form.equal_range(name);
  for (auto it = b; it != e; ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::string WebRequest::query_value(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

const app::Actor& WebRequest::actor() const {
  if (session) {
    return session->actor;
  }
  if (api_actor) {
    return *api_actor;
  }
  throw std::logic_error("a route that needs a signed-in user ran without one");
}

std::int64_t WebRequest::id_param(std::size_t i) const {
  return i < params.size() ? parse_id(params[i]) : 0;
}

std::int64_t parse_id(const std::string& text) {
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc{} || p != text.data() + text.size() || out <= 0) {
    return 0;
  }
  return out;
}

WebResponse WebResponse::redirect(const std::string& location) {
  WebResponse r;
  r.status = 303;
  r.headers.emplace_back("Location", location);
  return r;
}

WebResponse WebResponse::json(int status, std::string body) {
  WebResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

WebResponse WebResponse::json_error(int status, const std::string& error,
                                    const std::string& reason) {
  return json(status, nlohmann::json{{"error", error}, {"reason", reason}}.dump());
}

WebResponse WebResponse::text(int status, std::string body) {
  WebResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

}  // namespace casepanel::web
