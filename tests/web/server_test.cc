// The HTTP engine over real sockets (web/server.h): header injection, the
// security headers of its own error pages, 405 with Allow, forms from the
// body only, keep-alive and pipelining, 100-continue, and slow clients that
// must not stop service. The real Site on a TestWorld where the rule is
// Site's; a tiny handler where only the engine is under test.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <memory>
#include <vector>

#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"
#include "web/server_raw.h"

namespace casepanel::web {
namespace {

using testing_raw::RawConnection;
using testing_raw::RawResponse;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string get(const std::string& target, const std::string& extra = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

// The real Site.
class ServerSite : public ::testing::Test {
 protected:
  ServerSite() {
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        StaticFiles{}, SiteOptions{});
    ServerConfig config;
    config.port = 0;
    config.max_threads = 2;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
  }
  ~ServerSite() override { server_->stop(); }

  RawResponse exchange(const std::string& bytes) {
    RawConnection c(server_->port());
    EXPECT_TRUE(c.send(bytes));
    auto r = c.read_response();
    EXPECT_TRUE(r.has_value()) << bytes;
    return r.value_or(RawResponse{});
  }

  testing::TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerSite, ADecodedPathCannotInjectAHeaderIntoTheSignInRedirect) {
  const RawResponse r = exchange(get("/requests/x%0d%0aSet-Cookie:%20cp_session=evil"));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.count("Set-Cookie"), 0) << r.head;
  EXPECT_EQ(r.header("Location"),
            "/sign-in?next=/requests/x%250D%250ASet-Cookie%253A%2520cp_session%253Devil");
}

TEST_F(ServerSite, TheNextOfTheSignInPageCannotInjectAHeaderOrLeaveTheSite) {
  for (const std::string& next :
       {std::string("/\r\nSet-Cookie: cp_session=evil"), std::string("//evil.example/"),
        std::string("/%0D%0ASet-Cookie:%20cp_session=evil")}) {
    Client c(server_->port());
    const Reply page = c.get("/sign-in");
    const Reply done = c.post("/sign-in", {{"csrf_token", Client::token_in(page.body)},
                                           {"email", "sw_a@test"},
                                           {"password", testing::kPassword},
                                           {"next", next}});
    EXPECT_EQ(done.status, 303);
    EXPECT_EQ(done.header("Location"), "/") << next;
    EXPECT_EQ(c.cookie_header().find("evil"), std::string::npos) << next;
  }
  // The page itself never echoes a bad next either.
  const RawResponse page = exchange(get("/sign-in?next=/%0D%0ASet-Cookie:%20cp_session%3Devil"));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("cp_session=evil"), std::string::npos);
  EXPECT_NE(page.body.find(R"(name="next" value="/")"), std::string::npos);
}

TEST_F(ServerSite, ASignedOutVisitorComesBackToTheSamePageAfterSignIn) {
  Client c(server_->port());
  const Reply redirect = c.get("/children?tab=all");
  ASSERT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.header("Location"), "/sign-in?next=/children%3Ftab%3Dall");
  const Reply page = c.get(redirect.header("Location"));
  const Reply done = c.post("/sign-in", {{"csrf_token", Client::token_in(page.body)},
                                         {"email", "sw_a@test"},
                                         {"password", testing::kPassword},
                                         {"next", "/children?tab=all"}});
  EXPECT_EQ(done.header("Location"), "/children?tab=all");
}

TEST_F(ServerSite, ACsrfTokenOnlyInTheQueryOfAPostIsIgnored) {
  Client c(server_->port());
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string token = Client::token_in(c.get("/").body);
  ASSERT_FALSE(token.empty());
  const RawResponse r = exchange(
      "POST /sign-out?csrf_token=" + token +
      " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + c.cookie_header() +
      "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\nnext=");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(c.get("/").status, 200) << "still signed in";
}

