// Mailer: the seam through which casepanel sends email. The outbox worker
// (jobs/outbox.h) hands it one message at a time; tests hand the worker a
// fake, or an SmtpMailer pointed at a loopback SMTP sink.
//
// send() returns success only when the receiving server has accepted the
// message (the SMTP reply to DATA was 250): the worker marks a row 'sent' on
// nothing less. Any failure comes back as an Error whose message says what
// went wrong (for the outbox page and the log); the worker retries it later.
//
// SmtpMailer opens one connection per message (casepanel sends a few hundred
// a day at most) and keeps no state between calls: send() is safe to call
// from several threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"

namespace casepanel::jobs {

struct OutgoingMail {
  std::int64_t id = 0;     // the outbox row
  std::string message_id;  // "<outbox-42.1a2b3c4d5e6f7a8b@casepanel>", the same on every retry
  std::string to;          // address
  std::string to_name;     // display name, may be empty
  std::string subject;     // UTF-8
  std::string body;        // text/plain, UTF-8
  std::string calendar;    // iCalendar text, or empty for a plain email
  std::string calendar_method = "REQUEST";  // the iTIP method: REQUEST or CANCEL
};

class Mailer {
 public:
  virtual ~Mailer();
  virtual core::Status send(const OutgoingMail& mail) = 0;
};

struct SmtpSettings {
  std::string host;  // empty: no delivery (messages wait in the outbox)
  int port = 25;
  std::string from;  // "panel@council.gov.uk" or "Panel <panel@council.gov.uk>"
  // With a username, AUTH LOGIN after EHLO (after STARTTLS, when on).
  std::string username;
  std::string password;
  std::chrono::seconds timeout{30};
  // none: plain SMTP (a relay on the same host or a trusted network);
  // starttls: EHLO, STARTTLS (RFC 3207), then EHLO again inside TLS, usually
  // port 587; tls: TLS from the first byte (SMTPS, RFC 8314), usually 465.
  // With TLS the server's certificate must be valid for `host` and signed by
  // a CA in `ca_file` (PEM), or by the system's CAs when it is empty.
  enum class Security { none, starttls, tls };
  Security security = Security::none;
  std::string ca_file;
};

// Sends over SMTP with POCO's SMTPClientSession. A plain email is text/plain;
// one with a calendar is multipart/alternative: the text, then
// text/calendar; method=...; charset=UTF-8, which is what Outlook and Gmail
// show as an invitation with accept/decline buttons.
class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);
  ~SmtpMailer() override;
  SmtpMailer(const SmtpMailer&) = delete;
  SmtpMailer& operator=(const SmtpMailer&) = delete;
  core::Status send(const OutgoingMail& mail) override;

 private:
  struct Tls;  // OpenSSL's client context, when security is not none
  SmtpSettings settings_;
  std::unique_ptr<Tls> tls_;
};

}  // namespace casepanel::jobs
