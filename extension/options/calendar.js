// The content-plan calendar: week and month views, per project (or all),
// items coloured by network, drag (or Alt+arrow) to reschedule through the
// worker, which enforces the project's frequency rules.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { monthGrid, placePosts, weekGrid } from './calendar-grid.js';
import { wireCalendarInput } from './calendar-drag.js';
import { explainScheduleError } from './lib/conflicts.js';
import { clear, el, options } from './lib/dom.js';
import { networkColour, networks } from './lib/networks.js';
import { hideError, showError, toast } from './lib/notify.js';
import { covers, planTime, postById, projectById, refresh, setPostsWindow, store } from './lib/store.js';
import {
  addDays, BROWSER_ZONE, dateKey, formatDate, formatDateTime, HOUR, parseDateKey, partsIn, startOfWeek, today, toUtc,
} from './lib/time.js';

const view = { mode: 'week', anchor: null, projectId: '', focusId: null, busy: false };
let root;
let body;
let openEditor = () => {};

function zone() {
  return projectById(view.projectId)?.timeZone || BROWSER_ZONE;
}

function weekStart() {
  const w = Number(store.settings?.weekStartsOn ?? 0);
  return Number.isInteger(w) && w >= 0 && w <= 6 ? w : 0;
}

/**
 * The plan-time window the calendar needs loaded: the anchor's month with
 * two weeks either side, which holds its month grid and every week view in it.
 */
function neededWindow() {
  const anchor = view.anchor ?? today(zone());
  const first = { y: anchor.y, m: anchor.m, d: 1 };
  const next = anchor.m === 12 ? { y: anchor.y + 1, m: 1, d: 1 } : { y: anchor.y, m: anchor.m + 1, d: 1 };
  return { from: toUtc(addDays(first, -14), zone()), to: toUtc(addDays(next, 14), zone()) };
}

function visiblePosts() {
  return view.projectId ? store.posts.filter((p) => p.projectId === view.projectId) : store.posts;
}

function title() {
  if (view.mode === 'month') return formatDate(view.anchor, 'month');
  const start = startOfWeek(view.anchor, weekStart());
  return `${formatDate(start, 'short')} – ${formatDate(addDays(start, 6), 'short')} ${addDays(start, 6).y}`;
}

function toolbar() {
  const projectChoices = [['', t('dashAllProjects')], ...store.projects.map((p) => [p.id, p.name])];
  return el('div', { class: 'toolbar' },
    el('button', { type: 'button', testid: 'calendar-prev', title: t('dashPrevious'), text: '‹', onclick: () => shift(-1) }),
    el('button', { type: 'button', testid: 'calendar-today', i18n: 'dashToday', onclick: goToday }),
    el('button', { type: 'button', testid: 'calendar-next', title: t('dashNext'), text: '›', onclick: () => shift(1) }),
    el('h2', { testid: 'calendar-title', class: 'cal-title', text: title() }),
    el('span', { class: 'spacer' }),
    el('input', { type: 'date', testid: 'calendar-date', 'aria-label': t('dashGoToDate'), value: dateKey(view.anchor), onchange: (e) => jump(e.target.value) }),
    el('div', { class: 'segmented', role: 'group' },
      el('button', { type: 'button', testid: 'calendar-week', i18n: 'dashWeek', 'aria-pressed': String(view.mode === 'week'), onclick: () => setMode('week') }),
      el('button', { type: 'button', testid: 'calendar-month', i18n: 'dashMonth', 'aria-pressed': String(view.mode === 'month'), onclick: () => setMode('month') })),
    el('select', { testid: 'calendar-project', 'aria-label': t('dashProject'), onchange: (e) => setProject(e.target.value) },
      options(projectChoices, view.projectId)),
    el('span', { testid: 'calendar-zone', class: 'muted', text: zone() }));
}

function legend() {
  const used = new Set(visiblePosts().flatMap((p) => p.networks ?? []));
  const shown = networks().filter((n) => used.has(n.id));
  return el('div', { class: 'legend', testid: 'calendar-legend' },
    shown.map((n) => el('span', { class: 'legend-item', dataset: { network: n.id } },
      el('span', { class: 'dot', style: { '--net': networkColour(n.id) } }), n.label)));
}

