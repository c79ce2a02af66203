// PostgresCluster: initdb once, then the server as a child of the test process.
#include "support/postgres_cluster.h"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "support/run_command.h"

namespace casepanel::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUser = "casepanel-test";
constexpr const char* kBin = "/usr/lib/postgresql/15/bin";
// How long the server may take to accept connections (it takes well under a
// second on an idle machine; a sanitizer build beside a compile is slower).
constexpr auto kStartLimit = std::chrono::seconds(60);

// The unprivileged user the server runs as; root only.
struct passwd* server_user() {
  if (struct passwd* pw = ::getpwnam(kUser)) {
    return pw;
  }
  // Two test processes may race to create it: whoever loses finds it made.
  run_command({"useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", kUser});
  struct passwd* pw = ::getpwnam(kUser);
  if (pw == nullptr) {
    throw std::runtime_error(std::string("PostgresCluster: could not create the user ") + kUser);
  }
  return pw;
}

fs::path make_cluster_dir() {
  std::string pattern = (fs::temp_directory_path() / "casepanel-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("PostgresCluster: mkdtemp failed");
  }
  return pattern;
}

// A port no one listens on now: bind port 0 and read what the kernel chose.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) {
      ::close(fd);
    }
    throw std::runtime_error("PostgresCluster: no free port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string conninfo(int port, std::string_view database) {
  return "host=127.0.0.1 port=" + std::to_string(port) +
         " user=postgres dbname=" + std::string(database) + " connect_timeout=5";
}

// Runs a command as the server's user: through runuser as root.
CommandResult run_as_server_user(std::vector<std::string> command) {
  if (::geteuid() == 0) {
    server_user();
    command.insert(command.begin(), {"runuser", "-u", kUser, "--"});
  }
  return run_command(command);
}

// The first column of the last row `sql` returns on the cluster's
// `postgres` database (empty when none); throws on error.
std::string query_value(int port, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo(port, "postgres").c_str());
  std::string error;
  std::string value;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* result = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      error = PQresultErrorMessage(result);
    } else if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) {
      value = PQgetvalue(result, PQntuples(result) - 1, 0);
    }
    PQclear(result);
  }
  PQfinish(conn);
  if (!error.empty()) {
    throw std::runtime_error("PostgresCluster: " + sql + ": " + error);
  }
  return value;
}

}  // namespace

PostgresCluster& PostgresCluster::shared() {
  static PostgresCluster cluster(Role::alone, nullptr);
  return cluster;
}

std::unique_ptr<PostgresCluster> PostgresCluster::primary_for_standby() {
  return std::unique_ptr<PostgresCluster>(new PostgresCluster(Role::primary, &shared()));
}

std::unique_ptr<PostgresCluster> PostgresCluster::start_standby() const {
  std::unique_ptr<PostgresCluster> standby(new PostgresCluster(Role::standby, this));
  // With synchronous_standby_names = '*', a commit on the primary returns
  // only once a synchronous standby has acknowledged it: each of these
  // commits (txid_current() gives the transaction an id, so it writes a
  // commit record) waits for the standby, with no sleep. pg_stat_replication
  // may still say "async" for a moment after the first, so ask again, within
  // a deadline; the statement timeout ends a wait for a standby that never
  // comes (with a warning).
  const auto deadline = std::chrono::steady_clock::now() + kStartLimit;
  std::string state;
  while (state != "sync") {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("PostgresCluster: the standby is not synchronous (sync_state '" +
                               state + "'):\n" + standby->server_log());
    }
    query_value(port_, "SET statement_timeout = '60s'; SELECT txid_current()");
    state = query_value(port_, "SELECT sync_state FROM pg_stat_replication");
  }
  return standby;
}

std::unique_ptr<PostgresCluster> PostgresCluster::restore_base_backup() const {
  return std::unique_ptr<PostgresCluster>(new PostgresCluster(Role::restored, this));
}

void PostgresCluster::stop_immediately() {
  if (server_ <= 0) {
    return;
  }
  ::kill(server_, SIGQUIT);
  int status = 0;
  ::waitpid(server_, &status, 0);
  server_ = -1;
}

void PostgresCluster::promote() const {
  const CommandResult promoted =
      run_as_server_user({std::string(kBin) + "/pg_ctl", "promote", "-D", (dir_ / "data").string(),
                          "--wait", "--timeout=60"});
  if (promoted.exit_status != 0) {
    throw std::runtime_error("PostgresCluster: pg_ctl promote failed: " + promoted.stderr_text +
                             "\n" + server_log());
  }
}

PostgresCluster::PostgresCluster(Role role, const PostgresCluster* source)
    : role_(role), dir_(make_cluster_dir()) {
  if (::geteuid() == 0) {
    const struct passwd* pw = server_user();
    if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      throw std::runtime_error("PostgresCluster: chown " + dir_.string() + " failed");
    }
  }
  make_data_directory(source);
  // The port is free when asked for but could be taken before the server
  // binds it; a second port settles that.
  for (int attempt = 1;; ++attempt) {
    port_ = free_port();
    start_server();
    try {
      wait_until_accepting();
      return;
    } catch (const std::exception&) {
      if (server_ > 0) {
        ::kill(server_, SIGQUIT);
        int status = 0;
        ::waitpid(server_, &status, 0);
        server_ = -1;
      }
      if (attempt == 3) {
        throw;
      }
    }
  }
}

