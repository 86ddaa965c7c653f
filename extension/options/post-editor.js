// The post editor dialog, shared by the calendar, the queue, drafts and the
// archive: text with live per-network counters, project, networks, schedule
// time and expiry (both in the project's zone).
import { t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { call } from '../shared/rpc.js';
import { explainScheduleError } from './lib/conflicts.js';
import { byTestId, clear, el, field, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { networkColour, networkLabel, networks } from './lib/networks.js';
import { showError, toast } from './lib/notify.js';
import { defaultProjectId, newId, projectById, refresh, store } from './lib/store.js';
import { BROWSER_ZONE, fromLocalInput, toLocalInput } from './lib/time.js';

let dialog;
let current = null; // the post being edited (null fields for a new one)
let isNew = false;

const $ = (id) => byTestId(id, dialog);

function zoneFor(projectId) {
  return projectById(projectId)?.timeZone || BROWSER_ZONE;
}

function build() {
  dialog = el('dialog', { testid: 'post-editor', class: 'editor', 'aria-labelledby': 'editor-title' },
    el('form', { method: 'dialog', onsubmit: (e) => e.preventDefault() },
      el('h2', { id: 'editor-title', testid: 'editor-title' }),
      field('dashProject', el('select', { testid: 'editor-project', onchange: onProjectChange })),
      el('fieldset', { class: 'chips' }, el('legend', { i18n: 'dashNetworks' }), el('div', { testid: 'editor-networks', class: 'chip-list' })),
      el('textarea', { testid: 'editor-text', rows: 8, placeholder: t('draftPlaceholder'), 'aria-label': t('dashText'), oninput: renderCounters }),
      el('div', { testid: 'editor-counters', class: 'counters' }),
      // Links travel with the post (CSV imports carry them in their own column).
      field('dashLinksOnePerLine', el('textarea', { testid: 'editor-links', rows: 2, class: 'links', spellcheck: 'false', placeholder: 'https://…' }), { class: 'wide' }),
      el('div', { class: 'row' },
        field('dashScheduledAt', el('input', { type: 'datetime-local', testid: 'editor-time' })),
        field('dashExpiresAt', el('input', { type: 'datetime-local', testid: 'editor-expires' })),
        el('span', { testid: 'editor-zone', class: 'muted' })),
      el('div', { testid: 'editor-error', class: 'error-box', role: 'alert', hidden: true }),
      el('div', { class: 'actions' },
        el('button', { type: 'button', testid: 'editor-save', class: 'primary', i18n: 'dashSave', onclick: () => act(save) }),
        el('button', { type: 'button', testid: 'editor-schedule', i18n: 'dashSchedule', onclick: () => act(schedule) }),
        el('button', { type: 'button', testid: 'editor-queue', i18n: 'addToQueue', onclick: () => act(addToQueue) }),
        el('button', { type: 'button', testid: 'editor-open-fill', i18n: 'dashOpenFillNow', title: t('dashOpenFillHelp'), onclick: () => act(openFillNow) }),
        el('span', { class: 'spacer' }),
        el('button', { type: 'button', testid: 'editor-delete', class: 'danger', i18n: 'dashDelete', onclick: () => act(remove) }),
        el('button', { type: 'button', testid: 'editor-close', i18n: 'close', onclick: () => dialog.close() }))));
  document.body.append(dialog);
}

function renderNetworks(selected) {
  clear($('editor-networks')).append(...networks().map((n) =>
    el('label', { class: 'chip', style: { '--net': networkColour(n.id) } },
      el('input', { type: 'checkbox', testid: 'editor-network', dataset: { network: n.id }, checked: selected.includes(n.id), onchange: renderCounters }),
      el('span', { text: n.label }))));
}

function selectedNetworks() {
  return [...dialog.querySelectorAll('[data-testid="editor-network"]:checked')].map((i) => i.dataset.network);
}

async function renderCounters() {
  const text = $('editor-text').value;
  const box = $('editor-counters');
  let core;
  try {
    core = await loadCore();
  } catch {
    return;
  }
  const nets = selectedNetworks();
  // The project's X account may have X Premium (25,000 weighted characters).
  const premium = projectById($('editor-project').value)?.networks?.some((a) => a.network === 'x' && a.premium);
  clear(box).append(...(nets.length ? nets : ['generic']).map((net) => {
    try {
      const r = core.countText(text, net, net === 'x' && premium ? { xPremium: true } : null);
      return el('span', {
        testid: 'editor-counter', class: r.over ? 'counter over' : 'counter', dataset: { network: net, count: r.count, over: r.over },
        text: `${networkLabel(net)}: ${r.limit ? t('counterOf', r.count, r.limit) : r.count}`,
      });
    } catch (err) {
      return el('span', { class: 'counter', text: `${networkLabel(net)}: ${err.message}` });
    }
  }));
}

function onProjectChange() {
  const project = projectById($('editor-project').value);
  if (isNew && project) renderNetworks(project.networks.map((n) => n.network));
  // Re-read the times in the new zone: what the user typed is wall time there.
  $('editor-zone').textContent = zoneFor($('editor-project').value);
  renderCounters();
}

function showErrorBox(lines) {
  const box = $('editor-error');
  clear(box).append(...lines.map((line) => el('p', { testid: 'editor-error-line', text: line })));
  box.hidden = lines.length === 0;
}

async function act(fn) {
  showErrorBox([]);
  for (const b of dialog.querySelectorAll('button')) b.disabled = true;
  try {
    await fn();
  } catch (err) {
    showErrorBox([describeError(err)]);
    if (err?.variant === 'Conflict') await refresh();
  } finally {
    for (const b of dialog.querySelectorAll('button')) b.disabled = false;
    $('editor-delete').disabled = isNew;
  }
}

/** The links box: one web address per line; anything else is refused by name. */
function formLinks() {
  const links = [...new Set($('editor-links').value.split(/\s+/).map((l) => l.trim()).filter(Boolean))];
  const bad = links.find((l) => !/^https?:\/\/[^/\s]/i.test(l));
  if (bad) throw Object.assign(new Error(t('dashBadLink', bad)), { variant: 'BadInput' });
  return links;
}

/** The post as the form describes it (not yet saved). */
function formPost() {
  const projectId = $('editor-project').value;
  const zone = zoneFor(projectId);
  const post = { ...current, text: $('editor-text').value, projectId, networks: selectedNetworks(), links: formLinks(), updatedAt: Date.now() };
  const expires = fromLocalInput($('editor-expires').value, zone);
  if (expires === null) delete post.expiresAt;
  else post.expiresAt = expires;
  return post;
}

function accept(result, fallbackId) {
  const saved = result?.post ?? result;
  current = saved && typeof saved === 'object' && saved.id ? saved : { ...current, id: fallbackId };
  isNew = false;
}

async function save({ quiet = false } = {}) {
  const post = formPost();
  const result = await call('post.save', isNew ? { post } : { post, baseRevision: current.revision ?? 0 });
  accept(result, post.id);
  if (quiet) return;
  // A planned post whose time was edited is moved too (through the rules).
  const at = fromLocalInput($('editor-time').value, zoneFor(post.projectId));
  if ((current.status === 'scheduled' || current.status === 'missed') && at !== null && at !== current.scheduledAt) {
    await scheduleTo(at);
    return;
  }
  await refresh();
  toast(t('saved'));
  dialog.close();
}

/** Schedule the (saved) current post at `at`; rule conflicts are listed in the dialog. */
async function scheduleTo(at) {
  try {
    const result = await call('post.schedule', { id: current.id, at, baseRevision: current.revision ?? 0 });
    accept(result, current.id);
  } catch (err) {
    const lines = await explainScheduleError(err, current, at);
    showErrorBox([describeError(err), ...lines]);
    await refresh();
    return;
  }
  await refresh();
  toast(t('dashScheduled'));
  dialog.close();
}

async function schedule() {
  const at = fromLocalInput($('editor-time').value, zoneFor($('editor-project').value));
  if (at === null) {
    showErrorBox([t('dashPickTime')]);
    return;
  }
  await save({ quiet: true });
  await scheduleTo(at);
}

async function addToQueue() {
  await save({ quiet: true });
  const result = await call('queue.add', { id: current.id, baseRevision: current.revision ?? 0 });
  accept(result, current.id);
  await refresh();
  toast(t('dashQueued'));
  dialog.close();
}

/**
 * Save, then open the network's composer with the text (what the reminder's
 * "Open & fill" does). Not awaited: the worker waits for the new tab's
 * composer to take the text, which can take seconds.
 */
async function openFillNow() {
  await save({ quiet: true });
  call('reminder.openFill', { id: current.id }).catch((err) => showError(err));
  await refresh();
  toast(t('dashOpenedFill'));
  dialog.close();
}

async function remove() {
  if (isNew) return;
  const button = $('editor-delete');
  // Two clicks: a modal confirm() would block the page and the tests alike.
  if (button.dataset.confirm !== '1') {
    button.dataset.confirm = '1';
    button.textContent = t('dashConfirmDelete');
    return;
  }
  await call('post.delete', { id: current.id, baseRevision: current.revision ?? 0 });
  await refresh();
  toast(t('dashDeleted'));
  dialog.close();
}

/** Open the editor on `post`, or on a new draft when `post` is null (`preset` fills it). */
export function openEditor(post, preset = {}) {
  if (!dialog) build();
  isNew = !post;
  const projectId = post?.projectId ?? preset.projectId ?? defaultProjectId();
  const now = Date.now();
  current = post ? { ...post } : {
    id: newId('post'), projectId, text: preset.text ?? '', networks: [], status: 'draft', createdAt: now, updatedAt: now, revision: 0,
  };
  const zone = zoneFor(projectId);
  $('editor-title').textContent = t(isNew ? 'dashNewDraft' : 'dashEditPost');
  const projectChoices = store.projects.map((p) => [p.id, p.name]);
  if (!projectChoices.some(([id]) => id === projectId)) projectChoices.unshift([projectId, projectId || t('dashNoProject')]);
  clear($('editor-project')).append(...options(projectChoices, projectId));
  $('editor-project').value = projectId;
  const nets = post?.networks ?? preset.networks ?? projectById(projectId)?.networks.map((n) => n.network) ?? [];
  renderNetworks(nets);
  $('editor-text').value = current.text;
  $('editor-links').value = (current.links ?? []).join('\n');
  $('editor-time').value = toLocalInput(preset.at ?? current.scheduledAt, zone);
  $('editor-expires').value = toLocalInput(current.expiresAt, zone);
  $('editor-zone').textContent = zone;
  const del = $('editor-delete');
  del.disabled = isNew;
  del.dataset.confirm = '';
  del.textContent = t('dashDelete');
  showErrorBox([]);
  renderCounters();
  dialog.showModal();
  $('editor-text').focus();
}
