// Dates as casepanel shows them (src/app/display.cc, src/core/dates): "4 March 2026",
// and UTC instants shown in London time ("09:30").
'use strict';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

// app::long_date: "2026-03-04" -> "4 March 2026"; anything else unchanged.
function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${Number(m[1])}`;
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

// The London date ("2026-03-04") and time ("09:30") of a UTC instant.
function londonParts(isoUtc) {
  const p = {};
  for (const part of london.formatToParts(new Date(isoUtc))) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, hhmm: `${p.hour}:${p.minute}` };
}

const londonLongDate = (isoUtc) => longDate(londonParts(isoUtc).date);
const londonHhMm = (isoUtc) => londonParts(isoUtc).hhmm;
// app::at_time_on: "at 09:30 on 4 March 2026"
const atTimeOn = (isoUtc) => `at ${londonHhMm(isoUtc)} on ${londonLongDate(isoUtc)}`;
// The UTC date of an instant, as a child's request history shows it.
const utcLongDate = (isoUtc) => longDate(isoUtc.slice(0, 10));

module.exports = { longDate, londonParts, londonLongDate, londonHhMm, atTimeOn, utcLongDate };
