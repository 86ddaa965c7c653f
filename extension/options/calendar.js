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

const view = { mode: 'week', anchor: null, projectId: '', focusId: null, busy: false, shown: '', cell: null };
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
  // The scroll position is kept only across refreshes of the same view: the
  // week view's 08:00 offset hid the month view's first week.
  const shown = `${view.mode}|${dateKey(view.anchor)}|${view.projectId}`;
  const cellHadFocus = document.activeElement?.dataset?.testid === 'calendar-cell';
  // A re-render replaces every item: the focused one keeps the focus (a storage change may
  // re-render while a keyboard move is on its way to the worker).
  const focusedItem = document.activeElement?.dataset?.testid === 'calendar-item' ? document.activeElement.dataset.id : null;
  const scrollTop = shown === view.shown ? body.querySelector('.cal-scroll')?.scrollTop : undefined;
  view.shown = shown;
  clear(body).append(toolbar(), legend(), el('div', { class: 'cal-scroll', testid: 'calendar-body' }, grid));
  const scroller = body.querySelector('.cal-scroll');
  if (scrollTop !== undefined) scroller.scrollTop = scrollTop;
  else if (view.mode === 'week') scroller.scrollTop = (grid.querySelector('[data-hour="8"]')?.offsetTop ?? 0) - 40;
  else scroller.scrollTop = 0;
  rovingCell(grid, cellHadFocus);
  root.dataset.mode = view.mode;
  root.dataset.anchor = dateKey(view.anchor);
  const focusId = view.focusId ?? focusedItem;
  if (focusId) {
    root.querySelector(`[data-testid="calendar-item"][data-id="${CSS.escape(focusId)}"]`)?.focus();
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

const cellSelector = (date, hour) => `[data-testid="calendar-cell"][data-date="${date}"]${hour === undefined ? '' : `[data-hour="${hour}"]`}`;

/** One tab stop in the grid: the remembered cell, else today at 09:00 (or today), else the first. */
function rovingCell(grid, focus) {
  const wanted = view.cell && grid.querySelector(cellSelector(view.cell.date, view.mode === 'week' ? view.cell.hour ?? 9 : undefined));
  const todayKey = dateKey(today(zone()));
  const target = wanted ?? grid.querySelector(cellSelector(todayKey, view.mode === 'week' ? 9 : undefined)) ?? grid.querySelector('[data-testid="calendar-cell"]');
  if (!target) return;
  target.tabIndex = 0;
  if (focus) target.focus();
}

/** Arrow keys move between cells (day by day; hour by hour or week by week); Enter creates a post there. */
function onCellKey(e) {
  const cellNode = e.target instanceof Element && e.target.dataset.testid === 'calendar-cell' ? e.target : null;
  if (!cellNode) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    createAt(cellNode);
    return;
  }
  const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
  if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  const date = parseDateKey(cellNode.dataset.date);
  let hour = cellNode.dataset.hour === undefined ? undefined : Number(cellNode.dataset.hour) + step[1];
  let day = addDays(date, step[0] + (hour === undefined ? 7 * step[1] : 0));
  if (hour !== undefined && (hour < 0 || hour > 23)) {
    day = addDays(date, hour < 0 ? -1 : 1);
    hour = (hour + 24) % 24;
  }
  const next = body.querySelector(cellSelector(dateKey(day), hour));
  view.cell = { date: dateKey(day), hour };
  if (next) {
    cellNode.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  } else {
    // Off the grid: show the next (or previous) week or month with that cell.
    view.anchor = day;
    renderCalendar();
    body.querySelector(cellSelector(dateKey(day), hour))?.focus();
  }
}

/** A new post planned at a cell's day and hour (09:00 on a month day). */
function createAt(cellNode) {
  const d = parseDateKey(cellNode.dataset.date);
  if (!d) return;
  const hour = cellNode.dataset.hour === undefined ? 9 : Number(cellNode.dataset.hour);
  view.cell = { date: cellNode.dataset.date, hour: cellNode.dataset.hour === undefined ? undefined : hour };
  openEditor(null, { at: toUtc({ ...d, h: hour, min: 0 }, zone()), projectId: view.projectId || undefined });
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
  // A click on a cell (not on an item): a new post planned at that day and hour.
  body.addEventListener('click', (e) => {
    const cellNode = e.target instanceof Element ? e.target.closest('[data-testid="calendar-cell"]') : null;
    if (!cellNode || e.target.closest('[data-testid="calendar-item"]')) return;
    createAt(cellNode);
  });
  body.addEventListener('keydown', onCellKey);
}