TEST_F(ServerSite, AMethodNotAllowedListsTheAllowedOnes) {
  const RawResponse r = exchange("PUT /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
}

TEST_F(ServerSite, TheEnginesOwnErrorsCarryTheSecurityHeaders) {
  const std::string too_large =
      "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\n";
  for (const std::string& request :
       {std::string("GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"), too_large,
        std::string("GET / HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n"),
        std::string("GET /a%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")}) {
    RawConnection c(server_->port());
    ASSERT_TRUE(c.send(request));
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value()) << request;
    EXPECT_GE(r->status, 400) << request;
    EXPECT_EQ(r->header("Connection"), "close") << request;
    EXPECT_NE(r->header("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos)
        << request;
    EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff") << request;
    EXPECT_EQ(r->header("X-Frame-Options"), "DENY") << request;
    EXPECT_EQ(r->header("Cache-Control"), "no-store") << request;
    EXPECT_TRUE(c.closed_within(seconds(5))) << request;
  }
}

TEST_F(ServerSite, SmugglingShapedRequestsAre400AndClose) {
  for (const std::string& request : {
           std::string("POST /sign-in HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n folded\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2"
                       "\r\n\r\n"),
       }) {
    RawConnection c(server_->port());
    ASSERT_TRUE(c.send(request + get("/healthz")));
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value()) << request;
    EXPECT_EQ(r->status, 400) << request;
    EXPECT_TRUE(c.closed_within(seconds(5))) << "the request behind it is never read";
  }
}

TEST_F(ServerSite, KeepAliveAndPipelinedRequestsAreAnsweredInOrder) {
  RawConnection c(server_->port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.send(get("/healthz")));
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->header("Connection"), "keep-alive");
  }
  ASSERT_TRUE(c.send(get("/healthz") + get("/no-such-page") + "HEAD /healthz HTTP/1.1\r\n" +
                     "Host: a\r\n\r\n" + get("/healthz", "Connection: close\r\n")));
  using To = RawConnection::ResponseTo;
  struct Expected {
    int status;
    To to;
    std::string body;
    std::string connection;
  };
  for (const Expected& e :
       {Expected{200, To::get, "ok\n", "keep-alive"}, Expected{404, To::get, "", "keep-alive"},
        Expected{200, To::head, "", "keep-alive"}, Expected{200, To::get, "ok\n", "close"}}) {
    const auto r = c.read_response(milliseconds(5000), e.to);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, e.status);
    if (!e.body.empty()) {
      EXPECT_EQ(r->body, e.body);
    }
    EXPECT_EQ(r->header("Connection"), e.connection);
  }
  EXPECT_TRUE(c.closed_within(seconds(5)));
  // The HEAD answer had no body: nothing is left over after the last one.
}

// A client that does not wait for its answer: its next request comes while
// the one before is handled. The engine asks epoll for input throughout and,
// when input comes then, stops asking until the answer is written
// (web/server.cc, interest): the next request must still be read.
TEST(ServerInput, ARequestSentWhileTheOneBeforeIsHandledIsAnsweredAfterIt) {
  std::promise<void> started;
  std::promise<void> release;
  const std::shared_future<void> go = release.get_future().share();
  ServerConfig config;
  config.port = 0;
  config.max_threads = 2;
  Server server(
      [&](WebRequest& r) {
        if (r.path == "/slow") {
          started.set_value();
          go.wait();
        }
        return WebResponse::text(200, r.path);
      },
      config);
  server.start();
  RawConnection c(server.port());
  ASSERT_TRUE(c.send(get("/slow")));
  started.get_future().wait();  // the first request is being handled
  ASSERT_TRUE(c.send(get("/next")));
  ASSERT_TRUE(c.send(get("/last")));
  release.set_value();
  for (const char* path : {"/slow", "/next", "/last"}) {
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value()) << path;
    EXPECT_EQ(r->body, path);
  }
  server.stop();
}

// A body of 640 shared parts of about 16 KB (web/outgoing.h), 12 MB in all:
// more parts than one sendmsg takes and more bytes than the socket buffers
// hold; of odd sizes, so that a send stops inside a part.
Outgoing parts_of_a_large_body() {
  Outgoing out;
  for (int i = 0; i < 640; ++i) {
    auto part = std::make_shared<const std::string>(16384 + 7 * i, static_cast<char>('a' + i % 26));
    const std::string_view view = *part;
    out.add(std::move(part), view);
  }
  return out;
}

