#include "web/http_client.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>

#include <regex>

#include "support/world.h"
#include "web/site.h"

namespace casepanel::web {

bool Client::sign_in(const std::string& email) {
  Reply page = get("/sign-in");
  Reply done = post("/sign-in", {{"csrf_token", token_in(page.body)},
                                 {"email", email},
                                 {"password", testing::kPassword},
                                 {"next", "/"}});
  return done.status == 303 && cookies_.has(kSessionCookie);
}

std::string Client::cookie_header() const {
  std::string out;
  for (const auto& [k, v] : cookies_.all()) {
    out += (out.empty() ? "" : "; ") + k + "=" + v;
  }
  return out;
}

std::string Client::token_in(const std::string& html) {
  std::smatch m;
  static const std::regex re(R"re(name="csrf_token" value="([0-9a-f]+)")re");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

Reply Client::send(const std::string& method, const std::string& path, Form form,
                   const FilePart* file, const std::string& bearer) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  cookies_.add_to(request);
  if (!bearer.empty()) {
    request.set("Authorization", "Bearer " + bearer);
  }
  Poco::Net::HTMLForm body(file ? Poco::Net::HTMLForm::ENCODING_MULTIPART
                                : Poco::Net::HTMLForm::ENCODING_URL);
  for (const auto& [k, v] : form) {
    body.add(k, v);
  }
  if (file) {
    body.addPart(file->field,
                 new Poco::Net::StringPartSource(file->content, file->type, file->name));
  }
  if (method == "POST") {
    body.prepareSubmit(request);
    body.write(session.sendRequest(request));
  } else {
    session.sendRequest(request);
  }
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  Poco::StreamCopier::copyToString(in, reply.body);
  for (const auto& [k, v] : response) {
    reply.headers[k] = v;
  }
  cookies_.keep_from(response);
  return reply;
}

}  // namespace casepanel::web
