// The wire formats (web/wire.h), the sign-in `next` (web/http_next.h) and the
// response writer (web/http_response.h): one row per rule, each with why.
#include "web/wire.h"

#include <gtest/gtest.h>

#include <string>

#include "web/http_next.h"
#include "web/http_response.h"

namespace casepanel::web {
namespace {

using namespace std::string_literals;
using Fields = std::multimap<std::string, std::string>;

struct UrlencodedCase {
  std::string body;
  std::optional<Fields> fields;  // nullopt: refused
  std::string why;
};

TEST(Wire, UrlencodedFormsDecode) {
  const UrlencodedCase cases[] = {
      {.body = "a=1&b=2", .fields = Fields{{"a", "1"}, {"b", "2"}}, .why = "two fields"},
      {.body = "a=x+y%26z", .fields = Fields{{"a", "x y&z"}}, .why = "'+' is a space; %26 is &"},
      {.body = "a=1&a=2", .fields = Fields{{"a", "1"}, {"a", "2"}}, .why = "repeated names"},
      {.body = "a&&b=", .fields = Fields{{"a", ""}, {"b", ""}}, .why = "empty values and pairs"},
      {.body = "", .fields = Fields{}, .why = "an empty body"},
      {.body = "a=%zz", .fields = std::nullopt, .why = "a malformed escape"},
      {.body = "a=%4", .fields = std::nullopt, .why = "a truncated escape"},
  };
  for (const UrlencodedCase& c : cases) {
    Fields out;
    const bool ok = parse_urlencoded(c.body, out);
    EXPECT_EQ(ok, c.fields.has_value()) << c.why;
    if (c.fields) {
      EXPECT_EQ(out, *c.fields) << c.why;
    } else {
      EXPECT_TRUE(out.empty()) << c.why;
    }
  }
}

TEST(Wire, AFormOfMoreThan500FieldsIsRefused) {
  std::string body;
  for (int i = 0; i < 501; ++i) {
    body += "f" + std::to_string(i) + "=v&";
  }
  Fields out;
  EXPECT_FALSE(parse_urlencoded(body, out));
}

struct CookieCase {
  std::string header;
  std::map<std::string, std::string> cookies;
  std::string why;
};

TEST(Wire, CookieHeadersSplitIntoPairs) {
  const CookieCase cases[] = {
      {.header = "a=b; c=d", .cookies = {{"a", "b"}, {"c", "d"}}, .why = "two cookies"},
      {.header = "a=b;c=d", .cookies = {{"a", "b"}, {"c", "d"}}, .why = "no space"},
      {.header = "a=\"b c\"", .cookies = {{"a", "b c"}}, .why = "a quoted value"},
      {.header = "a=1; a=2", .cookies = {{"a", "1"}}, .why = "RFC 6265 5.4: the first wins"},
      {.header = "junk; =x; a=b=c",
       .cookies = {{"a", "b=c"}},
       .why = "no '=', or no name: skipped; '=' in a value kept"},
      {.header = "", .cookies = {}, .why = "no cookies"},
  };
  for (const CookieCase& c : cases) {
    EXPECT_EQ(parse_cookies(c.header), c.cookies) << c.why;
  }
}

TEST(Wire, TheMultipartBoundaryComesFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b\""), "a b");
  EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(multipart_boundary("text/plain; boundary=x"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')),
            std::nullopt);
  EXPECT_TRUE(is_multipart("multipart/form-data; boundary=x"));
  EXPECT_TRUE(is_urlencoded("application/x-www-form-urlencoded; charset=UTF-8"));
  EXPECT_TRUE(is_urlencoded(""));
  EXPECT_FALSE(is_urlencoded("application/json"));
}

struct MultipartCase {
  std::string body;
  bool ok;
  Fields form = {};
  std::vector<std::string> files = {};  // "field:file name:content"
  std::string why;
};

TEST(Wire, MultipartFormsSplitIntoFieldsAndFiles) {
  const std::string field = "--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc";
  const std::string file =
      "\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF\r\n--x\r\n";
  const MultipartCase cases[] = {
      {.body = field + file + "\r\n--B--\r\n",
       .ok = true,
       .form = {{"csrf_token", "abc"}},
       .files = {"file:a \"b\".pdf:%PDF\r\n--x\r\n"},
       .why = "a field and a file whose content holds CRLF and dashes"},
      {.body = "preamble\r\n" + field + "\r\n--B--",
       .ok = true,
       .form = {{"csrf_token", "abc"}},
       .why = "a preamble is skipped"},
      {.body = field + "\r\n--B\r\nContent-Disposition: form-data; name=\"e\"; filename=\"\"\r\n"
                       "\r\n\r\n--B--",
       .ok = true,
       .form = {{"csrf_token", "abc"}},
       .files = {"e::"},
       .why = "a file input left empty is a file part without a name"},
      {.body = field, .ok = false, .why = "no closing delimiter"},
      {.body = "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--",
       .ok = false,
       .why = "a part without Content-Disposition"},
      {.body = "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--",
       .ok = false,
       .why = "a disposition other than form-data"},
      {.body = "--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--",
       .ok = false,
       .why = "an unclosed quote"},
      {.body = "--B\r\n Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--",
       .ok = false,
       .why = "a folded part header"},
      {.body = "nothing here", .ok = false, .why = "no delimiter at all"},
  };
  for (const MultipartCase& c : cases) {
    Fields form;
    std::vector<UploadedFile> files;
    const bool ok = parse_multipart("B", c.body, form, files);
    EXPECT_EQ(ok, c.ok) << c.why;
    if (!c.ok) {
      continue;
    }
    EXPECT_EQ(form, c.form) << c.why;
    std::vector<std::string> got;
    for (const UploadedFile& f : files) {
      got.push_back(f.field + ":" + f.file_name + ":" + f.content);
    }
    EXPECT_EQ(got, c.files) << c.why;
  }
}

TEST(Wire, AMultipartFormOfMoreThan500PartsIsRefused) {
  std::string body;
  for (int i = 0; i < 501; ++i) {
    body += "--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  }
  Fields form;
  std::vector<UploadedFile> files;
  EXPECT_FALSE(parse_multipart("B", body + "--B--", form, files));
}

struct NextCase {
  std::string next;
  std::string kept;
  std::string why;
};

TEST(Wire, OnlyASameOriginPathFollowsSignIn) {
  const NextCase cases[] = {
      {.next = "/children/5", .kept = "/children/5", .why = "a page of ours"},
      {.next = "/children?tab=a&b=c", .kept = "/children?tab=a&b=c", .why = "with its query"},
      {.next = "/requests/x%20y", .kept = "/", .why = "a space after decoding"},
      {.next = "/a\"<b>", .kept = "/a%22%3Cb%3E", .why = "kept, but encoded"},
      {.next = "/\xc3\xa9", .kept = "/%C3%A9", .why = "UTF-8 encoded"},
      {.next = "", .kept = "/", .why = "nothing"},
      {.next = "children", .kept = "/", .why = "not a path"},
      {.next = "//evil.example/", .kept = "/", .why = "protocol-relative: another site"},
      {.next = "/\\evil.example/", .kept = "/", .why = "browsers read '\\' as '/'"},
      {.next = "/a\\b", .kept = "/", .why = "a backslash anywhere"},
      {.next = "https://evil.example/", .kept = "/", .why = "an absolute URL"},
      {.next = "/%2F/evil.example/", .kept = "/", .why = "'//' after decoding"},
      {.next = "/%5Cevil.example/", .kept = "/", .why = "'/\\' after decoding"},
      {.next = "/\r\nSet-Cookie: cp_session=x", .kept = "/", .why = "CR LF: header injection"},
      {.next = "/%0D%0ASet-Cookie:%20cp_session=x", .kept = "/", .why = "CR LF after decoding"},
      {.next = "/a\tb", .kept = "/", .why = "a tab"},
      {.next = "/%zz", .kept = "/", .why = "a malformed escape"},
      {.next = "/" + std::string(3000, 'a'), .kept = "/", .why = "longer than any page of ours"},
  };
  for (const NextCase& c : cases) {
    EXPECT_EQ(safe_next(c.next), c.kept) << c.why;
  }
}

TEST(Wire, TheSignInRedirectEncodesThePathAsOneParameter) {
  EXPECT_EQ(next_parameter("/children", {}), "/children");
  EXPECT_EQ(next_parameter("/children", {{"q", "a b"}}), "/children%3Fq%3Da%2520b");
  EXPECT_EQ(next_parameter("/requests/x\r\nSet-Cookie: cp_session=1", {}),
            "/requests/x%250D%250ASet-Cookie%253A%2520cp_session%253D1");
}

struct HeaderCase {
  std::string name;
  std::string value;
  int status;  // what is sent
  std::string why;
};

TEST(Wire, NoHeaderIsWrittenWithAControlCharacter) {
  const HeaderCase cases[] = {
      {.name = "Location", .value = "/a", .status = 303, .why = "an ordinary header"},
      {.name = "X-A", .value = "a\tb", .status = 303, .why = "HTAB is allowed"},
      {.name = "X-A", .value = "caf\xc3\xa9", .status = 303, .why = "obs-text is allowed"},
      {.name = "Location", .value = "/a\r\nSet-Cookie: s=1", .status = 500, .why = "CR LF"},
      {.name = "Location", .value = "/a\nSet-Cookie: s=1", .status = 500, .why = "a bare LF"},
      {.name = "Location", .value = "/a\rb", .status = 500, .why = "a bare CR"},
      {.name = "Location", .value = "/a\0b"s, .status = 500, .why = "NUL"},
      {.name = "Location", .value = "/a\x7f", .status = 500, .why = "DEL"},
      {.name = "X A", .value = "b", .status = 500, .why = "a name that is not a token"},
      {.name = "X-A\r\nSet-Cookie", .value = "b", .status = 500, .why = "CR LF in a name"},
  };
  for (const HeaderCase& c : cases) {
    WebResponse r = WebResponse::redirect("/");
    r.headers.emplace_back(c.name, c.value);
    Persistence p = Persistence::keep_alive;
    const std::string bytes = serialise_response(r, BodyMode::with_body, p).flat();
    EXPECT_EQ(bytes.rfind("HTTP/1.1 " + std::to_string(c.status) + " ", 0), 0u) << c.why;
    if (c.status == 500) {
      EXPECT_EQ(bytes.find("Set-Cookie"), std::string::npos) << c.why;
      EXPECT_NE(bytes.find("X-Content-Type-Options: nosniff"), std::string::npos) << c.why;
      EXPECT_EQ(p, Persistence::close) << c.why;
    }
  }
}

TEST(Wire, TheWriterSetsLengthAndConnectionAndHeadHasNoBody) {
  WebResponse r = WebResponse::text(200, "hello");
  r.headers.emplace_back("Content-Length", "99");
  Persistence p = Persistence::keep_alive;
  const std::string get = serialise_response(r, BodyMode::with_body, p).flat();
  EXPECT_NE(get.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_EQ(get.find("Content-Length: 99"), std::string::npos);
  EXPECT_NE(get.find("Connection: keep-alive\r\n"), std::string::npos);
  EXPECT_EQ(get.substr(get.size() - 9), "\r\n\r\nhello");
  const std::string head = serialise_response(r, BodyMode::head_only, p).flat();
  EXPECT_NE(head.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
  r.headers.emplace_back("Connection", "close");
  const std::string closing = serialise_response(r, BodyMode::with_body, p).flat();
  EXPECT_NE(closing.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(p, Persistence::close);
}

}  // namespace
}  // namespace casepanel::web
