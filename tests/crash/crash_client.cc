#include "crash/crash_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>

#include <regex>
#include <stdexcept>

namespace casepanel::crash {
namespace {

std::string csrf_in(const std::string& html) {
  static const std::regex re(R"re(name="csrf_token" value="([0-9a-f]+)")re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

}  // namespace

Answer CrashClient::post(const std::string& path, Form form) {
  form.emplace_back("csrf_token", csrf_);
  return send("POST", path, form);
}

void CrashClient::sign_in(const std::string& email, const std::string& password,
                          const std::string& csrf_page) {
  const Answer page = get("/sign-in");
  const Answer done = send("POST", "/sign-in",
                           {{"csrf_token", csrf_in(page.body)},
                            {"email", email},
                            {"password", password},
                            {"next", "/"}});
  if (done.status != 303) {
    throw std::runtime_error("signing in as " + email + " answered " + std::to_string(done.status));
  }
  csrf_ = csrf_in(get(csrf_page).body);
  if (csrf_.empty()) {
    throw std::runtime_error(csrf_page + " has no CSRF token for " + email);
  }
}

Answer CrashClient::send(const std::string& method, const std::string& path, const Form& form) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  // A bound, not a wait: a server that stops answering is a finding, and the
  // harness kills it sooner than this anyway.
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  cookies_.add_to(request);
  if (method == "POST") {
    Poco::Net::HTMLForm body(Poco::Net::HTMLForm::ENCODING_URL);
    for (const auto& [name, value] : form) {
      body.add(name, value);
    }
    body.prepareSubmit(request);
    body.write(session.sendRequest(request));
  } else {
    session.sendRequest(request);
  }
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Answer answer;
  answer.status = response.getStatus();
  answer.location = response.get("Location", "");
  try {
    Poco::StreamCopier::copyToString(in, answer.body);
  } catch (const Poco::Exception&) {
    // The status line is the answer: a body cut short by the kill does not
    // make an acknowledged write unknown.
  }
  cookies_.keep_from(response);
  return answer;
}

}  // namespace casepanel::crash
