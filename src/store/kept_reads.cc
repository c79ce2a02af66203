#include "store/kept_reads.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "store/content_version.h"
#include "store/shared_reads.h"

namespace casepanel::store {
namespace {

bool names(std::string_view sql, std::string_view word) {
  return std::search(sql.begin(), sql.end(), word.begin(), word.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         }) != sql.end();
}

bool starts_with(std::string_view sql, std::string_view word) {
  const auto start = sql.find_first_not_of(" \n\t");
  return start != std::string_view::npos && sql.size() - start >= word.size() &&
         names(sql.substr(start, word.size()), word);
}

// A read (a SELECT, or WITH and a SELECT) of tables whose every change moves
// the content version.
void check_keepable(std::string_view sql) {
  const bool read = starts_with(sql, "select") || starts_with(sql, "with");
  if (!read || names(sql, "audit_events") || names(sql, "sessions")) {
    throw std::logic_error("not a read that may be kept: " + std::string(sql));
  }
}

// The SQL and each parameter, length-prefixed, so no two reads share a key.
std::string key_of(std::string_view sql, const Params& params) {
  std::string key(sql);
  for (const Value& v : params) {
    key += '\x1f';
    if (std::holds_alternative<std::nullptr_t>(v)) {
      key += 'n';
    } else if (std::holds_alternative<std::int64_t>(v)) {
      key += 'i' + std::to_string(std::get<std::int64_t>(v));
    } else {
      const std::string& s = std::get<std::string>(v);
      key += 's' + std::to_string(s.size()) + ':' + s;
    }
  }
  return key;
}

}  // namespace

Rows kept_query(Tx& tx, std::string_view sql, const Params& params) {
  check_keepable(sql);
  const Database* db = shared_reads::held_database_of(tx);
  if (db == nullptr) {
    return tx.query(sql, params);
  }
  const std::int64_t version = content_version(tx);
  const std::string key = key_of(sql, params);
  if (std::optional<Rows> rows = db->kept_reads().find(version, key)) {
    return std::move(*rows);
  }
  Rows rows = tx.query(sql, params);
  db->kept_reads().keep(version, key, rows);
  return rows;
}

std::optional<Row> kept_query_one(Tx& tx, std::string_view sql, const Params& params) {
  Rows rows = kept_query(tx, sql, params);
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

}  // namespace casepanel::store
