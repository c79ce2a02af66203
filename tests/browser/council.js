// A council for one Playwright worker: its own casepanel server, database,
// papers and SMTP sink, started when the worker starts and stopped when it
// ends (fixtures.js). Two workers, two councils: a journey never sees another
// worker's changes, so the spec files may run side by side.
//
// 1. A fresh temporary directory holds the database, the uploaded papers, the
//    server's log and a maildir.
// 2. A real SMTP server (tests/support/smtp_sink.py, aiosmtpd) listens on a
//    loopback port it picks and writes every message it accepts to the
//    maildir as N.eml; its path goes into CASEPANEL_MAILDIR for the specs.
// 3. A settings file in the directory points [smtp] at the sink and
//    [uploads] at the directory, so nothing is written to the checkout.
// 4. `casepanel demo` fills a new database with the fictional council.
// 5. `casepanel serve --port 0` picks a free port and prints
//    "casepanel is serving on http://127.0.0.1:PORT/"; we wait for that line.
// 6. The address is the worker's baseURL; the maildir goes into
//    CASEPANEL_MAILDIR, which mail.js reads.
//
// Both commands run with the same frozen clock (CASEPANEL_CLOCK), so the demo
// data, the planned sittings and every date the pages show are the same on
// every run, whatever the wall clock says.
//
// stop() stops the server and the sink with SIGTERM, keeps the server's log
// as test-results/casepanel-server-N.log (N: the worker), removes the
// temporary directory, and throws if AddressSanitizer or UBSan reported
// anything.
const { spawn, spawnSync } = require('node:child_process');
const { binary, waitForServing, stop, writeSettings, START_TIMEOUT_MS, SANITIZER_REPORT } = require('./servers');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

// Tuesday 24 November 2026, 09:00 in London (GMT): a CLAM sitting day, in the
// morning, so the first sitting triage offers is that afternoon's (13:30),
// still ahead of the clock.
const CLOCK = process.env.CASEPANEL_CLOCK || '2026-11-24T09:00:00Z';

// Starts the SMTP sink and resolves with [process, port] once it prints the
// port it listens on.
function startSink(maildir) {
  const sink = spawn('/usr/bin/python3', [path.join(ROOT, 'tests/support/smtp_sink.py'), maildir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const guard = setTimeout(() => {
      sink.kill('SIGKILL');
      reject(new Error(`the SMTP sink did not print its port within ${START_TIMEOUT_MS} ms:\n${err}`));
    }, START_TIMEOUT_MS);
    sink.stderr.on('data', (chunk) => {
      err += chunk.toString();
    });
    sink.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const m = out.match(/^(\d+)\n/);
      if (m) {
        clearTimeout(guard);
        resolve([sink, Number(m[1])]);
      }
    });
    sink.on('exit', (code) => {
      clearTimeout(guard);
      reject(new Error(`the SMTP sink exited (code ${code}) before listening:\n${err}`));
    });
  });
}

// A throwaway PostgreSQL 15 cluster (tests/pg_cluster, built beside the
// casepanel binary) with one empty database; resolves with [process, URL].
// The cluster lives until the process's standard input is closed.
function startPostgres() {
  const exe = path.join(path.dirname(binary()), 'tests', 'pg_cluster');
  const pg = spawn(exe, ['browser'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const guard = setTimeout(() => {
      pg.kill('SIGKILL');
      reject(new Error(`pg_cluster did not print its URL within ${START_TIMEOUT_MS} ms:\n${err}`));
    }, START_TIMEOUT_MS);
    pg.stderr.on('data', (chunk) => {
      err += chunk.toString();
    });
    pg.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const m = out.match(/^(postgresql:\/\/\S+)\n/);
      if (m) {
        clearTimeout(guard);
        resolve([pg, m[1]]);
      }
    });
    pg.on('exit', (code) => {
      clearTimeout(guard);
      reject(new Error(`pg_cluster exited (code ${code}) before printing its URL:\n${err}`));
    });
  });
}

// Closing its standard input stops the cluster and removes its directory.
function stopPostgres(pg) {
  return new Promise((resolve) => {
    if (pg.exitCode !== null || pg.signalCode !== null) {
      resolve();
      return;
    }
    pg.once('exit', () => resolve());
    pg.stdin.end();
  });
}

// engine: 'sqlite' (a file in the council's directory) or 'postgresql'.
async function startCouncil(worker, engine = 'sqlite') {
  const exe = binary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casepanel-browser-'));
  let database = path.join(dir, 'db');
  const maildir = path.join(dir, 'mail');
  fs.mkdirSync(maildir);
  let sink;
  let pg;
  let settings;
  try {
    let port;
    [sink, port] = await startSink(maildir);
    settings = writeSettings(dir, port);
    if (engine === 'postgresql') {
      [pg, database] = await startPostgres();
    }
  } catch (err) {
    if (sink) {
      await stop(sink);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const cleanUp = async () => {
    await stop(sink);
    if (pg) {
      await stopPostgres(pg);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const demo = spawnSync(exe, ['demo', '--database', database, '--config', settings, '--clock', CLOCK], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: START_TIMEOUT_MS,
  });
  if (demo.status !== 0) {
    await cleanUp();
    throw new Error(`casepanel demo failed (status ${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
  }

  const logFile = path.join(dir, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  let stderr = '';
  const server = spawn(exe, ['serve', '--database', database, '--config', settings, '--port', '0', '--clock', CLOCK], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep both pipes drained for the whole run so the server never blocks on
  // a full pipe, and keep everything for the log.
  server.stdout.on('data', (chunk) => logStream.write(chunk));
  server.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
    logStream.write(chunk);
  });

  let baseURL;
  try {
    baseURL = await waitForServing(server, () => stderr);
  } catch (err) {
    await stop(server);
    logStream.end();
    await cleanUp();
    throw err;
  }
  async function stopCouncil() {
    await stop(server);
    await new Promise((resolve) => logStream.end(resolve));
    const outDir = path.join(ROOT, 'test-results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(logFile, path.join(outDir, `casepanel-server-${worker}.log`));
    await cleanUp();
    if (SANITIZER_REPORT.test(stderr)) {
      throw new Error(
        `casepanel serve reported a sanitizer error (see test-results/casepanel-server-${worker}.log):\n` + stderr,
      );
    }
    if (server.exitCode !== 0) {
      throw new Error(
        `casepanel serve exited with code ${server.exitCode} (signal ${server.signalCode}) ` +
          `after SIGTERM; see test-results/casepanel-server-${worker}.log`,
      );
    }
  }
  return { baseURL, maildir, clock: CLOCK, stop: stopCouncil, serverLog: () => stderr };
}

module.exports = { startCouncil, CLOCK };
