# casepanel: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is what they are made of.

RELEASE_DIR := build/release
TEST_DIR    := build/test
DB          ?= var/casepanel.db
PORT        ?= 8080
JOBS        ?= $(shell nproc)
FUZZ_SECONDS ?= 300
# Where the tests' temporary directories go: memory when there is /dev/shm.
# Every test database is thrown away, and SQLite's fsync at each commit (the
# product's synchronous=FULL) made the tests wait on the disk: app_tests 32.5 s
# on disk, 27.7 s in memory (docs/benchmarks.md, "CI time, 2026-12-01").
TEST_TMPDIR ?= $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo $${TMPDIR:-/tmp})

.PHONY: all deps release run test test-unit test-build test-fuzz test-browser test-concurrency test-postgresql crash-test fuzz bench bench-reports bench-http format clean

all: release

deps:
	@scripts/install-deps

release: deps
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEPANEL_TESTS=OFF >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS)

# A fresh demo database every time, served on http://127.0.0.1:$(PORT).
run: release
	@rm -f $(DB) $(DB)-wal $(DB)-shm var/audit-checkpoints.log
	@$(RELEASE_DIR)/casepanel demo --database $(DB)
	@$(RELEASE_DIR)/casepanel serve --database $(DB) --port $(PORT)

# One clang Debug build with AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer's coverage serves both: unit, integration and HTTP tests through
# ctest, then each fuzz target for 10 s, then the browser journeys. (clang
# compiles this build 1.7 times as fast as g++, and the fuzz targets need no
# second compile: docs/benchmarks.md, "CI time". The release build, which
# `make run` serves, stays g++ 12.) A build/test left by g++ is made anew.
test: deps test-unit test-fuzz test-browser

test-unit: test-build
	@cd $(TEST_DIR) && TMPDIR=$(TEST_TMPDIR) ctest --output-on-failure -j $(JOBS)

test-build:
	@if [ -f $(TEST_DIR)/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' $(TEST_DIR)/CMakeCache.txt; then rm -rf $(TEST_DIR); fi
	@CC=clang CXX=clang++ cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASEPANEL_SANITIZE=ON -DCASEPANEL_FUZZ=ON -DCASEPANEL_UNITY=ON >/dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)

# Only the runs on a throwaway PostgreSQL 15 cluster: every suite that touches
# a database, the two instances behind nginx, the crash harness's run
# (`make test` runs them too, beside the SQLite runs).
test-postgresql: deps test-build
	@cd $(TEST_DIR) && TMPDIR=$(TEST_TMPDIR) ctest --output-on-failure -j $(JOBS) -L postgresql

test-fuzz:
	@FUZZ_BUILD_DIR=$(TEST_DIR) JOBS=$(JOBS) scripts/fuzz 10

test-browser:
	@TMPDIR=$(TEST_TMPDIR) CASEPANEL_BINARY=$(TEST_DIR)/casepanel npx playwright test

# Issue 15: 8 writers (each its own instance) x 500 use cases on each engine;
# `make test` runs 5 each (tests/app/concurrent_writers_test.cc).
test-concurrency: deps test-build
	@for engine in sqlite postgresql; do \
	  CASEPANEL_TEST_ENGINE=$$engine CASEPANEL_WRITER_USE_CASES=500 \
	    $(TEST_DIR)/tests/app_tests --gtest_filter='ConcurrentWriters.*' || exit 1; \
	done

# Issue 15 §4: casepanel serve killed (SIGKILL) CRASH_KILLS times on each engine
# under 8 writers; no acknowledged write may be lost (docs/deployment.md, "No
# acknowledged write lost"). An optimised build of its own, without the
# sanitizers, for speed; `make test` runs 20 kills on each engine (ctest label
# `crash`) in the sanitizer build.
CRASH_DIR   := build/crash
CRASH_KILLS ?= 1000
crash-test: deps
	@cmake -S . -B $(CRASH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(CRASH_DIR) -j $(JOBS) --target crash_harness
	@for engine in sqlite postgresql; do \
	  $(CRASH_DIR)/tests/crash_harness --engine $$engine --kills $(CRASH_KILLS) || exit 1; \
	done

# Every libFuzzer target of tests/fuzz for FUZZ_SECONDS each (docs/fuzzing.md);
# one target: scripts/fuzz SECONDS NAME.
fuzz: deps
	@JOBS=$(JOBS) scripts/fuzz $(FUZZ_SECONDS)

bench: deps
	@bench/run

# The annual review at national scale (issue 16 §3): 1, 10 and 150 councils
# on both engines; most of an hour, so not part of `make bench`.
bench-reports: deps
	@bench/reports_scale

# Our HTTP engine against Boost.Beast, libmicrohttpd, libh2o and nginx on the
# same bytes (issue 17 §3, docs/http-server.md "Against other engines"); the
# other engines' packages are installed for this only.
bench-http:
	@scripts/install-deps --http-engines
	@bench/http_engines/run

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc')

clean:
	@rm -rf build test-results playwright-report
