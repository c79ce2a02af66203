// The calendar invitations that reached the SMTP sink (council.js starts
// it and puts its maildir in CASEPANEL_MAILDIR). Each N.eml is the message
// exactly as casepanel sent it, after X-Envelope-From/-To lines; an invitation
// is a multipart/alternative message whose text/calendar part is base64.
const fs = require('node:fs');
const path = require('node:path');

// The calendar's METHOD and its VEVENT's properties (not the VTIMEZONE's,
// which has DTSTART lines of its own), unfolded (RFC 5545 3.1) and
// unescaped (3.3.11).
function eventOf(ics) {
  const all = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const lines = all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT'));
  const method = all.find((l) => l.startsWith('METHOD:'));
  const prop = (name) => {
    const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
    if (!line) {
      return undefined;
    }
    return line
      .slice(line.indexOf(':') + 1)
      .replace(/\\n/gi, '\n')
      .replace(/\\([,;\\])/g, '$1');
  };
  const dtstart = lines.find((l) => l.startsWith('DTSTART'));
  return {
    method: method && method.slice('METHOD:'.length),
    uid: prop('UID'),
    sequence: Number(prop('SEQUENCE')),
    status: prop('STATUS'),
    summary: prop('SUMMARY'),
    // "DTSTART;TZID=Europe/London:20261201T134500" as it was sent
    dtstart,
  };
}

// Every invitation in the maildir, in the order the sink accepted them.
function invitations() {
  const maildir = process.env.CASEPANEL_MAILDIR;
  if (!maildir) {
    throw new Error('CASEPANEL_MAILDIR is not set: import test from fixtures.js');
  }
  const files = fs
    .readdirSync(maildir)
    .filter((f) => /^\d+\.eml$/.test(f))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const out = [];
  for (const f of files) {
    const raw = fs.readFileSync(path.join(maildir, f), 'latin1');
    const part = /Content-Type: text\/calendar[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw);
    if (!part) {
      continue;
    }
    const ics = Buffer.from(part[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    const to = /^X-Envelope-To: (.*)$/m.exec(raw)[1].trim();
    out.push({ to, ...eventOf(ics) });
  }
  return out;
}

// "DTSTART;TZID=Europe/London:20261201T134500" for a date ("2026-12-01") and
// a time ("13:45").
const londonStart = (isoDate, hhmm) => `DTSTART;TZID=Europe/London:${isoDate.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;

module.exports = { invitations, londonStart };
