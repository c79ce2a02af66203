#include "store/shared_reads.h"

#include <stdexcept>

#include "store/presumed_reads.h"

namespace casepanel::store {
namespace {

thread_local shared_reads::Scope scope;

}  // namespace

SharedReads::SharedReads(const Database& db) {
  if (scope.db != nullptr) {
    throw std::logic_error("shared reads inside shared reads on the same thread");
  }
  scope.db = &db;
}

SharedReads::~SharedReads() {
  scope.held.reset();  // commits the held read and gives its connection back
  scope = {};
  presumed_reads::drop();
}

namespace shared_reads {

Scope* open_on(const Database& db) { return scope.db == &db ? &scope : nullptr; }

void end_held(const Database& db) {
  if (scope.db == &db) {
    scope.held.reset();
  }
}

std::optional<std::int64_t>* content_version_of(const Tx& tx) {
  if (scope.held && &scope.held->tx() == &tx) {
    return &scope.held->content_version;
  }
  return nullptr;
}

const Held* held_of(const Tx& tx) {
  return scope.held && &scope.held->tx() == &tx ? scope.held.get() : nullptr;
}

const Database* held_database_of(const Tx& tx) {
  return held_of(tx) != nullptr ? scope.db : nullptr;
}

}  // namespace shared_reads
}  // namespace casepanel::store
