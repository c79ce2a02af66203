#include "store/postgres_statements.h"

#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace casepanel::store::postgres {
namespace {

using Poco::Data::MetaColumn;

void bind_params(Poco::Data::Statement& stmt, const Params& params) {
  using Poco::Data::Keywords::bind;
  for (const Value& v : params) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      // PostgreSQL's text cannot hold a NUL, and the connector would cut the
      // value short there without a word: refuse it instead.
      if (s->find('\0') != std::string::npos) {
        throw std::invalid_argument("a text value for PostgreSQL holds a NUL character");
      }
      stmt.addBind(bind(*s));
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      stmt.addBind(bind(static_cast<Poco::Int64>(*n)));
    } else {
      stmt.addBind(Poco::Data::Keywords::use(Poco::Data::Keywords::null));
    }
  }
}

bool is_integer_column(MetaColumn::ColumnDataType t) {
  switch (t) {
    case MetaColumn::FDT_BOOL:
    case MetaColumn::FDT_INT8:
    case MetaColumn::FDT_UINT8:
    case MetaColumn::FDT_INT16:
    case MetaColumn::FDT_UINT16:
    case MetaColumn::FDT_INT32:
    case MetaColumn::FDT_UINT32:
    case MetaColumn::FDT_INT64:
    case MetaColumn::FDT_UINT64:
      return true;
    default:
      return false;
  }
}

}  // namespace

void PocoTx::exec(std::string_view sql, const Params& params) {
  Poco::Data::Statement stmt(session_);
  stmt << std::string(sql);
  bind_params(stmt, params);
  stmt.execute();
}

Rows PocoTx::query(std::string_view sql, const Params& params) {
  Poco::Data::Statement stmt(session_);
  stmt << std::string(sql);
  bind_params(stmt, params);
  stmt.execute();
  Poco::Data::RecordSet rs(stmt);
  const std::size_t columns = rs.columnCount();
  const std::size_t count = rs.rowCount();
  Rows rows;
  rows.reserve(count);
  std::vector<bool> integer(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    integer[c] = is_integer_column(rs.columnType(c));
  }
  for (std::size_t r = 0; r < count; ++r) {
    std::vector<Value> values;
    values.reserve(columns);
    for (std::size_t c = 0; c < columns; ++c) {
      if (rs.isNull(c, r)) {
        values.emplace_back(nullptr);
      } else if (integer[c]) {
        values.emplace_back(static_cast<std::int64_t>(rs.value(c, r).convert<Poco::Int64>()));
      } else {
        values.emplace_back(rs.value(c, r).convert<std::string>());
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

}  // namespace casepanel::store::postgres
