// SmtpSink: a real SMTP server on loopback for tests (tests/support/smtp_sink.py,
// run with Debian's python3 and python3-aiosmtpd), started on a port the
// system picks and killed when the sink goes out of scope.
//
// Every message the server accepts is a file in `maildir` by the time the
// client's send returns (the server writes it before answering 250), so
// tests read messages() straight after sending, without waiting.
//
// The interpreter is /usr/bin/python3 (where the Debian package lives), or
// $CASEPANEL_PYTHON. Not thread-safe: one owner.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace casepanel::testing {

class SmtpSink {
 public:
  struct Options {
    std::string auth = {};  // "user:password": AUTH required, only these pass
    // "CERT,KEY" (PEM files): STARTTLS offered and required before MAIL.
    std::string starttls = {};
    // "CERT,KEY": TLS from the first byte (SMTPS).
    std::string smtps = {};
  };
  // Starts the server; throws if it has not said its port within 20 seconds.
  explicit SmtpSink(std::filesystem::path maildir);
  SmtpSink(std::filesystem::path maildir, Options options);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  // While on, DATA is answered "451 4.3.0" (a temporary failure).
  void fail_with_451(bool on);
  // Each message received so far, in order: X-Envelope-From/To(/Auth)
  // lines, then the message exactly as sent.
  std::vector<std::string> messages() const;

 private:
  std::filesystem::path maildir_;
  std::filesystem::path fail_flag_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A loopback port with nothing listening on it (bound, then closed).
int closed_port();

// A self-signed certificate and its key (PEM) in `dir`, made with the
// openssl command, for a server named `subject_alt_name` ("IP:127.0.0.1",
// "DNS:mail.example.test"). Gives "CERT,KEY" as SmtpSink's options take it.
std::string self_signed_certificate(const std::filesystem::path& dir,
                                    const std::string& subject_alt_name);

}  // namespace casepanel::testing
