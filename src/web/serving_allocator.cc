// tune_allocator_for_serving (web/server.h): glibc's allocator set for
// serving pages.
#include "web/server.h"

#include <malloc.h>

namespace casepanel::web {

void tune_allocator_for_serving() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  // Two arenas, not eight a core: a page is built on one thread and freed on
  // another (the I/O thread, or the thread whose commit released it), and
  // each arena kept its own high-water mark (docs/benchmarks.md: 155-161 MB
  // at 256 connections, 90-94 MB with two).
  mallopt(M_ARENA_MAX, 2);
}

}  // namespace casepanel::web
