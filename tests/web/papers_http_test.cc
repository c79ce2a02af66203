// Papers over HTTP: the real server on port 0 over a TestWorld. Multipart
// uploads, downloads as attachments, the size limit enforced before the body
// is read, refused file types, and 404 outside the request's scope.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "app/papers.h"
#include "app/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {
namespace {

namespace fs = std::filesystem;
using testing::TestWorld;

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";

// Sends `head` and then `body` over a plain socket (stopping quietly if the
// server has closed), and reads whatever comes back until the server closes.
// The receive timeout only stops a broken server from hanging the test.
std::string raw_exchange(int port, const std::string& head, const std::string& body) {
  Poco::Net::StreamSocket socket;
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  socket.setReceiveTimeout(Poco::Timespan(15, 0));
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  try {
    for (std::size_t at = 0; at < body.size();) {
      const int n = socket.sendBytes(body.data() + at, static_cast<int>(body.size() - at));
      if (n <= 0) {
        break;
      }
      at += static_cast<std::size_t>(n);
    }
  } catch (const Poco::Exception&) {
    // The server answered and closed before taking the rest: expected.
  }
  std::string reply;
  char buffer[4096];
  try {
    for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
      reply.append(buffer, static_cast<std::size_t>(n));
    }
  } catch (const Poco::Exception&) {
    // A reset after the response: what was read is kept.
  }
  return reply;
}

class PapersHttp : public ::testing::Test {
 protected:
  PapersHttp() {
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        StaticFiles{}, SiteOptions{});
    ServerConfig config;
    config.port = 0;
    config.max_threads = 4;
    config.max_upload_bytes = world_.services().max_upload_bytes;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
    core::RequestDraft d;
    d.panel_id = "clam";
    d.request_type = "section_20_permission";
    d.reason = "Mother has asked for help while she is in hospital.";
    d.proposed_plan = "Short-term foster care under section 20.";
    d.parallel_plan = "Care with the maternal aunt.";
    d.venue_preference = "chn";
    auto id =
        app::create_request(world_.services(), world_.actor(world_.sw_a), {world_.child_a}, d);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    request_ = id.ok() ? *id : 0;
  }
  ~PapersHttp() override { server_->stop(); }

  Client client() { return Client(server_->port()); }
  std::string papers_path() const { return "/requests/" + std::to_string(request_) + "/papers"; }
  std::string upload_path() const { return papers_path() + "/referral/upload"; }

  std::int64_t paper_count() {
    std::int64_t n = 0;
    world_.db().read_all([&](store::Tx& tx) {
      n = tx.query_one("SELECT COUNT(*) FROM request_papers")->integer(0);
    });
    return n;
  }
  std::size_t stored_files() {
    const fs::path dir = world_.services().uploads_dir;
    if (!fs::exists(dir)) {
      return 0;
    }
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }

  TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
  std::int64_t request_ = 0;
};

TEST_F(PapersHttp, AnUploadedFileIsListedAndDownloadedAsAnAttachment) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply page = c.get(papers_path());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Written CLAM referral"), std::string::npos);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/requests/" + std::to_string(request_) + "\""),
            std::string::npos);

  const std::string name = "Zoë's final referral.pdf";
  Reply done = c.upload(upload_path(), Client::token_in(page.body), {name, kPdf});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("Location"), papers_path());
  EXPECT_EQ(paper_count(), 1);
  EXPECT_EQ(stored_files(), 1u);

  Reply listed = c.get(papers_path());
  EXPECT_NE(listed.body.find("Zoë&apos;s final referral.pdf"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(listed.body, m, std::regex(R"re(href="/papers/([0-9]+)")re")));
  const std::string download = "/papers/" + m[1].str();
  EXPECT_NE(listed.body.find("action=\"" + download + "/remove\""), std::string::npos);

  Reply file = c.get(download);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, kPdf);
  EXPECT_EQ(file.header("Content-Type"), "application/pdf");
  EXPECT_EQ(file.header("Content-Disposition"),
            "attachment; filename=\"Zo_'s final referral.pdf\"; "
            "filename*=UTF-8''Zo%C3%AB%27s%20final%20referral.pdf");
  EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(file.header("Cache-Control"), "no-store");

  // Removing it takes it off the page and the disk.
  Reply removed = c.post(download + "/remove", {{"csrf_token", Client::token_in(listed.body)}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(paper_count(), 0);
  EXPECT_EQ(stored_files(), 0u);
  EXPECT_EQ(c.get(download).status, 404);
}

TEST_F(PapersHttp, AnOversizedUploadIsRefusedBeforeItsBodyIsRead) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string csrf = Client::token_in(c.get(papers_path()).body);
  const std::size_t declared = 21 * 1024 * 1024;
  const std::string head = "POST " + upload_path() +
                           " HTTP/1.1\r\n"
                           "Host: 127.0.0.1\r\n"
                           "Cookie: " +
                           c.cookie_header() +
                           "\r\n"
                           "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                           "Content-Length: " +
                           std::to_string(declared) + "\r\n\r\n";
  // Only the first part of the body is ever sent: a server that waited for
  // the rest would never answer (and the receive timeout would fail the test).
  const std::string start = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                            csrf + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; " +
                            "filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" + kPdf;
  const std::string reply = raw_exchange(server_->port(), head, start);
  ASSERT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
  EXPECT_NE(reply.find("The file is too large: the limit is 20 MB"), std::string::npos);
  EXPECT_NE(reply.find("Connection: close"), std::string::npos);
  EXPECT_EQ(paper_count(), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_F(PapersHttp, AChunkedUploadIsCutOffAtTheLimit) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string head = "POST " + upload_path() +
                           " HTTP/1.1\r\n"
                           "Host: 127.0.0.1\r\n"
                           "Cookie: " +
                           c.cookie_header() +
                           "\r\n"
                           "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n";
  // A file part of 21 MiB in chunks of 1 MiB: more than the 20 MiB limit
  // and its 64 KiB of overhead.
  const std::string start =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n";
  auto chunk = [](const std::string& data) {
    std::ostringstream hex;
    hex << std::hex << data.size();
    return hex.str() + "\r\n" + data + "\r\n";
  };
  std::string body = chunk(start + kPdf);
  const std::string mib(1024 * 1024, 'a');
  for (int i = 0; i < 21; ++i) {
    body += chunk(mib);
  }
  body += chunk("\r\n--XyZ--\r\n") + "0\r\n\r\n";
  const std::string reply = raw_exchange(server_->port(), head, body);
  ASSERT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
  EXPECT_NE(reply.find("The file is too large"), std::string::npos);
  EXPECT_EQ(paper_count(), 0);
}

TEST_F(PapersHttp, AnOrdinaryFormOverAMegabyteIsStillRefused) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string head = "POST /requests/" + std::to_string(request_) +
                           "/papers/chronology/not-provided HTTP/1.1\r\n"
                           "Host: 127.0.0.1\r\n"
                           "Content-Type: application/x-www-form-urlencoded\r\n"
                           "Content-Length: 2000000\r\n\r\n";
  const std::string reply = raw_exchange(server_->port(), head, "reason=");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
}

