#include "web/server_connection.h"

#include "web/http_response.h"
#include "web/server.h"
#include "web/server_socket.h"
#include "web/wire.h"

namespace casepanel::web {
namespace {

// Room for a multipart form's other fields and part headers beside its file.
constexpr std::size_t kMultipartOverhead = 64 * 1024;

}  // namespace

std::size_t body_limit(const Connection& c, const ServerConfig& config) {
  return c.upload ? config.max_upload_bytes + kMultipartOverhead : config.max_form_bytes;
}

WebResponse too_large(const Connection& c, const ServerConfig& config) {
  return protocol_error(413, c.upload
                                 ? "The file is too large: the limit is " +
                                       std::to_string(config.max_upload_bytes / (1024 * 1024)) +
                                       " MB.\nGo back and choose a smaller file.\n"
                                 : std::string("The form is too large.\n"));
}

std::optional<HttpJob> take_request(Connection& c, const ServerConfig& config) {
  HttpJob job;
  job.connection = c.id;
  WebRequest& r = job.request;
  r.method = c.head.method;
  r.path = std::move(c.target.path);
  if (!parse_urlencoded(c.target.query, r.query)) {
    return std::nullopt;
  }
  for (const auto& [name, value] : c.head.fields) {
    if (name == "cookie") {
      r.cookies.merge(parse_cookies(value));
    }
  }
  if (const std::string* authorization = c.head.field("authorization")) {
    r.authorization = *authorization;
  }
  r.client_address = client_address(c.peer, c.head.field("x-real-ip"), config.trusted_proxies);
  if (const std::string* type = c.head.field("content-type")) {
    job.content_type = *type;
  }
  job.body = std::move(c.body);
  c.body.clear();
  c.chunked.reset();
  job.mode = r.method == "HEAD" ? BodyMode::head_only : BodyMode::with_body;
  ++c.served;
  job.persistence = config.keep_alive && c.served < config.max_keep_alive_requests
                        ? c.head.persistence
                        : Persistence::close;
  c.phase = Phase::handling;
  return job;
}

}  // namespace casepanel::web