// A body of file parts (a kept page's, sent by sendfile: web/outgoing.h)
// and memory parts between them, 10 MB in all, the file's parts of odd
// sizes and offsets: more than the socket buffers hold, so that a sendfile
// stops inside a part.
Outgoing file_parts_of_a_large_body() {
  struct File {
    File() : fd(memfd_create("server-test", MFD_CLOEXEC)) {
      std::string text;
      for (int i = 0; i < 10 * 1024 * 1024; ++i) {
        text += static_cast<char>('A' + (i / 4093) % 26);
      }
      EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    }
    ~File() { close(fd); }
    const int fd;
  };
  static const auto file = std::make_shared<const File>();
  Outgoing out;
  std::size_t at = 0;
  for (int i = 0; i < 40; ++i) {
    const std::size_t length = 200000 + 13 * static_cast<std::size_t>(i);
    out.add_file(file, file->fd, at, length);
    out.add("|" + std::to_string(i) + "|");
    at += length + 7;
  }
  return out;
}

// Only the engine: a handler that echoes what it was given.
class ServerEngine : public ::testing::Test {
 protected:
  void serve(ServerConfig config) {
    config.port = 0;
    config.max_threads = 2;
    server_ = std::make_unique<Server>(
        [](WebRequest& r) {
          WebResponse out = WebResponse::text(
              200, r.client_address + " " + r.path + " " + r.field("a") + "|" + r.query_value("a"));
          if (r.path == "/echo") {
            out.headers.emplace_back("X-Echo", r.query_value("v"));
          }
          if (r.path == "/parts") {
            out = WebResponse::text(200, "head of the body|");
            out.shared_body = parts_of_a_large_body();
          }
          if (r.path == "/file") {
            out = WebResponse::text(200, "head of the body|");
            out.shared_body = file_parts_of_a_large_body();
          }
          return out;
        },
        config);
    server_->start();
  }
  ~ServerEngine() override {
    if (server_) {
      server_->stop();
    }
  }
  std::unique_ptr<Server> server_;
};

TEST_F(ServerEngine, AHandlersHeaderWithCrLfBecomesA500AndNothingIsInjected) {
  serve({});
  RawConnection c(server_->port());
  ASSERT_TRUE(c.send(get("/echo?v=a%0d%0aSet-Cookie:%20cp_session%3Devil")));
  const auto r = c.read_response();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->count("Set-Cookie"), 0);
  EXPECT_EQ(r->count("X-Echo"), 0);
  EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");
}

// Two GETs of `path` and a HEAD, pipelined: each answer follows the last
// part of the one before, and the HEAD's length counts the parts it does not
// send.
void expect_pipelined_answers(int port, const std::string& path, const std::string& expected) {
  RawConnection c(port);
  ASSERT_TRUE(c.send(get(path) + get(path) + "HEAD " + path + " HTTP/1.1\r\nHost: a\r\n\r\n"));
  for (int i = 0; i < 2; ++i) {
    const auto r = c.read_response(seconds(10));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->header("Content-Length"), std::to_string(expected.size()));
    EXPECT_TRUE(r->body == expected) << "the body differs (" << r->body.size() << " bytes)";
  }
  const auto head = c.read_response(seconds(10), RawConnection::ResponseTo::head);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->header("Content-Length"), std::to_string(expected.size()));
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerEngine, ABodyInSharedPartsIsSentWholeAndInOrderAfterTheOwnBody) {
  serve({});
  expect_pipelined_answers(server_->port(), "/parts",
                           "head of the body|" + parts_of_a_large_body().flat());
}

TEST_F(ServerEngine, ABodyFromAFileIsSentWholeAndInOrderBetweenItsOtherParts) {
  serve({});
  expect_pipelined_answers(server_->port(), "/file",
                           "head of the body|" + file_parts_of_a_large_body().flat());
}

