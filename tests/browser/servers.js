// Starting and stopping casepanel servers for the browser tests: the one
// council.js runs for each worker, and those a journey runs itself
// when it must move the clock (after_panel.spec.js restarts a server on its
// own database with a later --clock, as an operator's restart would).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 60 * 1000;
const STOP_TIMEOUT_MS = 30 * 1000;
const SANITIZER_REPORT = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer/;

function binary() {
  const b = process.env.CASEPANEL_BINARY || 'build/test/casepanel';
  const resolved = path.resolve(ROOT, b);
  if (!fs.existsSync(resolved)) {
    throw new Error(
      `casepanel binary not found at ${resolved}. Build it (make test-unit) or set CASEPANEL_BINARY.`,
    );
  }
  return resolved;
}

// Resolves with the base URL once the server prints its "serving on" line;
// rejects if the process exits or fails to start first.
function waitForServing(server, log) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const guard = setTimeout(() => {
      reject(new Error(`casepanel serve did not print its address within ${START_TIMEOUT_MS} ms:\n${log()}`));
    }, START_TIMEOUT_MS);
    const done = (fn, value) => {
      clearTimeout(guard);
      server.stdout.off('data', onData);
      server.off('exit', onExit);
      server.off('error', onError);
      fn(value);
    };
    const onData = (chunk) => {
      stdout += chunk.toString();
      const m = stdout.match(/casepanel is serving on (http:\/\/[^\s/]+)\/?/);
      if (m) {
        done(resolve, m[1]);
      }
    };
    const onExit = (code, signal) =>
      done(reject, new Error(`casepanel serve exited (code ${code}, signal ${signal}) before serving:\n${log()}`));
    const onError = (err) => done(reject, err);
    server.stdout.on('data', onData);
    server.on('exit', onExit);
    server.on('error', onError);
  });
}

function stop(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) {
      resolve();
      return;
    }
    const guard = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
    server.once('exit', () => {
      clearTimeout(guard);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

// The settings a run uses: the shipped defaults, with papers, the audit key
// and checkpoints in `dir` (nothing is written into the checkout) and, when
// an SMTP port is given, email delivered to it at once (the global run's
// sink; the worker is also woken after every change).
function writeSettings(dir, smtpPort) {
  const file = path.join(dir, 'casepanel.toml');
  const lines = [
    '[uploads]',
    `directory = ${JSON.stringify(path.join(dir, 'uploads'))}`,
    '',
    '[audit]',
    `key_file = ${JSON.stringify(path.join(dir, 'audit.key'))}`,
    `checkpoint_file = ${JSON.stringify(path.join(dir, 'audit-checkpoints.log'))}`,
    '',
  ];
  if (smtpPort) {
    lines.push(
      '[smtp]',
      'host = "127.0.0.1"',
      `port = ${smtpPort}`,
      'from = "casepanel <panel@demo.casepanel.test>"',
      'timeout_seconds = 10',
      'interval_seconds = 2',
      '',
    );
  }
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

// A council of one's own: a temporary directory with settings (no email
// delivery: messages wait in the outbox), a demo database made at `clock`.
function ownCouncil(clock) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casepanel-own-'));
  const settings = writeSettings(dir);
  const database = path.join(dir, 'db');
  const demo = spawnSync(binary(), ['demo', '--database', database, '--config', settings, '--clock', clock], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: START_TIMEOUT_MS,
  });
  if (demo.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`casepanel demo failed (status ${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
  }
  return { dir, settings, database, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// `casepanel serve` on the council at `clock`; resolves with its base URL and
// a stop() that fails on a sanitizer report.
async function serveAt(council, clock) {
  let stderr = '';
  const server = spawn(
    binary(),
    ['serve', '--database', council.database, '--config', council.settings, '--port', '0', '--clock', clock],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
  });
  const baseURL = await waitForServing(server, () => stderr);
  server.stdout.resume();
  return {
    baseURL,
    async stop() {
      await stop(server);
      if (SANITIZER_REPORT.test(stderr)) {
        throw new Error(`casepanel serve reported a sanitizer error:\n${stderr}`);
      }
    },
  };
}

module.exports = {
  ROOT,
  START_TIMEOUT_MS,
  SANITIZER_REPORT,
  binary,
  waitForServing,
  stop,
  writeSettings,
  ownCouncil,
  serveAt,
};
