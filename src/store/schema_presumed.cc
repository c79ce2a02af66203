#include "store/schema_parts.h"

namespace casepanel::store {

// Migration 23, PostgreSQL only: what a write presumed, checked in the
// server (store/audit.h, "Presumed tails"). True, or the statement fails
// with SQLSTATE CPA01 (store/transaction_retry.h, kPresumptionMissed).
const char kPresumedWritesPostgresqlSql[] =
    "CREATE FUNCTION casepanel_presumed(holds boolean) RETURNS boolean LANGUAGE plpgsql "
    "VOLATILE AS $fn$ BEGIN IF holds IS NOT TRUE THEN RAISE EXCEPTION 'what this write "
    "presumed has changed: another writer appended to the audit chain, moved the content "
    "version or ended a session' USING ERRCODE = 'CPA01'; END IF; RETURN true; END $fn$";

}  // namespace casepanel::store
