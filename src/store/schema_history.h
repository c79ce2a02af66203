// The schema's history: every migration casepanel has shipped, in order.
// A migration, once released, never changes: a new one is appended instead
// (store/migrations.cc applies them). Engine differences live here only.
#pragma once

#include <span>

namespace casepanel::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;  // statements separated by ";\n"; {{id}} is the engine's identity key
  // Run after `sql` on one engine only, where the two engines' syntax differs
  // (triggers). Same conventions; a statement must not contain ";\n".
  const char* sqlite_sql = nullptr;
  const char* postgresql_sql = nullptr;
};

// In version order, the newest last.
std::span<const Migration> schema_history();

}  // namespace casepanel::store
