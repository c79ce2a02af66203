// SmtpSink: posix_spawn of the Python server with a pipe for its first line.
#include "support/smtp_sink.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/run_command.h"

extern char** environ;

namespace casepanel::testing {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("SmtpSink: " + what + ": " + std::strerror(errno));
}

std::string python() {
  const char* chosen = std::getenv("CASEPANEL_PYTHON");
  return chosen && *chosen ? chosen : "/usr/bin/python3";
}

// Reads up to the first newline; a startup that does not finish in time is
// an error rather than a hung test.
std::string first_line(int fd) {
  std::string line;
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, 20000);
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      throw std::runtime_error("SmtpSink: the server did not start within 20 seconds");
    }
    char c = 0;
    const ssize_t n = ::read(fd, &c, 1);
    if (n <= 0) {
      throw std::runtime_error("SmtpSink: the server exited before listening (see stderr)");
    }
    if (c == '\n') {
      return line;
    }
    line += c;
  }
}

int number_of(const std::filesystem::path& file) { return std::stoi(file.stem().string()); }

}  // namespace

SmtpSink::SmtpSink(std::filesystem::path maildir) : SmtpSink(std::move(maildir), Options{}) {}

SmtpSink::SmtpSink(std::filesystem::path maildir, Options options)
    : maildir_(std::move(maildir)), fail_flag_(maildir_.string() + ".fail") {
  std::filesystem::create_directories(maildir_);
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) {
    fail("pipe2");
  }
  std::vector<std::string> args = {
      python(), std::string(CASEPANEL_SOURCE_DIR) + "/tests/support/smtp_sink.py",
      maildir_.string(), "--fail-flag", fail_flag_.string()};
  for (const auto& [flag, value] :
       {std::pair{"--auth", options.auth}, std::pair{"--starttls", options.starttls},
        std::pair{"--smtps", options.smtps}}) {
    if (!value.empty()) {
      args.push_back(flag);
      args.push_back(value);
    }
  }
  std::vector<char*> argv;
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  // The server starts with default signal handling and nothing blocked,
  // whatever the test has set for itself, so SIGTERM ends it.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigaddset(&signals, SIGPIPE);
  sigaddset(&signals, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const int error = ::posix_spawn(&pid_, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (error != 0) {
    ::close(out[0]);
    errno = error;
    fail("cannot start " + args[0]);
  }
  try {
    port_ = std::stoi(first_line(out[0]));
  } catch (...) {
    ::close(out[0]);
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw;
  }
  ::close(out[0]);
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  std::error_code ignored;
  std::filesystem::remove(fail_flag_, ignored);
}

void SmtpSink::fail_with_451(bool on) {
  if (on) {
    std::ofstream(fail_flag_) << "on\n";
  } else {
    std::filesystem::remove(fail_flag_);
  }
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(maildir_)) {
    if (entry.path().extension() == ".eml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return number_of(a) < number_of(b); });
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    fail("bind");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string self_signed_certificate(const std::filesystem::path& dir,
                                    const std::string& subject_alt_name) {
  std::filesystem::create_directories(dir);
  const std::string cert = (dir / "cert.pem").string();
  const std::string key = (dir / "key.pem").string();
  const CommandResult made =
      run_command({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                   "-out", cert, "-days", "2", "-subj", "/CN=casepanel test server", "-addext",
                   "subjectAltName=" + subject_alt_name});
  if (made.exit_status != 0) {
    throw std::runtime_error("openssl req failed: " + made.stderr_text);
  }
  return cert + "," + key;
}

}  // namespace casepanel::testing
