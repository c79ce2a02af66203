// Reads a message as the SMTP sink stored it (tests/support/smtp_sink.h)
// with POCO's own MIME reader: headers, and each part decoded.
#pragma once

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "jobs/mailer.h"

namespace casepanel::jobs {

// The mailer's settings for the SMTP sink listening on `port`.
inline SmtpSettings sink_settings(int port) {
  SmtpSettings s;
  s.host = "127.0.0.1";
  s.port = port;
  s.from = "Casepanel <panel@council.test>";
  s.timeout = std::chrono::seconds(10);
  return s;
}

struct ReadPart {
  std::string content_type;
  std::string transfer_encoding;
  std::string content;  // decoded
};

struct ReadMail {
  Poco::Net::MessageHeader headers;  // case-insensitive names
  std::vector<ReadPart> parts;       // multipart: each part; otherwise one, the body
  std::string header(const std::string& name) const { return headers.get(name, ""); }
};

class CollectParts : public Poco::Net::PartHandler {
 public:
  explicit CollectParts(std::vector<ReadPart>& parts) : parts_(parts) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    ReadPart p;
    p.content_type = header.get("Content-Type", "");
    p.transfer_encoding = header.get("Content-Transfer-Encoding", "");
    Poco::StreamCopier::copyToString(stream, p.content);
    parts_.push_back(std::move(p));
  }

 private:
  std::vector<ReadPart>& parts_;
};

inline ReadMail read_mail(const std::string& stored) {
  ReadMail out;
  std::istringstream in(stored);
  Poco::Net::MailMessage message;
  CollectParts handler(out.parts);
  message.read(in, handler);
  for (const auto& [name, value] : message) {
    out.headers.add(name, value);
  }
  if (!message.isMultipart()) {
    out.parts.push_back({message.getContentType(), message.get("Content-Transfer-Encoding", ""),
                         message.getContent()});
  }
  return out;
}

}  // namespace casepanel::jobs
