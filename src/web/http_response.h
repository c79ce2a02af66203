// Turning a WebResponse into the bytes of an HTTP/1.1 response, and the
// headers every response carries.
//
// No header value ever holds a control character (DESIGN.md, Security): the
// writer checks every name (a token) and value (no CTL except HTAB) before
// writing anything, and when one fails it logs the fault and writes a plain
// 500 instead, so that a handler that echoes outside input into a header
// cannot inject a header or split the response.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "web/http.h"
#include "web/http_parser.h"

namespace casepanel::web {

// The security headers of every response (CSP, nosniff, frame and referrer
// policies) and its Cache-Control: static assets may be cached, nothing else.
// Site::with_headers and the HTTP layer's own error pages both use it.
void add_security_headers(WebResponse& response);

// A plain-text response of the HTTP layer itself (400, 408, 413, 431, 500,
// 501, 503, 505), with the security headers, closing the connection.
WebResponse protocol_error(int status, std::string text);

// RFC 9110 5.5: a header value without CR, LF, NUL or another control
// character (HTAB allowed).
bool safe_header_value(std::string_view value);

enum class BodyMode { with_body, head_only };

// The response as bytes to send: status line, Date, Content-Type,
// Content-Length, Connection, then the response's own headers (its
// Connection, Content-Length, Transfer-Encoding and Date are the writer's to
// set), then the body, moved in, and its shared parts (web/outgoing.h). The
// connection is to close when `persistence` says so or the response carries
// `Connection: close`; `persistence` is updated to what was written. A
// response with an unsafe header becomes a logged 500.
Outgoing serialise_response(WebResponse response, BodyMode mode, Persistence& persistence);

// The interim response to `Expect: 100-continue`.
inline constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace casepanel::web
