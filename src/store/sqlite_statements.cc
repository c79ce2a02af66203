#include "store/sqlite_statements.h"

#include <Poco/Data/SQLite/Utility.h>

#include <stdexcept>

namespace casepanel::store::sqlite {

void throw_sqlite(sqlite3* db, int rc, std::string_view sql) {
  Poco::Data::SQLite::Utility::throwException(db, rc, std::string(sql));
  throw std::logic_error("unreachable");  // throwException always throws
}

}  // namespace casepanel::store::sqlite
