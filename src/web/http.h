// The web layer's own request and response: POCO's are translated at the
// edge (server.cc), so handlers are plain functions that tests can call and
// that never see sockets.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/auth.h"
#include "core/completion.h"
#include "web/outgoing.h"

namespace casepanel::web {

// A file sent with a multipart/form-data form, held in memory (the server
// refuses bodies over the configured upload limit before reading them).
struct UploadedFile {
  std::string field;      // the form field's name
  std::string file_name;  // as the browser sent it: not yet cleaned
  std::string content;
};

struct WebRequest {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> query;
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;  // multipart/form-data file parts, in order
  std::map<std::string, std::string> cookies;
  std::string authorization;
  std::string client_address;       // the peer's IP address, set by the server
  std::vector<std::string> params;  // captures of {id} in the route pattern
  std::optional<app::SessionInfo> session;
  std::optional<app::Actor> api_actor;

  std::string field(const std::string& name) const;  // first form value, or ""
  std::vector<std::string> fields(const std::string& name) const;
  std::string query_value(const std::string& name) const;
  // The signed-in person (browser session or API token).
  const app::Actor& actor() const;
  // Route capture i as a positive id, or 0.
  std::int64_t id_param(std::size_t i = 0) const;
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // A page kept in memory (web/page_cache.h), sent after `body` (which a
  // kept page leaves empty) from the parts it shares with other responses,
  // never copied into one string.
  Outgoing shared_body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Static assets may be cached; everything else gets Cache-Control: no-store.
  bool cacheable = false;
  // Work the response may not be sent before (the audit event of a page
  // served from memory, committing in a shared write): the server sends it
  // once this has succeeded, and a 500 if it failed (web/http_workers.h).
  // Null: nothing to wait for.
  std::shared_ptr<core::Completion> after;

  static WebResponse redirect(const std::string& location);  // 303 See Other
  static WebResponse json(int status, std::string body);
  // The API's error: {"error": error, "reason": reason} (docs/api.md).
  static WebResponse json_error(int status, const std::string& error, const std::string& reason);
  static WebResponse text(int status, std::string body);
};

// Parses a positive decimal id; 0 when the text is not one.
std::int64_t parse_id(const std::string& text);

}  // namespace casepanel::web
