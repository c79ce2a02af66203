// The wire formats a browser sends inside a request, decoded by pure
// functions (no sockets, no state), so that they can be table-tested and
// fuzzed: percent-encoding, application/x-www-form-urlencoded bodies and
// query strings, the Cookie header, and multipart/form-data bodies.
//
// A form comes from the request body only: the server never merges the query
// string into it, so a CSRF token in a URL (logged by proxies, leaked in
// Referer) is never accepted.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace casepanel::web {

enum class PlusIs { space, plus };

// Decodes %XX escapes (and '+' when PlusIs::space); nullopt when a '%' is not
// followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text, PlusIs plus);

// Percent-encodes every byte except ALPHA, DIGIT, "-._~" and those in `keep`.
std::string percent_encode(std::string_view text, std::string_view keep);

// The most fields a form may have (as POCO's HTMLForm allowed before).
inline constexpr std::size_t kMaxFormFields = 500;

// Parses `a=1&b=2` into `out`. False (and `out` unchanged) when an escape is
// malformed or there are more than `max_fields` fields.
bool parse_urlencoded(std::string_view text, std::multimap<std::string, std::string>& out,
                      std::size_t max_fields = kMaxFormFields);

// Parses a Cookie header, `a=b; c=d`. Pairs without '=' are skipped; the
// first of two cookies with one name wins (the most specific path, RFC 6265
// 5.4). Values keep their bytes, surrounding double quotes removed.
std::map<std::string, std::string> parse_cookies(std::string_view header);

// The boundary of a `multipart/form-data; boundary=...` Content-Type, or
// nullopt when the type is another or the boundary is missing or invalid.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// True for a Content-Type of multipart/form-data (whatever its parameters).
bool is_multipart(std::string_view content_type);
// True for application/x-www-form-urlencoded (or no Content-Type at all).
bool is_urlencoded(std::string_view content_type);

// Parses a multipart/form-data body: parts with a `filename` parameter go to
// `files`, the others to `form`. False when the body is malformed (no closing
// delimiter, a part without Content-Disposition: form-data, bad part
// headers) or has more than `max_fields` parts; the outputs may then hold
// the parts read before the fault, and the caller discards them.
bool parse_multipart(std::string_view boundary, std::string_view body,
                     std::multimap<std::string, std::string>& form,
                     std::vector<UploadedFile>& files, std::size_t max_fields = kMaxFormFields);

}  // namespace casepanel::web