// A client that goes (with a reset) while its body is sent from a file: the
// sendfile fails, that connection is closed, and the server goes on serving.
TEST_F(ServerEngine, AClientGoneWhileAFileIsSentLeavesTheServerServing) {
  serve({});
  for (int i = 0; i < 3; ++i) {
    RawConnection gone(server_->port());
    ASSERT_TRUE(gone.send(get("/file")));
    pollfd ready{gone.fd(), POLLIN, 0};
    ASSERT_EQ(poll(&ready, 1, 10000), 1) << "the answer began";
    char some[4096];
    ASSERT_GT(read(gone.fd(), some, sizeof some), 0);
    linger abort{1, 0};  // close with a reset, the rest unread
    setsockopt(gone.fd(), SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
  }
  RawConnection next(server_->port());
  ASSERT_TRUE(next.send(get("/ordinary")));
  const auto r = next.read_response(seconds(10));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerEngine, TheClientAddressAndTheFormComeFromTheSocketAndTheBody) {
  serve({});
  RawConnection c(server_->port(), "127.0.0.2");
  ASSERT_TRUE(
      c.send("POST /f?a=query HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n"
             "Content-Type: application/x-www-form-urlencoded\r\n\r\na=body"));
  const auto r = c.read_response();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "127.0.0.2 /f body|query");
}

// Behind nginx every connection comes from the proxy: the client's address is
// taken from X-Real-IP, but only from a proxy the settings trust, and only
// when it is an address.
TEST_F(ServerEngine, OnlyATrustedProxyNamesTheClient) {
  ServerConfig config;
  config.trusted_proxies = {"127.0.0.3"};
  serve(config);
  struct Case {
    const char* from;
    const char* real_ip;
    const char* seen;
    const char* why;
  };
  const Case cases[] = {
      {.from = "127.0.0.3", .real_ip = "203.0.113.9", .seen = "203.0.113.9", .why = "trusted"},
      {.from = "127.0.0.3", .real_ip = "2001:db8::7", .seen = "2001:db8::7", .why = "IPv6"},
      {.from = "127.0.0.3", .real_ip = "evil, 1.2.3.4", .seen = "127.0.0.3", .why = "not an IP"},
      {.from = "127.0.0.2", .real_ip = "203.0.113.9", .seen = "127.0.0.2", .why = "not trusted"},
  };
  for (const Case& k : cases) {
    RawConnection c(server_->port(), k.from);
    ASSERT_TRUE(
        c.send(std::string("GET /p HTTP/1.1\r\nHost: a\r\nX-Real-IP: ") + k.real_ip + "\r\n\r\n"));
    const auto r = c.read_response();
    ASSERT_TRUE(r.has_value()) << k.why;
    EXPECT_EQ(r->body, std::string(k.seen) + " /p |") << k.why;
  }
}

TEST_F(ServerEngine, ExpectContinueIsAnsweredOrRefusedAtOnce) {
  ServerConfig config;
  config.max_form_bytes = 100;
  serve(config);
  RawConnection c(server_->port());
  ASSERT_TRUE(
      c.send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
             "Expect: 100-continue\r\n\r\n"));
  const auto go_on = c.read_response();
  ASSERT_TRUE(go_on.has_value());
  EXPECT_EQ(go_on->status, 100);
  ASSERT_TRUE(c.send("a=1"));
  const auto r = c.read_response();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "127.0.0.1 /f 1|");

  RawConnection big(server_->port());
  ASSERT_TRUE(
      big.send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n"
               "Expect: 100-continue\r\n\r\n"));
  const auto refused = big.read_response();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 413);
  EXPECT_EQ(refused->body, "The form is too large.\n");
}

TEST_F(ServerEngine, AMalformedFormIs400) {
  serve({});
  RawConnection c(server_->port());
  ASSERT_TRUE(c.send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\na=%z"));
  const auto r = c.read_response();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->body, "The form could not be read\n");
}

