// Wall-clock arithmetic in an IANA zone with Intl only. The calendar shows
// a project's plan in the project's zone (09:00 Berlin stays 09:00 Berlin
// whatever the browser's zone), so times are converted explicitly rather
// than through the browser's local Date methods.
import { api } from '../../shared/api.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const LANG = api.i18n?.getUILanguage?.() || navigator.language || 'en';

const partsFormats = new Map();
function partsFormat(zone) {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** True when `zone` is a zone Intl knows. */
export function validZone(zone) {
  try {
    partsFormat(zone);
    return true;
  } catch {
    partsFormats.delete(zone);
    return false;
  }
}

/** Local wall-clock parts of `ms` in `zone`: {y, m (1-12), d, h, min}. */
export function partsIn(ms, zone) {
  const out = {};
  for (const p of partsFormat(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { y: out.year, m: out.month, d: out.day, h: out.hour % 24, min: out.minute };
}

function offsetAt(ms, zone) {
  const p = partsIn(ms, zone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * UTC ms of a local wall-clock time in `zone`. In a DST gap the time moves
 * forward by the gap; in an overlap the earlier instant is chosen.
 */
export function toUtc({ y, m, d, h = 0, min = 0 }, zone) {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - offsetAt(guess, zone);
  const second = guess - offsetAt(first, zone);
  if (first === second) return first;
  // Overlap: both are valid readings of the wall time, take the earlier; gap:
  // neither maps back exactly, take the one after the gap.
  const earlier = Math.min(first, second);
  const p = partsIn(earlier, zone);
  return p.h === h && p.min === min ? earlier : Math.max(first, second);
}

/** A civil date {y, m, d} as "YYYY-MM-DD". */
export function dateKey({ y, m, d }) {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDateKey(key) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key ?? '');
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** Civil date arithmetic (no zone involved). */
export function addDays(date, n) {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Monday .. 6 = Sunday, the core's weekday numbering. */
export function weekday(date) {
  return (new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() + 6) % 7;
}

/** The first day of the week containing `date`, weeks starting on `weekStart` (0 = Monday). */
export function startOfWeek(date, weekStart = 0) {
  return addDays(date, -((weekday(date) - weekStart + 7) % 7));
}

export function today(zone) {
  const p = partsIn(Date.now(), zone);
  return { y: p.y, m: p.m, d: p.d };
}

const formats = new Map();
function format(zone, opts) {
  const key = `${zone}|${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LANG, { timeZone: zone, ...opts });
    formats.set(key, f);
  }
  return f;
}

/** "Mon 9 Mar, 09:30" in the UI language. */
export function formatDateTime(ms, zone) {
  return format(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function formatTime(ms, zone) {
  return format(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** A civil date as text, e.g. "March 2026" (`month`) or "Mon 9" (`day`). */
export function formatDate(date, style) {
  const ms = Date.UTC(date.y, date.m - 1, date.d, 12);
  const opts = {
    month: { month: 'long', year: 'numeric' },
    day: { weekday: 'short', day: 'numeric' },
    long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    short: { day: 'numeric', month: 'short' },
    weekday: { weekday: 'short' },
  }[style];
  // A civil date has no zone: format its UTC noon in UTC.
  return format('UTC', opts).format(ms);
}

/** "HH:MM" for a minute of the day. */
export function minuteToHm(minute) {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minute of the day from "HH:MM"; null when empty or malformed. */
export function hmToMinute(hm) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm ?? '');
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v >= 0 && v < 1440 ? v : null;
}

/** `<input type=datetime-local>` value of `ms` in `zone`, and back. */
export function toLocalInput(ms, zone) {
  if (ms === null || ms === undefined) return '';
  const p = partsIn(ms, zone);
  return `${dateKey(p)}T${minuteToHm(p.h * 60 + p.min)}`;
}

export function fromLocalInput(value, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!m) return null;
  return toUtc({ y: +m[1], m: +m[2], d: +m[3], h: +m[4], min: +m[5] }, zone);
}

/** Every IANA zone the browser knows (for the project editor's list). */
export function allZones() {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return [BROWSER_ZONE, 'UTC'];
  }
}