// initdb; or a base backup of a running cluster: for a standby with -R
// (standby.signal and primary_conninfo written for it), for a new primary
// or a restore without.
void PostgresCluster::make_data_directory(const PostgresCluster* source) const {
  const std::string data = (dir_ / "data").string();
  std::vector<std::string> command;
  if (source == nullptr) {
    command = {std::string(kBin) + "/initdb",
               "-D",
               data,
               "-U",
               "postgres",
               "--auth=trust",
               "-E",
               "UTF8",
               "--locale=C",
               "--no-sync",
               "--no-instructions"};
  } else {
    command = {std::string(kBin) + "/pg_basebackup",
               "-h",
               "127.0.0.1",
               "-p",
               std::to_string(source->port_),
               "-U",
               "postgres",
               "-D",
               data,
               "--checkpoint=fast",
               "--no-sync",
               "--wal-method=stream"};
    if (role_ == Role::standby) {
      command.push_back("-R");
    }
  }
  const CommandResult made = run_as_server_user(command);
  if (made.exit_status != 0) {
    throw std::runtime_error("PostgresCluster: " + command.front() +
                             " failed: " + made.stderr_text);
  }
}

void PostgresCluster::start_server() {
  const bool root = ::geteuid() == 0;
  const struct passwd* pw = root ? server_user() : nullptr;
  const uid_t uid = pw ? pw->pw_uid : 0;
  const gid_t gid = pw ? pw->pw_gid : 0;
  const std::string port = std::to_string(port_);
  std::vector<std::string> args = {std::string(kBin) + "/postgres",
                                   "-D",
                                   (dir_ / "data").string(),
                                   "-k",
                                   dir_.string(),
                                   "-p",
                                   port,
                                   "-c",
                                   "listen_addresses=127.0.0.1",
                                   "-c",
                                   "fsync=off",
                                   "-c",
                                   "full_page_writes=off",
                                   "-c",
                                   "max_connections=200"};
  // Alone, nothing needs a commit to wait for anything. A primary waits for
  // its synchronous standby; the standby, once promoted, has none to wait
  // for (the setting is the primary's command line, not in the backup).
  const std::vector<std::string> by_role =
      role_ == Role::alone || role_ == Role::restored
          ? std::vector<std::string>{"-c", "synchronous_commit=off"}
      : role_ == Role::primary ? std::vector<std::string>{"-c", "synchronous_commit=on", "-c",
                                                          "synchronous_standby_names=*"}
                               : std::vector<std::string>{"-c", "synchronous_commit=on"};
  args.insert(args.end(), by_role.begin(), by_role.end());
  std::vector<char*> argv;
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  const int log = ::open((dir_ / "server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (log < 0 || (root && ::fchown(log, uid, gid) != 0)) {
    throw std::runtime_error("PostgresCluster: cannot write the server log");
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log);
    throw std::runtime_error("PostgresCluster: fork failed");
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, STDIN_FILENO);
    if (root && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
      ::_exit(126);
    }
    // Set after setuid, which clears it; and the parent may already be gone.
    ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
    if (::getppid() != parent) {
      ::_exit(125);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(log);
  server_ = pid;
}

void PostgresCluster::wait_until_accepting() {
  const std::string info = conninfo(port_, "postgres");
  const auto deadline = std::chrono::steady_clock::now() + kStartLimit;
  // The server creates its socket (in dir_) and marks postmaster.pid "ready"
  // (in data/) as it starts to accept connections: wait for a change in
  // either directory, not for a time, and ask again. The poll's bound only
  // lets a server that exits without a word be noticed.
  const int changes = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (changes < 0) {
    throw std::runtime_error("PostgresCluster: inotify_init1 failed");
  }
  for (const fs::path& watched : {dir_, dir_ / "data"}) {
    ::inotify_add_watch(changes, watched.c_str(),
                        IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{changes};
  while (PQping(info.c_str()) != PQPING_OK) {
    int status = 0;
    if (::waitpid(server_, &status, WNOHANG) == server_) {
      server_ = -1;
      throw std::runtime_error("PostgresCluster: the server exited:\n" + server_log());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("PostgresCluster: the server did not start:\n" + server_log());
    }
    pollfd ready{changes, POLLIN, 0};
    ::poll(&ready, 1, 200);
    char events[4096];
    while (::read(changes, events, sizeof events) > 0) {
    }
  }
}

std::string PostgresCluster::server_log() const {
  std::ifstream in(dir_ / "server.log");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

PostgresCluster::~PostgresCluster() {
  if (server_ > 0) {
    // Fast shutdown: ends any session still open, then exits.
    ::kill(server_, SIGINT);
    int status = 0;
    ::waitpid(server_, &status, 0);
  }
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

int PostgresCluster::unused_port() { return free_port(); }

std::string PostgresCluster::url(std::string_view database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + std::string(database);
}

void PostgresCluster::execute(const std::string& sql) const { query_value(port_, sql); }

}  // namespace casepanel::testing