TEST_F(PapersHttp, AnHtmlFileNamedPdfIsRefusedWithAClearMessage) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string csrf = Client::token_in(c.get(papers_path()).body);
  Reply r =
      c.upload(upload_path(), csrf,
               {"referral.pdf", "<!DOCTYPE html><script>alert(1)</script>", "application/pdf"});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#paper_referral\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"paper_referral-error\""), std::string::npos);
  EXPECT_NE(
      r.body.find("The selected file must be a PDF, Word document, Excel spreadsheet or image"),
      std::string::npos);
  EXPECT_EQ(paper_count(), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_F(PapersHttp, AnUploadWithoutTheCsrfTokenIsRefused) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply r = c.upload(upload_path(), "", {"referral.pdf", kPdf});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(paper_count(), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_F(PapersHttp, AReasonIsShownNextToItsField) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string csrf = Client::token_in(c.get(papers_path()).body);
  Reply r = c.post(papers_path() + "/referral/not-provided",
                   {{"csrf_token", csrf}, {"reason", "Not written yet"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Upload the written CLAM referral: a reason is not enough"),
            std::string::npos);
  EXPECT_EQ(paper_count(), 0);
}

TEST_F(PapersHttp, PeopleOutsideTheRequestsScopeGet404) {
  auto paper = app::add_paper(world_.services(), world_.actor(world_.sw_a), request_, "referral",
                              {"referral.pdf", kPdf});
  ASSERT_TRUE(paper.ok());
  Client other = client();
  ASSERT_TRUE(other.sign_in("sw_b@test"));
  Reply page = other.get(papers_path());
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.body.find("referral.pdf"), std::string::npos);
  Reply file = other.get("/papers/" + std::to_string(*paper));
  EXPECT_EQ(file.status, 404);
  EXPECT_EQ(file.body.find("%PDF"), std::string::npos);
  const std::string csrf = Client::token_in(other.get("/").body);
  EXPECT_EQ(other.upload(upload_path(), csrf, {"x.pdf", kPdf}).status, 404);
  EXPECT_EQ(
      other.post("/papers/" + std::to_string(*paper) + "/remove", {{"csrf_token", csrf}}).status,
      404);
  EXPECT_EQ(paper_count(), 1);

  // The team's manager may read them, but not change them.
  Client manager = client();
  ASSERT_TRUE(manager.sign_in("pm_a@test"));
  Reply seen = manager.get(papers_path());
  EXPECT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.find("/remove\""), std::string::npos);
  EXPECT_EQ(manager.get("/papers/" + std::to_string(*paper)).status, 200);

  // Quotes in a name are escaped in the plain filename and encoded in filename*.
  auto quoted = app::add_paper(world_.services(), world_.actor(world_.sw_a), request_, "referral",
                               {"the \"final\" one.pdf", kPdf});
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(manager.get("/papers/" + std::to_string(*quoted)).header("Content-Disposition"),
            "attachment; filename=\"the \\\"final\\\" one.pdf\"; "
            "filename*=UTF-8''the%20%22final%22%20one.pdf");

  // Signed out: to the sign-in page, never the file.
  EXPECT_EQ(client().get("/papers/" + std::to_string(*paper)).status, 303);
}

}  // namespace
}  // namespace casepanel::web
