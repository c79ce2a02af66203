// The bank holidays of England and Wales, as casepanel's core::Calendar works
// them out (src/core/calendar.cc): the statutory days, moved off weekends,
// and the one-off changes by proclamation. The council's own extra or
// removed days ([calendar] in casepanel.toml) are not read here.
'use strict';

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const utc = (y, m, d) => Date.UTC(y, m - 1, d);
const weekend = (t) => [0, 6].includes(new Date(t).getUTCDay());

function easterSunday(y) {
  // The anonymous Gregorian algorithm.
  const a = y % 19; const b = Math.floor(y / 100); const c = y % 100;
  const d = Math.floor(b / 4); const e = b % 4; const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4); const k = c % 4; const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return utc(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}

function mondays(y, month) {
  const out = [];
  for (let t = utc(y, month, 1); new Date(t).getUTCMonth() === month - 1; t += DAY) {
    if (new Date(t).getUTCDay() === 1) out.push(t);
  }
  return out;
}

// Fixed days that fall at a weekend are observed on the next free weekday.
function addObserved(days, fixed) {
  for (const d of fixed) if (!weekend(d)) days.push(d);
  for (const d of fixed) {
    if (!weekend(d)) continue;
    let s = d + DAY;
    while (weekend(s) || days.includes(s)) s += DAY;
    days.push(s);
  }
}

const ONE_OFF = [['1995-05-08', '1995-05-01'], ['1999-12-31', null], ['2002-06-04', '2002-05-27'],
  ['2002-06-03', null], ['2011-04-29', null], ['2012-06-04', '2012-05-28'], ['2012-06-05', null],
  ['2020-05-08', '2020-05-04'], ['2022-06-02', '2022-05-30'], ['2022-06-03', null],
  ['2022-09-19', null], ['2023-05-08', null]];

const cache = new Map();
function holidays(y) {
  if (cache.has(y)) return cache.get(y);
  const days = [];
  addObserved(days, [utc(y, 1, 1)]);
  const easter = easterSunday(y);
  days.push(easter - 2 * DAY, easter + DAY);
  const may = mondays(y, 5);
  days.push(may[0], may[may.length - 1], mondays(y, 8).pop());
  addObserved(days, [utc(y, 12, 25), utc(y, 12, 26)]);
  const out = new Set(days.map(iso));
  for (const [observed, instead] of ONE_OFF) {
    if (Number(observed.slice(0, 4)) !== y) continue;
    if (instead) out.delete(instead);
    out.add(observed);
  }
  cache.set(y, out);
  return out;
}

const isBankHoliday = (isoDate) => holidays(Number(isoDate.slice(0, 4))).has(isoDate);

module.exports = { isBankHoliday };
