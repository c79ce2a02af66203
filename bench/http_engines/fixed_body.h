// What every engine's server in bench/http_engines/ shares: the body it
// answers with, read once from a file, and the stop signals (SIGINT, SIGTERM)
// blocked before any thread starts, so that only the main thread's sigwait
// sees them.
#pragma once

#include <signal.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace casepanel::bench {

inline std::string read_body(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(std::string("cannot read ") + path);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline sigset_t block_stop_signals() {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  return stop;
}

}  // namespace casepanel::bench
