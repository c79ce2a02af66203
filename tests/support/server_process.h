// ServerProcess: a `casepanel serve` child that a test can kill at any moment.
//
// start() forks and runs the executable with the given arguments (which must
// include `serve --port 0`), in the given working directory, with its
// standard output on a pipe and its standard error appended to a log file.
// It returns once the server has printed "casepanel is serving on
// http://HOST:PORT/" (the port is read from that line), so a test never
// sleeps waiting for it; if the line does not come within the deadline, or
// the server exits first, start() throws with the log's tail.
//
// kill_now() sends SIGKILL and reaps the child: the crash harness's power
// cut for one process. The destructor does the same to a server still
// running. The child also gets SIGKILL if the thread that started it dies
// (PR_SET_PDEATHSIG), so a crashed harness leaves no server behind: start
// servers from the main thread.
//
// Thread safety: one thread owns a ServerProcess; port() and pid() may be
// read from others once start() has returned.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace casepanel::testing {

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  // argv[0] is the executable's path. Throws std::runtime_error.
  void start(const std::vector<std::string>& argv, const std::filesystem::path& working_directory,
             const std::filesystem::path& log_file, std::chrono::seconds deadline);
  // SIGKILL, then waits for the child; nothing if it is not running.
  void kill_now();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  void read_until_serving(std::chrono::seconds deadline);

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int port_ = 0;
  std::filesystem::path log_file_;
};

}  // namespace casepanel::testing
