// ServerProcess: fork + exec with a pipe for standard output, read with poll().
#include "support/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace casepanel::testing {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("ServerProcess: " + what + ": " + std::strerror(errno));
}

std::string tail_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > 4000 ? all.substr(all.size() - 4000) : all;
}

// Between fork and exec only async-signal-safe calls: everything the child
// needs is prepared before the fork.
[[noreturn]] void exec_child(char* const* argv, const char* directory, int out, int log,
                             pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) {
    ::_exit(127);  // the parent died before the line above took effect
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGPIPE, SIG_DFL);  // an ignored signal would survive exec
  if (::dup2(out, STDOUT_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0 || ::chdir(directory) != 0) {
    ::_exit(127);
  }
  const int null = ::open("/dev/null", O_RDONLY);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
  }
  ::execv(argv[0], argv);
  ::_exit(127);
}

}  // namespace

ServerProcess::~ServerProcess() { kill_now(); }

void ServerProcess::start(const std::vector<std::string>& argv,
                          const std::filesystem::path& working_directory,
                          const std::filesystem::path& log_file, std::chrono::seconds deadline) {
  kill_now();
  log_file_ = log_file;
  std::vector<std::string> args = argv;
  std::vector<char*> c_args;
  for (std::string& a : args) {
    c_args.push_back(a.data());
  }
  c_args.push_back(nullptr);
  const std::string directory = working_directory.string();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    fail("pipe2");
  }
  const int log = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) {
    fail("open " + log_file.string());
  }
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    exec_child(c_args.data(), directory.c_str(), fds[1], log, parent);
  }
  ::close(fds[1]);
  ::close(log);
  if (pid_ < 0) {
    ::close(fds[0]);
    fail("fork");
  }
  stdout_fd_ = fds[0];
  read_until_serving(deadline);
}

void ServerProcess::read_until_serving(std::chrono::seconds deadline) {
  static const std::regex serving(R"(casepanel is serving on http://[^:/]+:([0-9]+)/)");
  const auto until = std::chrono::steady_clock::now() + deadline;
  std::string seen;
  for (;;) {
    std::smatch m;
    if (std::regex_search(seen, m, serving)) {
      port_ = std::stoi(m[1].str());
      return;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    pollfd p{.fd = stdout_fd_, .events = POLLIN, .revents = 0};
    const int ready = left.count() > 0 ? ::poll(&p, 1, static_cast<int>(left.count())) : 0;
    char buffer[4096];
    const ssize_t n = ready > 0 ? ::read(stdout_fd_, buffer, sizeof buffer) : 0;
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const std::string why = ready == 0 ? "did not say it was serving in time" : "exited";
      kill_now();
      throw std::runtime_error("casepanel serve " + why + "; its output:\n" + seen +
                               "\nits log:\n" + tail_of(log_file_));
    }
    seen.append(buffer, static_cast<std::size_t>(n));
  }
}

void ServerProcess::kill_now() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
  port_ = 0;
  if (stdout_fd_ >= 0) {
    ::close(stdout_fd_);
    stdout_fd_ = -1;
  }
}

}  // namespace casepanel::testing
