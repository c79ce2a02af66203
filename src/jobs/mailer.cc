#include "jobs/mailer.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timespan.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <sstream>
#include <stdexcept>

namespace casepanel::jobs {
namespace {

using Poco::Net::MailMessage;

bool has_control_characters(const std::string& text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return true;
    }
  }
  return false;
}

bool is_plain_ascii(const std::string& text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) > 0x7e || c == '"' || c == '\\') {
      return false;
    }
  }
  return true;
}

// A header value on one line: a line break in a subject would let it add
// headers of its own.
std::string one_line(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\r' || c == '\n' || c == '\t') {
      c = ' ';
    }
  }
  return out;
}

// MailMessage takes ownership of its parts and deletes them.
Poco::Net::PartSource* part(const std::string& content, const std::string& media_type) {
  return std::make_unique<Poco::Net::StringPartSource>(content, media_type).release();
}

void compose(const OutgoingMail& mail, const std::string& from, MailMessage& message) {
  message.setSender(from);
  // A display name outside plain ASCII would need RFC 2047 encoding, which
  // POCO does not do for addresses; the bare address is always correct.
  const std::string name = is_plain_ascii(mail.to_name) ? mail.to_name : std::string();
  message.addRecipient(
      Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.to, name));
  message.setSubject(MailMessage::encodeWord(one_line(mail.subject)));
  message.set("Message-ID", mail.message_id);
  // POCO adds this for multipart messages only; RFC 2045 wants it on any
  // message with a Content-Type.
  message.set("MIME-Version", "1.0");
  // RFC 3834: tells out-of-office responders not to answer.
  message.set("Auto-Submitted", "auto-generated");
  if (mail.calendar.empty()) {
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(mail.body, MailMessage::ENCODING_QUOTED_PRINTABLE);
    return;
  }
  // RFC 6047 (iMIP) 2.4: the invitation is a text/calendar part whose method
  // parameter repeats the calendar's METHOD.
  message.setContentType("multipart/alternative");
  message.addPart("", part(mail.body, "text/plain; charset=UTF-8"), MailMessage::CONTENT_INLINE,
                  MailMessage::ENCODING_QUOTED_PRINTABLE);
  message.addPart(
      "", part(mail.calendar, "text/calendar; method=" + mail.calendar_method + "; charset=UTF-8"),
      MailMessage::CONTENT_INLINE, MailMessage::ENCODING_BASE64);
}

std::string base64(const std::string& text) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << text;
  encoder.close();
  return out.str();
}

void expect(int status, int wanted, const char* step, const std::string& response) {
  if (status != wanted) {
    throw Poco::Net::SMTPException(std::string("AUTH LOGIN: ") + step, response, status);
  }
}

// AUTH LOGIN by hand: POCO 1.11's own exchange answers only a server whose
// prompt reads "Username:" or "Password:", and with any other prompt it
// carries on without logging in at all. The prompts' wording is not
// standard; their order (user name, then password) is what every server uses.
void login(Poco::Net::SMTPClientSession& session, const SmtpSettings& settings) {
  session.login();  // EHLO
  std::string response;
  expect(session.sendCommand("AUTH LOGIN", response), 334, "not offered", response);
  expect(session.sendCommand(base64(settings.username), response), 334, "user name refused",
         response);
  expect(session.sendCommand(base64(settings.password), response), 235, "refused", response);
}

// POCO's session with STARTTLS on a socket we connected ourselves (for the
// connect timeout), naming the configured host for the TLS session. POCO's
// SecureSMTPClientSession knows the host name only when it connects itself,
// without a timeout.
class Session final : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;

  void start_tls(const std::string& host, const Poco::Net::Context::Ptr& context) {
    std::string response;
    const int status = sendCommand("STARTTLS", response);
    if (status != 220) {
      throw Poco::Net::SMTPException("STARTTLS refused", response, status);
    }
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
  }
};

}  // namespace

struct SmtpMailer::Tls {
  Tls(const std::string& host, const std::string& ca_file) {
    Poco::Net::initializeSSL();
    // The peer must present a certificate that chains to a trusted CA
    // (VERIFY_RELAXED on a client); one that does not is refused, never
    // accepted (RejectCertificateHandler).
    context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", ca_file,
                                     Poco::Net::Context::VERIFY_RELAXED, 9, ca_file.empty());
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    // OpenSSL checks the name during the handshake (RFC 6125), so a
    // certificate that chains but is for another host is refused. Without
    // this, a certificate for DNS:mail.example.test was accepted from
    // 127.0.0.1 (SmtpTls.ACertificateForAnotherHostIsRefused).
    X509_VERIFY_PARAM* check = SSL_CTX_get0_param(context->sslContext());
    Poco::Net::IPAddress address;
    const int named = Poco::Net::IPAddress::tryParse(host, address)
                          ? X509_VERIFY_PARAM_set1_ip_asc(check, host.c_str())
                          : X509_VERIFY_PARAM_set1_host(check, host.c_str(), host.size());
    if (named != 1) {
      throw std::runtime_error("smtp.host " + host + " cannot be checked against a certificate");
    }
    Poco::Net::SSLManager::instance().initializeClient(
        nullptr, new Poco::Net::RejectCertificateHandler(false), context);
  }
  ~Tls() { Poco::Net::uninitializeSSL(); }
  Tls(const Tls&) = delete;
  Tls& operator=(const Tls&) = delete;

  Poco::Net::Context::Ptr context;
};

Mailer::~Mailer() = default;

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {
  if (settings_.security != SmtpSettings::Security::none) {
    tls_ = std::make_unique<Tls>(settings_.host, settings_.ca_file);
  }
}

SmtpMailer::~SmtpMailer() = default;

core::Status SmtpMailer::send(const OutgoingMail& mail) {
  if (mail.to.empty() || has_control_characters(mail.to) ||
      has_control_characters(mail.calendar_method) || has_control_characters(mail.message_id)) {
    return core::Error::invalid("to", "The recipient's address is not usable: " + mail.to);
  }
  try {
    MailMessage message;
    compose(mail, settings_.from, message);
    const Poco::Timespan timeout(static_cast<long>(settings_.timeout.count()), 0);
    const Poco::Net::SocketAddress address(settings_.host,
                                           static_cast<Poco::UInt16>(settings_.port));
    Poco::Net::StreamSocket socket;
    if (settings_.security == SmtpSettings::Security::tls) {
      Poco::Net::SecureStreamSocket secure(tls_->context);
      secure.setPeerHostName(settings_.host);
      secure.connect(address, timeout);
      socket = secure;
    } else {
      socket.connect(address, timeout);
    }
    Session session(socket);
    session.setTimeout(timeout);
    if (settings_.security == SmtpSettings::Security::starttls) {
      session.login();  // EHLO: the server's greeting and what it offers
      session.start_tls(settings_.host, tls_->context);
    }
    if (settings_.username.empty()) {
      session.login();
    } else {
      login(session, settings_);
    }
    session.sendMessage(message);
    // The server has accepted the message; a failure to say goodbye does not
    // undo that.
    try {
      session.close();
    } catch (const Poco::Exception&) {
    }
    return core::ok_status();
  } catch (const Poco::Exception& e) {
    return core::Error::conflict(e.displayText());
  } catch (const std::exception& e) {
    return core::Error::conflict(e.what());
  }
}

}  // namespace casepanel::jobs
