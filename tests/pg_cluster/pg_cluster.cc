// pg_cluster: a throwaway PostgreSQL 15 cluster for a test that is not C++
// (the browser tests' PostgreSQL council, tests/browser/council.js).
//
//   pg_cluster NAME
//
// starts the cluster (tests/support/postgres_cluster.h), creates the empty
// database NAME, prints its libpq URL on one line, then waits until its
// standard input closes (the parent ended or closed the pipe) and stops the
// cluster, removing its directory. No sleeping: the wait is a blocking read.
#include <cstdio>
#include <exception>
#include <iostream>
#include <regex>
#include <string>

#include "support/postgres_cluster.h"

int main(int argc, char** argv) {
  if (argc != 2 || !std::regex_match(argv[1], std::regex("[a-z][a-z0-9_]{0,30}"))) {
    std::cerr << "usage: pg_cluster NAME   (NAME: a lower-case database name)\n";
    return 2;
  }
  try {
    auto& cluster = casepanel::testing::PostgresCluster::shared();
    cluster.execute(std::string("CREATE DATABASE ") + argv[1]);
    std::cout << cluster.url(argv[1]) << std::endl;
    std::string ignored;
    while (std::getline(std::cin, ignored)) {
    }
  } catch (const std::exception& e) {
    std::cerr << "pg_cluster: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