export function renderCalendar() {
  if (!root) return;
  view.anchor ??= today(zone());
  // Outside the loaded weeks: load them; the store's refresh renders again.
  const need = neededWindow();
  if (store.window && !covers(need.from, need.to)) refresh();
  const z = zone();
  const byDay = placePosts(visiblePosts(), z);
  const todayKey = dateKey(today(z));
  const grid = view.mode === 'week'
    ? weekGrid({ start: startOfWeek(view.anchor, weekStart()), zone: z, byDay, todayKey })
    : monthGrid({ anchor: view.anchor, zone: z, byDay, todayKey, weekStart: weekStart() });
  const scrollTop = body.querySelector('.cal-scroll')?.scrollTop;
  clear(body).append(toolbar(), legend(), el('div', { class: 'cal-scroll', testid: 'calendar-body' }, grid));
  const scroller = body.querySelector('.cal-scroll');
  // Keep the scroll position across refreshes; start the week view at 08:00.
  if (scrollTop !== undefined) scroller.scrollTop = scrollTop;
  else if (view.mode === 'week') scroller.scrollTop = (grid.querySelector('[data-hour="8"]')?.offsetTop ?? 0) - 40;
  root.dataset.mode = view.mode;
  root.dataset.anchor = dateKey(view.anchor);
  if (view.focusId) {
    root.querySelector(`[data-testid="calendar-item"][data-id="${CSS.escape(view.focusId)}"]`)?.focus();
    view.focusId = null;
  }
}

function shift(dir) {
  view.anchor = view.mode === 'week'
    ? addDays(view.anchor, 7 * dir)
    : { y: view.anchor.y + Math.floor((view.anchor.m - 1 + dir) / 12), m: ((view.anchor.m - 1 + dir + 1200) % 12) + 1, d: 1 };
  renderCalendar();
}

function goToday() {
  view.anchor = today(zone());
  renderCalendar();
}

function jump(value) {
  const d = parseDateKey(value);
  if (d) {
    view.anchor = d;
    renderCalendar();
  }
}

function setMode(mode) {
  view.mode = mode;
  renderCalendar();
}

function setProject(id) {
  view.projectId = id;
  renderCalendar();
}

/** The instant a move lands on: a cell (date + hour) or a relative step. */
function targetTime(post, target) {
  const z = zone();
  const from = planTime(post);
  const p = partsIn(from, z);
  if (target.hours) return from + target.hours * HOUR;
  if (target.days) {
    const d = addDays(p, target.days);
    return toUtc({ ...d, h: p.h, min: p.min }, z);
  }
  const d = parseDateKey(target.date);
  if (!d) return null;
  return toUtc({ ...d, h: target.hour ?? p.h, min: p.min }, z);
}

async function move(id, target) {
  const post = postById(id);
  if (!post || view.busy) return;
  const at = targetTime(post, target);
  if (at === null || at === post.scheduledAt) return;
  const item = root.querySelector(`[data-testid="calendar-item"][data-id="${CSS.escape(id)}"]`);
  item?.classList.add('pending');
  view.busy = true;
  root.setAttribute('aria-busy', 'true');
  try {
    await call('post.schedule', { id, at, baseRevision: post.revision ?? 0 });
    hideError();
    toast(t('dashRescheduled', formatDateTime(at, zone())));
    view.focusId = id;
    await refresh();
  } catch (err) {
    item?.classList.remove('pending');
    showError(err, await explainScheduleError(err, post, at));
    if (err?.variant === 'Conflict' || err?.variant === 'NotFound') await refresh();
  } finally {
    view.busy = false;
    root.removeAttribute('aria-busy');
  }
}

/** Keys for the calendar when focus is not on an item (items handle their own). */
export function calendarKey(e) {
  const step = { ArrowLeft: -1, ArrowRight: 1, PageUp: -1, PageDown: 1 }[e.key];
  if (step && !e.altKey && !e.ctrlKey && !e.metaKey) shift(step);
  else if (e.key === 't') goToday();
  else if (e.key === 'w') setMode('week');
  else if (e.key === 'm') setMode('month');
  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') root.querySelector('[data-testid="calendar-item"]')?.focus();
  else return false;
  return true;
}

export function initCalendar(section, editor) {
  root = section;
  setPostsWindow(neededWindow);
  openEditor = editor;
  body = el('div', { testid: 'calendar', class: 'calendar', tabindex: -1 });
  section.append(body);
  wireCalendarInput(body, {
    move,
    open: (id) => {
      const post = postById(id);
      if (post) openEditor(post);
    },
    mode: () => view.mode,
  });
  // Double-click an empty cell: a new post planned at that day and hour.
  body.addEventListener('dblclick', (e) => {
    const cell = e.target instanceof Element ? e.target.closest('[data-testid="calendar-cell"]') : null;
    if (!cell || e.target.closest('[data-testid="calendar-item"]')) return;
    const d = parseDateKey(cell.dataset.date);
    const hour = cell.dataset.hour === undefined ? 9 : Number(cell.dataset.hour);
    if (d) openEditor(null, { at: toUtc({ ...d, h: hour, min: 0 }, zone()), projectId: view.projectId || undefined });
  });
}
