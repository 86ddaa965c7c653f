// The calendar's grids. Week: 7 day columns x 24 hour rows, every cell a
// drop target for that day and hour. Month: 6 weeks x 7 days, every cell a
// drop target for that day (the time of day is kept). Items are coloured by
// their first network; every network of a post shows as a dot.
import { t } from '../shared/api.js';
import { el } from './lib/dom.js';
import { networkColour, networkLabel } from './lib/networks.js';
import { planTime } from './lib/store.js';
import { addDays, dateKey, formatDate, formatTime, minuteToHm, partsIn } from './lib/time.js';

/**
 * A cell: a drop target, and (one tab stop for the whole grid, arrows move
 * between cells) the place to create a post with Enter or a click.
 */
function cell(classes, date, hour, label, children) {
  return el('div', {
    class: classes, testid: 'calendar-cell', role: 'gridcell', tabindex: -1, 'aria-label': t('dashNewPostAt', label),
    dataset: hour === undefined ? { date } : { date, hour },
  }, children);
}

/** Statuses shown on the plan, and those that can be moved on it. */
export const SHOWN = new Set(['scheduled', 'missed', 'published', 'expired']);
export const MOVABLE = new Set(['scheduled', 'missed']);

/** Posts on the plan grouped by "YYYY-MM-DD" (and hour) in `zone`. */
export function placePosts(posts, zone) {
  const byDay = new Map();
  for (const post of posts) {
    const at = planTime(post);
    if (!SHOWN.has(post.status) || at === null) continue;
    const p = partsIn(at, zone);
    const key = dateKey(p);
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key).push({ post, at, hour: p.h });
  }
  for (const list of byDay.values()) list.sort((a, b) => a.at - b.at || a.post.id.localeCompare(b.post.id));
  return byDay;
}

function firstLine(text) {
  const line = String(text ?? '').split('\n').find((l) => l.trim()) ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export function calendarItem({ post, at }, zone) {
  const nets = post.networks?.length ? post.networks : ['generic'];
  const movable = MOVABLE.has(post.status);
  return el('div', {
    testid: 'calendar-item',
    class: `cal-item status-${post.status}`,
    tabindex: 0,
    role: 'button',
    draggable: movable ? 'true' : 'false',
    title: `${nets.map(networkLabel).join(', ')} · ${t(`dashStatus_${post.status}`)}\n${post.text}`,
    dataset: { id: post.id, status: post.status, network: nets[0], at },
    style: { '--net': networkColour(nets[0]) },
  },
  el('span', { class: 'dots' }, nets.map((n) => el('span', { class: 'dot', testid: 'calendar-item-network', dataset: { network: n }, style: { '--net': networkColour(n) } }))),
  el('span', { testid: 'calendar-item-time', class: 'time', text: formatTime(at, zone) }),
  el('span', { testid: 'calendar-item-text', class: 'text', text: firstLine(post.text) }));
}

function dayHeader(date, todayKey) {
  const key = dateKey(date);
  return el('div', { class: key === todayKey ? 'cal-head today' : 'cal-head', testid: 'calendar-day-header', dataset: { date: key } },
    formatDate(date, 'day'));
}

/** Week view starting on civil date `start`. */
export function weekGrid({ start, zone, byDay, todayKey }) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const grid = el('div', { class: 'cal-grid week', testid: 'calendar-grid', dataset: { mode: 'week' }, role: 'grid' });
  grid.append(el('div', { class: 'cal-corner' }), ...days.map((d) => dayHeader(d, todayKey)));
  for (let hour = 0; hour < 24; hour += 1) {
    grid.append(el('div', { class: 'cal-hour', text: minuteToHm(hour * 60) }));
    for (const day of days) {
      const key = dateKey(day);
      const items = (byDay.get(key) ?? []).filter((x) => x.hour === hour);
      const label = `${formatDate(day, 'long')} ${minuteToHm(hour * 60)}`;
      grid.append(cell(key === todayKey ? 'cal-cell today' : 'cal-cell', key, hour, label, items.map((x) => calendarItem(x, zone))));
    }
  }
  return grid;
}

/** Month view of the month containing `anchor`, weeks starting on `weekStart`. */
export function monthGrid({ anchor, zone, byDay, todayKey, weekStart }) {
  const first = { y: anchor.y, m: anchor.m, d: 1 };
  const offset = (new Date(Date.UTC(first.y, first.m - 1, 1)).getUTCDay() + 6 - weekStart + 7) % 7;
  const start = addDays(first, -offset);
  const grid = el('div', { class: 'cal-grid month', testid: 'calendar-grid', dataset: { mode: 'month' }, role: 'grid' });
  for (let i = 0; i < 7; i += 1) grid.append(el('div', { class: 'cal-head', text: formatDate(addDays(start, i), 'weekday') }));
  for (let i = 0; i < 42; i += 1) {
    const day = addDays(start, i);
    const key = dateKey(day);
    const classes = ['cal-cell', day.m === anchor.m ? '' : 'other', key === todayKey ? 'today' : ''].filter(Boolean).join(' ');
    grid.append(cell(classes, key, undefined, formatDate(day, 'long'), [
      el('span', { class: 'cal-daynum', text: String(day.d), 'aria-hidden': 'true' }),
      (byDay.get(key) ?? []).map((x) => calendarItem(x, zone))]));
  }
  return grid;
}
