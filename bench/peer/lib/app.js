// The Express application: the session check, the two pages, the layout.
'use strict';

const path = require('path');
const express = require('express');
const nunjucks = require('nunjucks');
const nunjucksLib = require('nunjucks/src/lib');
const { Store } = require('./store');
const { Panels } = require('./panels');
const { resumeSession } = require('./session');
const { auditView, loadKey } = require('./audit');
const { permitted } = require('./policy');
const { childRecord } = require('./child');
const { sittingView } = require('./sitting');

// casepanel's templates escape with kainjow mustache's html_escape; Nunjucks'
// own escaper writes ' as &#39; and escapes \ too. The same (safe) escaper is
// used here so that the bytes match.
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
nunjucksLib.escape = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// src/web/site.cc, kNav: each item with the permission that shows it.
const NAV = [
  ['/', 'Home', null], ['/children', 'Children', 'view_children'],
  ['/watch', 'Watch lists', 'approve_request'], ['/triage', 'Triage', 'view_triage'],
  ['/sittings', 'Sittings', 'view_sittings'], ['/actions', 'Actions', 'view_follow_ups'],
  ['/reports', 'Annual review', 'view_reports'], ['/audit', 'Audit log', 'view_audit'],
  ['/admin/people', 'People', 'administer'], ['/panels', 'Panels', 'administer'],
  ['/admin/outbox', 'Email outbox', 'administer'],
];

// src/web/security_headers.cc, as casepanel sends them on every page.
const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; " +
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cache-Control': 'no-store',
};

function createApp(options) {
  if (!options.database || !options.auditKey) {
    throw new Error('PEER_DATABASE and PEER_AUDIT_KEY must be set');
  }
  const store = new Store(options.database);
  const panels = new Panels(options.panels);
  const key = loadKey(options.auditKey);
  // cli/server_command.cc, is_demo: the demo banner when the data is the demo's.
  const demo = store.read(() =>
    store.one('SELECT value FROM settings WHERE key = $1', ['demo']))?.[0] === '1';
  const now = Math.floor(Date.parse(options.clock) / 1000);
  const at = new Date(now * 1000).toISOString().replace('.000Z', 'Z');
  // Compiled once and kept (noCache: false is the default; no watching).
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(path.join(__dirname, '../views')), { autoescape: true });

  function page(req, res, view, title, data) {
    const actor = req.session.actor;
    const layout = {
      title, council: options.council, demo, user_name: actor.name,
      csrf_token: req.session.csrf_token, has_nav: true,
      nav: NAV.filter(([, , perm]) => !perm || permitted(actor.roles, perm))
        .map(([href, label]) => ({ href, label,
          current: href === '/' ? req.path === '/' : req.path.startsWith(href) })),
    };
    data.csrf_token = req.session.csrf_token;
    layout.content = env.render(view, data);
    res.set(HEADERS).send(env.render('layout.njk', layout));
  }

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // The session check on every page (casepanel: Site::dispatch).
  app.use((req, res, next) => {
    req.session = resumeSession(store, req.headers.cookie, now);
    if (!req.session) return res.redirect(303, '/sign-in?next=' + encodeURIComponent(req.path));
    if (req.session.enrol_two_factor) return res.redirect(303, '/account/two-factor');
    next();
  });
  const clientAddress = (req) => req.socket.remoteAddress || '';

  app.get('/children/:id(\\d+)', (req, res) => {
    const id = Number(req.params.id);
    const actor = req.session.actor;
    const rec = childRecord(store, panels, actor, id);
    if (!rec) return res.status(404).set(HEADERS).send('Page not found');
    // DESIGN.md: every view of a child's record is logged, before it is shown.
    auditView(store, key, at, actor, clientAddress(req), 'child.view', 'child', id);
    page(req, res, 'child.njk', rec.name, rec);
  });

  app.get('/sittings/:id(\\d+)', (req, res) => {
    const id = Number(req.params.id);
    const actor = req.session.actor;
    const view = sittingView(store, panels, actor, id, now);
    if (!view) return res.status(404).set(HEADERS).send('Page not found');
    auditView(store, key, at, actor, clientAddress(req), 'sitting.view', 'sitting', id);
    page(req, res, 'sitting.njk', view.title, view);
  });

  app.use((req, res) => res.status(404).set(HEADERS).send('Page not found'));
  return app;
}

module.exports = { createApp };
