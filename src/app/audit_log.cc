#include "app/audit_log.h"

#include "app/support.h"

namespace casepanel::app {

core::Result<AuditPage> audit_log(Services& s, const Actor& a, int page, int per_page) {
  if (!a.may(core::Permission::view_audit)) {
    return core::Error::forbidden("Only auditors and administrators read the audit log");
  }
  AuditPage out;
  s.db.read_all([&](store::Tx& tx) {
    out.total = tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0);
    for (const auto& r : tx.query(
             "SELECT e.id, e.at, COALESCE(u.name, 'System'), e.actor_role, e.action, e.entity, "
             "e.entity_id, e.detail FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id "
             "ORDER BY e.id DESC LIMIT $1 OFFSET $2",
             {std::int64_t{per_page}, std::int64_t{(std::max(page, 1) - 1) * per_page}})) {
      // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + text.
      std::string record = r.text(5);
      if (!r.text(6).empty()) {
        record.append(" ").append(r.text(6));
      }
      std::string when = london_long_date(r.text(1));
      when.append(" ").append(london_hh_mm(r.text(1)));
      out.rows.push_back({r.integer(0), std::move(when), r.text(2), r.text(3), r.text(4),
                          std::move(record), r.text(7)});
    }
  });
  return out;
}

}  // namespace casepanel::app
