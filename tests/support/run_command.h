// run_command: runs a program to completion and captures what it wrote, so
// that tests can drive the real casepanel executable (CLI tests, web tests
// that need a command's output) exactly as a person or script would.
//
// The child inherits the test's environment (plus any additions), reads the
// given text on standard input (or /dev/null when there is none), and runs in
// the given working directory (or the test's own). Standard output and
// standard error are read concurrently, so a chatty child cannot deadlock.
//
// The first call ignores SIGPIPE in the test process, so that a child which
// exits without reading its input makes the write fail instead of killing
// the test; the child itself starts with the default disposition.
//
// Safe to call from several threads at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casepanel::testing {

struct CommandResult {
  // The exit status; 128 + the signal number if the child was killed.
  int exit_status = -1;
  std::string stdout_text = {};
  std::string stderr_text = {};
};

struct CommandOptions {
  std::optional<std::string> stdin_text = std::nullopt;
  std::optional<std::filesystem::path> working_directory = std::nullopt;
  // "NAME=value" entries added to (or replacing in) the inherited environment.
  std::vector<std::string> environment = {};
};

// argv[0] is the program: a path, or a name looked up on PATH. Throws
// std::runtime_error if the program cannot be started at all.
CommandResult run_command(const std::vector<std::string>& argv, const CommandOptions& options = {});

}  // namespace casepanel::testing
