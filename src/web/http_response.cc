#include "web/http_response.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "core/text.h"

namespace casepanel::web {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

// The Date header's value, formatted once a second per thread.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[64] = {};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    cached_second = now;
  }
  return text;
}

// Headers the writer sets itself: a handler's copy is dropped (its
// Connection: close is honoured).
bool writer_owned(std::string_view name) {
  return core::ascii_iequals(name, "Connection") || core::ascii_iequals(name, "Content-Length") ||
         core::ascii_iequals(name, "Transfer-Encoding") || core::ascii_iequals(name, "Date");
}

bool all_headers_safe(const WebResponse& r) {
  if (!safe_header_value(r.content_type)) {
    return false;
  }
  return std::all_of(r.headers.begin(), r.headers.end(), [](const auto& header) {
    return is_token(header.first) && safe_header_value(header.second);
  });
}

bool asks_to_close(const WebResponse& r) {
  return std::any_of(r.headers.begin(), r.headers.end(), [](const auto& header) {
    return core::ascii_iequals(header.first, "Connection") &&
           core::ascii_iequals(header.second, "close");
  });
}

// The status line and headers, for a body of `body_size` bytes.
std::string head(const WebResponse& r, std::size_t body_size, Persistence persistence) {
  std::string out;
  out.reserve(256 + r.headers.size() * 64);
  out += "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += reason_phrase(r.status);
  out += "\r\nDate: ";
  out += http_date();
  out += "\r\nContent-Type: ";
  out += r.content_type;
  out += "\r\nContent-Length: ";
  out += std::to_string(body_size);
  out += persistence == Persistence::close ? "\r\nConnection: close" : "\r\nConnection: keep-alive";
  for (const auto& [name, value] : r.headers) {
    if (writer_owned(name)) {
      continue;
    }
    out += "\r\n";
    out += name;
    out += ": ";
    out += value;
  }
  out += "\r\n\r\n";
  return out;
}

// The head, then the body moved in and the shared parts added: the body's
// bytes are not copied.
Outgoing outgoing_of(WebResponse r, BodyMode mode, Persistence persistence) {
  Outgoing out(head(r, r.body.size() + r.shared_body.size(), persistence));
  if (mode == BodyMode::with_body) {
    out.add(std::move(r.body));
    out.add(std::move(r.shared_body));
  }
  return out;
}

}  // namespace

void add_security_headers(WebResponse& r) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self'; "
                         "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                         "object-src 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  r.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (r.cacheable) {
    r.headers.emplace_back("Cache-Control", "public, max-age=86400");
  } else {
    r.headers.emplace_back("Cache-Control", "no-store");
  }
}

WebResponse protocol_error(int status, std::string text) {
  WebResponse r = WebResponse::text(status, std::move(text));
  r.headers.emplace_back("Connection", "close");
  add_security_headers(r);
  return r;
}

bool safe_header_value(std::string_view value) {
  return std::all_of(value.begin(), value.end(),
                     [](unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7f); });
}

Outgoing serialise_response(WebResponse response, BodyMode mode, Persistence& persistence) {
  if (!all_headers_safe(response)) {
    spdlog::error("refused to send a {} response with a control character in a header",
                  response.status);
    persistence = Persistence::close;
    return outgoing_of(protocol_error(500, "Internal server error\n"), mode, persistence);
  }
  if (asks_to_close(response)) {
    persistence = Persistence::close;
  }
  return outgoing_of(std::move(response), mode, persistence);
}

}  // namespace casepanel::web
