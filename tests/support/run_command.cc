// run_command: posix_spawn with three pipes, drained with poll().
#include "support/run_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace casepanel::testing {
namespace {

[[noreturn]] void fail(const std::string& what, int error) {
  throw std::runtime_error("run_command: " + what + ": " + std::strerror(error));
}

// A pipe whose two ends close themselves; both are close-on-exec, so the
// child sees only the ends dup2'd onto its standard streams.
class Pipe {
 public:
  Pipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) {
      fail("pipe2", errno);
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
    }
  }
  int fds_[2] = {-1, -1};
};

void ignore_sigpipe_once() {
  static std::once_flag once;
  std::call_once(once, [] { ::signal(SIGPIPE, SIG_IGN); });
}

std::string_view env_name(std::string_view entry) { return entry.substr(0, entry.find('=')); }

std::vector<std::string> child_environment(const std::vector<std::string>& additions) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    bool replaced = false;
    for (const std::string& added : additions) {
      replaced = replaced || env_name(added) == env_name(*entry);
    }
    if (!replaced) {
      env.emplace_back(*entry);
    }
  }
  env.insert(env.end(), additions.begin(), additions.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) {
    pointers.push_back(s.data());
  }
  pointers.push_back(nullptr);
  return pointers;
}

// posix_spawn's two attribute objects, destroyed however we leave.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// The child starts with default signal handling and no blocked signals,
// whatever the test process has set for itself.
void reset_signals(posix_spawnattr_t& attributes) {
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
}

bool read_some(int fd, std::string& into) {
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) {
    into.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
  return n < 0 && (errno == EINTR || errno == EAGAIN);
}

// Feeds `input` to the child and collects its two output streams until both
// are closed. A child that stops reading its input early is not an error.
void exchange(Pipe& in, Pipe& out, Pipe& err, std::string_view input, CommandResult& result) {
  std::size_t written = 0;
  bool out_open = true;
  bool err_open = true;
  if (input.empty()) {
    in.close_write();
  }
  while (out_open || err_open) {
    pollfd fds[3] = {{out.read_end(), POLLIN, 0}, {err.read_end(), POLLIN, 0}, {-1, POLLOUT, 0}};
    fds[0].fd = out_open ? out.read_end() : -1;
    fds[1].fd = err_open ? err.read_end() : -1;
    fds[2].fd = in.write_end();
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail("poll", errno);
    }
    if (fds[0].revents != 0) {
      out_open = read_some(out.read_end(), result.stdout_text);
    }
    if (fds[1].revents != 0) {
      err_open = read_some(err.read_end(), result.stderr_text);
    }
    if (fds[2].revents != 0) {
      const ssize_t n = ::write(in.write_end(), input.data() + written, input.size() - written);
      if (n > 0) {
        written += static_cast<std::size_t>(n);
      }
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) {
        in.close_write();
      }
    }
  }
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      fail("waitpid", errno);
    }
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const CommandOptions& options) {
  if (argv.empty()) {
    throw std::invalid_argument("run_command: argv is empty");
  }
  ignore_sigpipe_once();
  Pipe in;
  Pipe out;
  Pipe err;
  ::fcntl(in.write_end(), F_SETFL, O_NONBLOCK);

  SpawnSetup setup;
  if (options.stdin_text) {
    posix_spawn_file_actions_adddup2(&setup.actions, in.read_end(), STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&setup.actions, out.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, err.write_end(), STDERR_FILENO);
  if (options.working_directory) {
    posix_spawn_file_actions_addchdir_np(&setup.actions, options.working_directory->c_str());
  }
  reset_signals(setup.attributes);

  std::vector<std::string> args = argv;
  std::vector<std::string> env = child_environment(options.environment);
  std::vector<char*> c_args = c_strings(args);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = 0;
  const int error = ::posix_spawnp(&pid, c_args[0], &setup.actions, &setup.attributes,
                                   c_args.data(), c_env.data());
  if (error != 0) {
    fail("cannot start " + argv[0], error);
  }
  // Only the child keeps these ends now; closing ours lets EOF arrive.
  in.close_read();
  out.close_write();
  err.close_write();

  CommandResult result;
  exchange(in, out, err, options.stdin_text.value_or(""), result);
  result.exit_status = wait_for(pid);
  return result;
}

}  // namespace casepanel::testing