TEST_F(ServerEngine, AHeadThatDoesNotCompleteInTimeIsClosed) {
  ServerConfig config;
  config.head_timeout_seconds = 1;
  serve(config);
  RawConnection c(server_->port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\nHost: a\r\n"));
  EXPECT_TRUE(c.closed_within(seconds(10)));
}

TEST_F(ServerEngine, AClientDrippingAByteAtATimeIsClosedAtTheHeadDeadline) {
  ServerConfig config;
  config.head_timeout_seconds = 1;
  serve(config);
  RawConnection c(server_->port());
  // Long enough that dripping it all would take 100 s: the deadline, not its
  // end, must close the connection.
  const std::string head = "GET / HTTP/1.1\r\nHost: a\r\nX-Slow: " + std::string(1000, 'a');
  const auto until = Clock::now() + seconds(10);
  std::size_t sent = 0;
  bool closed = false;
  while (!closed && sent < head.size() && Clock::now() < until) {
    if (!c.send(head.substr(sent++, 1))) {
      closed = true;
      break;
    }
    // Paced by poll: a byte every 100 ms unless the server closes first.
    closed = !c.quiet_for(milliseconds(100)) && c.closed_within(milliseconds(100));
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(sent, head.size());
}

TEST_F(ServerEngine, AnIdleKeepAliveConnectionIsClosed) {
  ServerConfig config;
  config.keep_alive_timeout_seconds = 1;
  serve(config);
  RawConnection c(server_->port());
  ASSERT_TRUE(c.send(get("/")));
  ASSERT_TRUE(c.read_response().has_value());
  EXPECT_TRUE(c.closed_within(seconds(10)));
}

TEST_F(ServerEngine, ConnectionsOverTheClientsCapAreRefused) {
  ServerConfig config;
  config.max_connections_per_client = 2;
  serve(config);
  RawConnection a(server_->port(), "127.0.0.3");
  RawConnection b(server_->port(), "127.0.0.3");
  ASSERT_TRUE(a.send(get("/")) && a.read_response().has_value());
  ASSERT_TRUE(b.send(get("/")) && b.read_response().has_value());
  RawConnection third(server_->port(), "127.0.0.3");
  const auto refused = third.read_response();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->header("Retry-After"), "5");
  RawConnection other(server_->port(), "127.0.0.4");
  ASSERT_TRUE(other.send(get("/")));
  const auto served = other.read_response();
  ASSERT_TRUE(served.has_value());
  EXPECT_EQ(served->status, 200);
}

// The review's attack: connections that send half a request head and then
// nothing. 200 of them from one address, held (and reopened when the server
// drops them) for 20 s, while another client's requests must all succeed.
// A request held behind a half-sent head would wait for the head timeout
// (10 s), so each must be answered within half of it: a bound that tells a
// blocked server from a busy machine (1 s failed once with ctest and a
// browser run beside it, a request answered in 1,018 ms).
TEST_F(ServerEngine, HalfSentRequestsDoNotStopService) {
  serve({});
  constexpr milliseconds kAnswerWithin(5000);
  ASSERT_LT(kAnswerWithin, seconds(ServerConfig{}.head_timeout_seconds));
  const std::string half = "GET / HTTP/1.1\r\nHost: a\r\nX-Half: ";
  std::vector<std::unique_ptr<RawConnection>> slow;
  auto open_slow = [&](std::unique_ptr<RawConnection>& c) {
    c = std::make_unique<RawConnection>(server_->port(), "127.0.0.2");
    c->send(half);
  };
  slow.resize(200);
  for (auto& c : slow) {
    open_slow(c);
  }
  const auto start = Clock::now();
  auto last_reopen = start;
  int ok = 0;
  int failed = 0;
  milliseconds slowest(0);
  // Fifty requests a connection: new connections are tested too, without
  // running out of ports to connections in TIME_WAIT.
  std::unique_ptr<RawConnection> c;
  int on_this = 0;
  while (Clock::now() - start < seconds(20)) {
    const auto sent = Clock::now();
    if (!c || ++on_this == 50) {
      c = std::make_unique<RawConnection>(server_->port(), "127.0.0.1");
      on_this = 0;
    }
    const auto r = c->send(get("/ordinary")) ? c->read_response(kAnswerWithin) : std::nullopt;
    const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - sent);
    slowest = std::max(slowest, took);
    if (r && r->status == 200 && took <= kAnswerWithin) {
      ++ok;
    } else {
      ++failed;
      c.reset();
    }
    if (Clock::now() - last_reopen >= seconds(1)) {
      // The attacker reconnects whatever the server has closed.
      for (auto& s : slow) {
        if (!s->quiet_for(milliseconds(0))) {
          open_slow(s);
        }
      }
      last_reopen = Clock::now();
    }
  }
  EXPECT_EQ(failed, 0) << ok << " answered; the slowest took " << slowest.count() << " ms";
  EXPECT_GT(ok, 0);
}

}  // namespace
}  // namespace casepanel::web
