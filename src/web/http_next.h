// Where a person goes after signing in: the `next` parameter of the sign-in
// page. It is outside input (a link anyone can send), so it is only ever a
// path on this site, percent-encoded, never another site (an open redirect)
// and never a control character (a header injection through Location).
//
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace casepanel::web {

// `next` as a same-origin path to redirect to, re-encoded, or "/" when it is
// anything else: it must start with exactly one '/' (not "//" or "/\"), hold
// no backslash, and hold no control character or space even after
// percent-decoding.
std::string safe_next(std::string_view next);

// The value of `next` for the sign-in redirect of a signed-out request for
// `path` (decoded) with `query`: percent-encoded as one query parameter.
std::string next_parameter(std::string_view path,
                           const std::multimap<std::string, std::string>& query);

}  // namespace casepanel::web
