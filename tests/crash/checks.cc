#include "crash/checks.h"

#include <chrono>
#include <optional>

namespace casepanel::crash {
namespace {

using store::Tx;

constexpr const char* kLinkSubject = "Set your casepanel password";

std::int64_t count(Tx& tx, std::string_view sql, const store::Params& params = {}) {
  return tx.query_one(sql, params)->integer(0);
}

std::string where(const Write& w) {
  return std::string(w.kind == WriteKind::add_person ? "person " : "link for ") + w.token +
         " (life " + std::to_string(w.life) + ")";
}

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::acknowledged:
      return "acknowledged";
    case Outcome::refused:
      return "refused";
    case Outcome::unknown:
      return "unknown";
    case Outcome::pending:
      break;
  }
  return "pending";
}

// What the database holds of one write: every part, none, or a problem.
struct Seen {
  Fate fate = Fate::absent;
  std::string problem;  // a part without the rest, or wrong contents
};

Seen person_seen(Tx& tx, const Write& w) {
  const auto user =
      tx.query_one("SELECT id, name, job_title FROM users WHERE email = $1", {email_of(w.token)});
  if (!user) {
    const std::int64_t events = count(
        tx, "SELECT COUNT(*) FROM audit_events WHERE action = 'person.add' AND detail LIKE $1",
        {"%\"" + email_of(w.token) + "\"%"});
    return {Fate::absent, events == 0 ? "" : "no user, but its person.add event"};
  }
  const std::string id = std::to_string(user->integer(0));
  const auto roles = tx.query("SELECT role FROM user_roles WHERE user_id = $1", {user->integer(0)});
  const std::int64_t events = count(tx,
                                    "SELECT COUNT(*) FROM audit_events WHERE action = "
                                    "'person.add' AND entity = 'user' AND entity_id = $1",
                                    {id});
  std::string problem;
  if (roles.size() != 1 || roles[0].text(0) != "social_worker") {
    problem += " roles: " + std::to_string(roles.size()) + " rows;";
  }
  if (events != 1) {
    problem += " person.add events: " + std::to_string(events) + ";";
  }
  if (user->text(1) != "Crash " + w.token || user->text(2) != w.token) {
    problem += " name or job title not as sent;";
  }
  if (w.person_id != 0 && w.person_id != user->integer(0)) {
    problem += " id " + id + ", but the redirect named " + std::to_string(w.person_id) + ";";
  }
  return {Fate::present, problem};
}

Seen link_seen(Tx& tx, const Write& w) {
  const store::Params person = {w.person_id};
  const std::int64_t links =
      count(tx, "SELECT COUNT(*) FROM password_links WHERE user_id = $1", person);
  const std::int64_t emails =
      count(tx, "SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject = $2",
            {w.person_id, std::string(kLinkSubject)});
  const std::int64_t events = count(tx,
                                    "SELECT COUNT(*) FROM audit_events WHERE action = "
                                    "'password_link.send' AND entity = 'user' AND entity_id = $1",
                                    {std::to_string(w.person_id)});
  if (links == 0 && emails == 0 && events == 0) {
    return {Fate::absent, ""};
  }
  if (links == 1 && emails == 1 && events == 1) {
    return {Fate::present, ""};
  }
  return {Fate::present, " links " + std::to_string(links) + ", outbox emails " +
                             std::to_string(emails) + ", events " + std::to_string(events) + ";"};
}

void judge(Write& w, const Seen& seen, Findings& f) {
  const std::string found = seen.fate == Fate::present ? "present" : "absent";
  if (!seen.problem.empty()) {
    f.failures.push_back(where(w) + " is not whole:" + seen.problem);
  }
  if (w.fate != Fate::unchecked && w.fate != seen.fate) {
    f.failures.push_back(where(w) + " was " + (w.fate == Fate::present ? "present" : "absent") +
                         " at an earlier check and is " + found + " now");
    return;
  }
  const bool allowed = w.outcome == Outcome::unknown ||
                       (w.outcome == Outcome::acknowledged && seen.fate == Fate::present) ||
                       (w.outcome == Outcome::refused && seen.fate == Fate::absent);
  if (!allowed) {
    f.failures.push_back(where(w) + " was " + std::string(outcome_name(w.outcome)) + " (HTTP " +
                         std::to_string(w.status) + ") and is " + found);
  }
  if (w.fate == Fate::unchecked && w.outcome == Outcome::unknown) {
    ++(seen.fate == Fate::present ? f.unknown_present : f.unknown_absent);
  }
  w.fate = seen.fate;
}

}  // namespace

