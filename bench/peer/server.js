// casepanel's peer for the benchmark (issue 17 §1): what a council's digital
// team would build instead. Node 20, Express, Nunjucks and better-sqlite3
// serve the child page and the sitting page from casepanel's own SQLite file,
// with casepanel's SQL, GOV.UK markup, session check and audit row per view.
// See docs/benchmarks.md, "The peer".
//
// Environment:
//   PEER_DATABASE  the SQLite file (`casepanel demo --scale large` makes one)
//   PEER_AUDIT_KEY casepanel's audit key file (audit.key_file), 32 bytes
//   PEER_CLOCK     the fixed time, as casepanel's --clock (2026-11-24T09:00:00Z)
//   PEER_PORT      the port on 127.0.0.1 (0: any free one); PEER_WORKERS (1)
//   PEER_PANELS    the panel configuration (config/panels)
//   PEER_COUNCIL   the council's name (casepanel's [site] council)
// It prints "peer is serving on http://127.0.0.1:PORT/" once it listens.
'use strict';

const cluster = require('cluster');
const http = require('http');
const path = require('path');

const workers = Number(process.env.PEER_WORKERS || 1);

if (workers > 1 && cluster.isPrimary) {
  // The primary only hands connections to the workers (round robin); the
  // workers share one port, chosen by the first to listen when PEER_PORT is 0.
  let ready = 0;
  cluster.on('message', (_, msg) => {
    if (msg && msg.listening && ++ready === workers) {
      console.log(`peer is serving on http://127.0.0.1:${msg.listening}/ (${workers} workers)`);
    }
  });
  cluster.on('exit', (w, code) => {
    console.error(`peer: worker ${w.process.pid} stopped (${code})`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    cluster.removeAllListeners('exit');
    for (const w of Object.values(cluster.workers)) w.kill('SIGTERM');
    process.exit(0);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const { createApp } = require('./lib/app');
  const app = createApp({
    database: process.env.PEER_DATABASE,
    auditKey: process.env.PEER_AUDIT_KEY,
    clock: process.env.PEER_CLOCK || '2026-11-24T09:00:00Z',
    panels: process.env.PEER_PANELS || path.join(__dirname, '../../config/panels'),
    council: process.env.PEER_COUNCIL || 'Demo County Council',
  });
  const server = app.listen(Number(process.env.PEER_PORT || 0), '127.0.0.1', () => {
    if (cluster.isWorker) {
      process.send({ listening: server.address().port });
    } else {
      console.log(`peer is serving on http://127.0.0.1:${server.address().port}/`);
    }
  });
  server.keepAliveTimeout = 65000;
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
