// The SQL casepanel runs for the child and sitting pages, copied as text from
// src/store/*.cc (the file each comes from is named above it), on the same
// SQLite file. casepanel writes placeholders as $1..$N, in order and each used
// once (a rule of its code base); better-sqlite3 binds $1 by name, so they
// become plain ? here, bound in the same order.
'use strict';

const Database = require('better-sqlite3');

const positional = (sql) => sql.replace(/\$\d+/g, '?');

class Store {
  constructor(file) {
    this.db = new Database(file, { fileMustExist: true });
    // src/store/poco_database.cc opens every connection with these.
    this.db.pragma('busy_timeout=10000');
    this.db.pragma('journal_mode=WAL');
    this.db.pragma('synchronous=FULL');
    this.db.pragma('foreign_keys=ON');
    this.cache = new Map();
  }

  // A prepared statement per SQL text, prepared once (casepanel caches them too).
  statement(sql) {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(positional(sql));
      this.cache.set(sql, s);
    }
    return s;
  }

  all(sql, params = []) { return this.statement(sql).raw(true).all(...params); }
  one(sql, params = []) { return this.statement(sql).raw(true).get(...params); }
  run(sql, params = []) { return this.statement(sql).run(...params); }

  // A read transaction (BEGIN DEFERRED), as casepanel's read_all.
  read(fn) { return this.db.transaction(fn).deferred(); }
  // A write transaction (BEGIN IMMEDIATE): writers take turns, as in casepanel.
  write(fn) { return this.db.transaction(fn).immediate(); }
}

module.exports = { Store, positional };
