// "Rearrange": spread posts evenly between two dates, shuffle their times,
// or move them to the next free slots. The core computes the new times in
// this page (pure: nothing is written), the user sees every change, then
// the worker applies the batch in one write and hands back the undo.
import { t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { call } from '../shared/rpc.js';
import { explainBatchError } from './lib/conflicts.js';
import { byTestId, clear, el, field, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { toast } from './lib/notify.js';
import { defaultProjectId, projectById, refresh, store } from './lib/store.js';
import { addDays, dateKey, formatDateTime, parseDateKey, today, toUtc } from './lib/time.js';

const PLANNED = new Set(['scheduled', 'missed']);
const MOVABLE = new Set(['scheduled', 'missed', 'draft']);
let dialog;
let plan = null; // {projectId, changes: [{id, from, at}], unplaced: [id]}
// The chosen project's posts, loaded when the dialog opens or the project
// changes: the dashboard's store holds only the calendar's weeks, and a
// rearrange needs every draft and queued post, plus the recent published
// ones the rules count.
let posts = [];
const postById = (id) => posts.find((p) => p.id === id) ?? null;
// Further back than any rule looks (gaps and per-day caps are within a day).
const RULES_LOOK_BACK_MS = 7 * 24 * 3600 * 1000;
const $ = (id) => byTestId(id, dialog);

function zone() {
  return projectById($('rearrange-project').value)?.timeZone || 'UTC';
}

function projectPosts() {
  return posts;
}

async function loadPosts(projectId) {
  const [movable, recent] = await Promise.all([
    call('posts.list', { projectId, status: [...MOVABLE] }),
    call('posts.list', { projectId, status: ['published', 'expired'], from: Date.now() - RULES_LOOK_BACK_MS }),
  ]);
  posts = [...movable, ...recent];
}

/** Show the chosen project's posts (loaded first); `selected` preselects some. */
async function showProject(selected) {
  const id = $('rearrange-project').value;
  try {
    await loadPosts(id);
  } catch (err) {
    posts = [];
    clear($('rearrange-posts')).append(el('p', { class: 'warn', testid: 'rearrange-error', text: describeError(err) }));
    return;
  }
  if ($('rearrange-project').value === id) renderPosts(selected);
}

function firstLine(text) {
  const line = String(text ?? '').split('\n').find((l) => l.trim()) ?? '';
  return line.length > 70 ? `${line.slice(0, 69)}…` : line || t('dashEmptyText');
}

function op() {
  return dialog.querySelector('input[name="rearrange-op"]:checked')?.value ?? 'spread';
}

/** Drop a preview the inputs no longer match. */
function stale() {
  plan = null;
  clear($('rearrange-result'));
  $('rearrange-apply').disabled = true;
}

function renderPosts(selected) {
  const z = zone();
  const posts = projectPosts().filter((p) => MOVABLE.has(p.status))
    .sort((a, b) => (a.scheduledAt ?? Infinity) - (b.scheduledAt ?? Infinity) || a.id.localeCompare(b.id));
  clear($('rearrange-posts')).append(...posts.map((p) => el('label', { class: 'check post-pick' },
    el('input', { type: 'checkbox', testid: 'rearrange-post', dataset: { id: p.id }, checked: selected ? selected.has(p.id) : PLANNED.has(p.status), onchange: stale }),
    el('span', { class: 'when', text: p.scheduledAt ? formatDateTime(p.scheduledAt, z) : t('dashStatus_draft') }),
    el('span', { text: firstLine(p.text) }))));
  if (!posts.length) $('rearrange-posts').append(el('p', { class: 'muted', i18n: 'dashRearrangeNone' }));
  stale();
}

function chosenIds() {
  return [...dialog.querySelectorAll('[data-testid="rearrange-post"]:checked')].map((i) => i.dataset.id);
}

function setAll(which) {
  for (const box of dialog.querySelectorAll('[data-testid="rearrange-post"]')) {
    box.checked = which === 'planned' ? PLANNED.has(postById(box.dataset.id)?.status) : false;
  }
  stale();
}

/** Ask the core for the new times. */
async function preview() {
  stale();
  const out = $('rearrange-result');
  const ids = chosenIds();
  if (!ids.length) {
    out.append(el('p', { class: 'warn', i18n: 'dashRearrangePick' }));
    return;
  }
  const project = projectById($('rearrange-project').value);
  const posts = projectPosts();
  const now = Date.now();
  let result;
  try {
    const core = await loadCore();
    if (op() === 'spread') {
      const from = parseDateKey($('rearrange-from').value);
      const to = parseDateKey($('rearrange-to').value);
      if (!from || !to) throw Object.assign(new Error(t('dashPickTime')), { variant: 'BadInput' });
      // Whole days in the project's zone: from the first day's midnight to the end of the last.
      result = core.spreadEvenly(project, posts, ids, toUtc(from, project.timeZone), toUtc(addDays(to, 1), project.timeZone), now, $('rearrange-snap').checked);
    } else if (op() === 'shuffle') {
      result = { assignments: core.shuffleQueue(project, posts, ids, now % 2 ** 32, now), unplaced: [] };
    } else {
      result = core.nextFreeSlots(project, posts, ids, now);
    }
  } catch (err) {
    out.append(el('p', { class: 'warn', testid: 'rearrange-error', dataset: { variant: err?.variant ?? '' }, text: describeError(err) }));
    return;
  }
  const changes = result.assignments.map((a) => ({ id: a.postId, from: postById(a.postId)?.scheduledAt ?? null, at: a.atMs }))
    .filter((c) => c.from !== c.at);
  plan = { projectId: project.id, changes, unplaced: result.unplaced };
  renderPlan();
}

function renderPlan() {
  const z = zone();
  const out = clear($('rearrange-result'));
  const when = (ms) => (ms === null ? t('dashStatus_draft') : formatDateTime(ms, z));
  out.append(el('p', { testid: 'rearrange-summary', text: t('dashRearrangeSummary', plan.changes.length, plan.unplaced.length) }));
  if (plan.changes.length) {
    out.append(el('table', { class: 'preview', testid: 'rearrange-changes' },
      el('thead', {}, el('tr', {}, ['dashText', 'dashRearrangeFrom', 'dashRearrangeTo'].map((k) => el('th', { scope: 'col', i18n: k })))),
      el('tbody', {}, [...plan.changes].sort((a, b) => a.at - b.at).map((c) => el('tr', { testid: 'rearrange-change', dataset: { id: c.id, at: c.at } },
        el('td', { text: firstLine(postById(c.id)?.text) }), el('td', { class: 'muted', text: when(c.from) }), el('td', { text: when(c.at) }))))));
  }
  if (plan.unplaced.length) {
    out.append(el('p', { class: 'warn', i18n: 'dashRearrangeUnplaced' }),
      el('ul', { testid: 'rearrange-unplaced' }, plan.unplaced.map((id) => el('li', { dataset: { id }, text: firstLine(postById(id)?.text) }))));
  }
  $('rearrange-apply').disabled = plan.changes.length === 0;
}

async function apply() {
  if (!plan?.changes.length) return;
  const button = $('rearrange-apply');
  button.disabled = true;
  const changes = plan.changes.map((c) => ({ id: c.id, at: c.at, baseRevision: postById(c.id)?.revision ?? 0 }));
  try {
    const { undo } = await call('posts.reschedule', { changes });
    dialog.close();
    await refresh();
    toast(t('dashRearranged', changes.length), {
      focus: true,
      undo: async () => {
        await call('posts.restore', { records: undo });
        await refresh();
      },
    });
  } catch (err) {
    const lines = explainBatchError(err, zone());
    clear($('rearrange-result')).append(el('p', { class: 'warn', testid: 'rearrange-error', dataset: { variant: err?.variant ?? '' }, text: describeError(err) }),
      lines.length ? el('ul', {}, lines.map((l) => el('li', { text: l }))) : null);
    await refresh();
    plan = null;
  }
}

function build() {
  const radio = (value, key, checked) => el('label', { class: 'check' },
    el('input', { type: 'radio', name: 'rearrange-op', value, testid: `rearrange-op-${value}`, checked, onchange: stale }), el('span', { i18n: key }));
  dialog = el('dialog', { testid: 'rearrange', class: 'editor', 'aria-labelledby': 'rearrange-title' },
    el('form', { method: 'dialog', onsubmit: (e) => e.preventDefault() },
      el('h2', { id: 'rearrange-title', i18n: 'dashRearrange' }),
      el('p', { class: 'muted', i18n: 'dashRearrangeHelp' }),
      field('dashProject', el('select', { testid: 'rearrange-project', onchange: () => showProject(null) })),
      el('fieldset', {}, el('legend', { i18n: 'dashRearrangePosts' }),
        el('div', { class: 'actions' },
          el('button', { type: 'button', testid: 'rearrange-all', i18n: 'dashRearrangeAllPlanned', onclick: () => setAll('planned') }),
          el('button', { type: 'button', testid: 'rearrange-none', i18n: 'dashRearrangeNoneSelected', onclick: () => setAll('none') })),
        el('div', { testid: 'rearrange-posts', class: 'post-picks' })),
      el('fieldset', {}, el('legend', { i18n: 'dashRearrangeHow' }),
        radio('spread', 'dashSpread', true),
        el('div', { class: 'row indent' },
          field('dashFrom', el('input', { type: 'date', testid: 'rearrange-from', onchange: stale })),
          field('dashTo', el('input', { type: 'date', testid: 'rearrange-to', onchange: stale })),
          el('label', { class: 'check' }, el('input', { type: 'checkbox', testid: 'rearrange-snap', onchange: stale }), el('span', { i18n: 'dashSnapToSlots' }))),
        radio('shuffle', 'dashShuffle', false),
        radio('slots', 'dashNextFreeSlots', false)),
      el('div', { testid: 'rearrange-result', class: 'rearrange-result', 'aria-live': 'polite' }),
      el('div', { class: 'actions' },
        el('button', { type: 'button', testid: 'rearrange-preview', i18n: 'dashPreview', onclick: preview }),
        el('button', { type: 'button', testid: 'rearrange-apply', class: 'primary', i18n: 'dashApply', disabled: true, onclick: apply }),
        el('span', { class: 'spacer' }),
        el('button', { type: 'button', testid: 'rearrange-close', i18n: 'close', onclick: () => dialog.close() }))));
  document.body.append(dialog);
}

/** Open the dialog on `projectId`'s posts (default project if none); `ids` preselects posts. */
export async function openRearrange(projectId, ids) {
  if (!dialog) build();
  const id = projectById(projectId) ? projectId : defaultProjectId();
  clear($('rearrange-project')).append(...options(store.projects.map((p) => [p.id, p.name]), id));
  $('rearrange-project').value = id;
  const start = today(zone());
  $('rearrange-from').value = dateKey(start);
  $('rearrange-to').value = dateKey(addDays(start, 13));
  clear($('rearrange-posts'));
  stale();
  dialog.showModal();
  $('rearrange-project').focus();
  await showProject(ids ? new Set(ids) : null);
}

