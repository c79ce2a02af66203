// PostgreSQL statements through POCO's connector: one Tx over a pooled
// POCO session (store/poco_database.cc owns the pool and the transaction).
// Internal to store/: nothing outside this layer includes it.
//
// Values: a column POCO reports as an integer type comes back as int64, NULL
// as nullptr, anything else as its text. A text parameter holding a NUL is
// refused (PostgreSQL's text cannot hold one, and the connector would cut
// the value short there without a word).
//
// Thread safety: a PocoTx lives within one call on one thread; its session
// belongs to one pooled connection, used by one thread at a time.
#pragma once

#include <Poco/Data/Session.h>

#include <string_view>

#include "store/database.h"

namespace casepanel::store::postgres {

class PocoTx final : public Tx {
 public:
  PocoTx(Poco::Data::Session& session, Engine engine) : session_(session), engine_(engine) {}

  void exec(std::string_view sql, const Params& params) override;
  Rows query(std::string_view sql, const Params& params) override;
  Engine engine() const override { return engine_; }

 private:
  Poco::Data::Session& session_;
  Engine engine_;
};

}  // namespace casepanel::store::postgres