void prepare_checks(store::Database& db) {
  if (db.engine() != store::Engine::postgresql) {
    return;
  }
  db.write_all([](Tx& tx) {
    tx.exec("CREATE SCHEMA IF NOT EXISTS crash_check");
    tx.exec("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA crash_check");
  });
}

void wait_for_orphans(store::Database& db, std::vector<std::string>& failures) {
  if (db.engine() != store::Engine::postgresql) {
    return;
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    std::int64_t others = 0;
    // A transaction each time: pg_stat_activity is read once per transaction.
    db.read_all([&](Tx& tx) {
      others = count(tx,
                     "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid()");
    });
    if (others == 0) {
      return;
    }
    if (std::chrono::steady_clock::now() > until) {
      failures.push_back(std::to_string(others) +
                         " connections of the killed server still open after 60 s");
      return;
    }
  }
}

void check_integrity(store::Database& db, std::vector<std::string>& failures) {
  db.read_all([&](Tx& tx) {
    if (tx.engine() == store::Engine::sqlite) {
      const store::Rows integrity = tx.query("PRAGMA integrity_check");
      if (integrity.size() != 1 || integrity[0].text(0) != "ok") {
        failures.push_back("PRAGMA integrity_check: " +
                           (integrity.empty() ? std::string("no answer") : integrity[0].text(0)));
      }
      const store::Rows orphans = tx.query("PRAGMA foreign_key_check");
      if (!orphans.empty()) {
        failures.push_back("PRAGMA foreign_key_check: " + std::to_string(orphans.size()) +
                           " rows break a foreign key, the first in " + orphans[0].text(0));
      }
      return;
    }
    // bt_index_check raises an error (which fails the run) on a corrupt index.
    tx.query(
        "SELECT c.relname, crash_check.bt_index_check(c.oid)::text FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE am.amname = 'btree' AND n.nspname = 'public'");
  });
}

Totals count_totals(store::Database& db) {
  Totals t;
  db.read_all([&](Tx& tx) {
    t.people = count(tx, "SELECT COUNT(*) FROM users WHERE email LIKE 'crash-%'");
    t.links = count(tx,
                    "SELECT COUNT(*) FROM password_links l JOIN users u ON u.id = l.user_id "
                    "WHERE u.email LIKE 'crash-%'");
    t.emails = count(tx,
                     "SELECT COUNT(*) FROM outbox o JOIN users u ON u.id = o.recipient_id "
                     "WHERE u.email LIKE 'crash-%'");
    t.people_events = count(tx, "SELECT COUNT(*) FROM audit_events WHERE action = 'person.add'");
    t.link_events =
        count(tx, "SELECT COUNT(*) FROM audit_events WHERE action = 'password_link.send'");
  });
  return t;
}

void check_writes(store::Database& db, std::vector<Write>& writes, std::size_t from,
                  Recheck recheck, Findings& findings) {
  db.read_all([&](Tx& tx) {
    for (std::size_t i = from; i < writes.size(); ++i) {
      Write& w = writes[i];
      if (w.fate != Fate::unchecked && recheck == Recheck::no) {
        continue;
      }
      judge(w, w.kind == WriteKind::add_person ? person_seen(tx, w) : link_seen(tx, w), findings);
    }
  });
}

void check_totals(store::Database& db, const std::vector<Write>& writes, const Totals& baseline,
                  std::vector<std::string>& failures) {
  Totals expected = baseline;
  for (const Write& w : writes) {
    if (w.fate != Fate::present) {
      continue;
    }
    if (w.kind == WriteKind::add_person) {
      ++expected.people;
      ++expected.people_events;
    } else {
      ++expected.links;
      ++expected.emails;
      ++expected.link_events;
    }
  }
  const Totals found = count_totals(db);
  auto compare = [&](const char* what, std::int64_t want, std::int64_t got) {
    if (want != got) {
      failures.push_back(std::string(what) + ": " + std::to_string(got) + " in the database, " +
                         std::to_string(want) + " expected");
    }
  };
  compare("crash people", expected.people, found.people);
  compare("their password links", expected.links, found.links);
  compare("their outbox emails", expected.emails, found.emails);
  compare("person.add events", expected.people_events, found.people_events);
  compare("password_link.send events", expected.link_events, found.link_events);
}

}  // namespace casepanel::crash
