// Toolbar popup: the next reminders (a click opens the network with the
// text, as the reminder's "Open & fill" does), a quick draft (live counter
// from the core, uniqueness from the worker) saved or queued, open the panel
// on this page, open the dashboard. Writes go to the worker.
import { api, localize, t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { call } from '../shared/rpc.js';
import { clear, el, options } from '../options/lib/dom.js';
import { describeError } from '../options/lib/errors.js';
import { loadNetworks, networkColour, networkLabel, networks } from '../options/lib/networks.js';
import { BROWSER_ZONE, formatDateTime } from '../options/lib/time.js';

localize();
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const SHOWN = 5;
const state = { projects: [], settings: {}, core: null };

$('open-dashboard').addEventListener('click', () => api.runtime.openOptionsPage());
$('open-panel').addEventListener('click', async () => {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return;
  const opened = await api.tabs.sendMessage(tab.id, { type: 'panel.toggle', open: true }, { frameId: 0 }).catch(() => null);
  if (!opened) {
    // No content script on this page: inject it on this user gesture (activeTab).
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
  }
  window.close();
});

const relative = new Intl.RelativeTimeFormat(api.i18n.getUILanguage?.() || 'en', { numeric: 'auto' });
function fromNow(ms) {
  const minutes = Math.round((ms - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return relative.format(Math.round(minutes / 60), 'hour');
  return relative.format(Math.round(minutes / 1440), 'day');
}

function zoneOf(post) {
  return post.plannedZone || state.projects.find((p) => p.id === post.projectId)?.timeZone || BROWSER_ZONE;
}

async function renderReminders() {
  const list = $('next-reminders');
  let posts;
  try {
    posts = await call('posts.list', { status: ['scheduled'] });
  } catch (err) {
    clear(list).append(el('li', { class: 'empty', text: describeError(err) }));
    return;
  }
  const next = (Array.isArray(posts) ? posts : [])
    .map((post) => ({ post, at: post.snoozedUntil ?? post.scheduledAt }))
    .filter((x) => typeof x.at === 'number')
    .sort((a, b) => a.at - b.at || a.post.id.localeCompare(b.post.id))
    .slice(0, SHOWN);
  clear(list);
  if (!next.length) list.append(el('li', { class: 'empty', testid: 'reminders-empty', i18n: 'popupNothing' }));
  for (const { post, at } of next) {
    const line = String(post.text).split('\n').find((l) => l.trim()) ?? '';
    const network = post.networks?.[0] ?? 'generic';
    list.append(el('li', { testid: 'reminder-item', dataset: { id: post.id, at, network }, style: { '--net': networkColour(network) } },
      el('button', {
        type: 'button', testid: 'reminder-open', class: 'reminder-open', title: `${t('notifyOpenFill')} · ${networkLabel(network)}\n${post.text}`,
        'aria-label': `${t('notifyOpenFill')}: ${networkLabel(network)}, ${formatDateTime(at, zoneOf(post))}, ${line}`,
        onclick: () => openFill(post.id),
      },
      el('span', { class: 'when', testid: 'reminder-time', text: formatDateTime(at, zoneOf(post)) }),
      el('span', { class: 'text', testid: 'reminder-text', text: line }),
      el('span', { class: 'rel', text: `${networkLabel(network)} · ${fromNow(at)}` }))));
  }
}

/** Open the network's composer with the post's text (the worker opens the tab and fills it). */
async function openFill(id) {
  const status = $('popup-status');
  // The worker answers once the new tab's composer took the text; the popup
  // closes as the tab takes focus, so don't wait for that.
  call('reminder.openFill', { id }).catch((err) => {
    status.textContent = describeError(err);
    status.dataset.state = 'error';
  });
  status.textContent = t('dashOpenedFill');
  status.dataset.state = 'opening';
}

function defaultProjectId() {
  const wanted = state.settings?.defaultProjectId;
  return state.projects.some((p) => p.id === wanted) ? wanted : state.projects[0]?.id ?? '';
}

function renderCounter() {
  const text = $('quick-draft').value;
  const counter = $('quick-counter');
  $('save-draft').disabled = text.trim() === '';
  $('queue-draft').disabled = text.trim() === '';
  if (!state.core) return;
  try {
    const network = $('quick-network').value;
    // The chosen project's X account may have X Premium (25,000 weighted characters), as in the panel.
    const project = state.projects.find((p) => p.id === ($('quick-project').value || defaultProjectId()));
    const premium = network === 'x' && project?.networks?.some((a) => a.network === 'x' && a.premium);
    const r = state.core.countText(text, network, premium ? { xPremium: true } : null);
    counter.textContent = r.limit ? t('counterOf', r.count, r.limit) : String(r.count);
    counter.classList.toggle('over', !!r.over);
    counter.dataset.count = String(r.count);
    counter.dataset.over = String(!!r.over);
  } catch (err) {
    counter.textContent = t('errorGeneric', err.message);
  }
}

let uniqTimer = 0;
let uniqSeq = 0;
function scheduleUniqueness() {
  clearTimeout(uniqTimer);
  uniqTimer = setTimeout(async () => {
    const text = $('quick-draft').value;
    const mine = ++uniqSeq;
    const out = $('quick-uniqueness');
    const match = $('quick-match');
    if (!text.trim()) {
      out.textContent = t('uniquenessNone');
      delete out.dataset.percent;
      match.hidden = true;
      return;
    }
    try {
      const r = await call('uniqueness.check', { text });
      if (mine !== uniqSeq) return;
      const pct = Math.round(Number(r?.uniquenessPercent ?? 100));
      out.textContent = t('uniqueness', pct);
      out.dataset.percent = String(pct);
      const best = r?.matches?.[0];
      match.hidden = !best;
      match.textContent = best ? t('popupClosestMatch', Math.round((best.draftShare ?? best.containment ?? 0) * 100)) : '';
    } catch (err) {
      if (mine === uniqSeq) out.textContent = describeError(err);
    }
  }, 250);
}

$('quick-draft').addEventListener('input', () => {
  renderCounter();
  scheduleUniqueness();
});
$('quick-network').addEventListener('change', renderCounter);
$('quick-project').addEventListener('change', renderCounter);

/** Save the quick draft; with `queue`, also give it the next free slot of its project. */
async function saveQuick(queue) {
  const text = $('quick-draft').value;
  if (!text.trim()) return;
  const status = $('popup-status');
  const now = Date.now();
  const post = {
    id: `post-${crypto.randomUUID()}`, projectId: $('quick-project').value || defaultProjectId(), text,
    networks: [$('quick-network').value], status: 'draft', createdAt: now, updatedAt: now, revision: 0,
  };
  $('save-draft').disabled = true;
  $('queue-draft').disabled = true;
  let saved = null;
  try {
    saved = await call('post.save', { post });
    if (queue) {
      const queued = await call('queue.add', { id: post.id, baseRevision: saved?.revision ?? 1 });
      const project = state.projects.find((p) => p.id === post.projectId);
      status.textContent = t('queued', formatDateTime(queued.scheduledAt, queued.plannedZone || project?.timeZone || BROWSER_ZONE));
      status.dataset.state = 'queued';
    } else {
      status.textContent = t('saved');
      status.dataset.state = 'saved';
    }
    $('quick-draft').value = '';
    renderCounter();
    scheduleUniqueness();
    await renderReminders();
  } catch (err) {
    // Queueing failed after the save: the text is safe as a draft; say both.
    status.textContent = saved ? `${t('popupSavedNotQueued')} ${describeError(err)}` : describeError(err);
    status.dataset.state = 'error';
    if (saved) {
      $('quick-draft').value = '';
      renderCounter();
    } else {
      $('save-draft').disabled = false;
      $('queue-draft').disabled = false;
    }
  }
}

$('save-draft').addEventListener('click', () => saveQuick(false));
$('queue-draft').addEventListener('click', () => saveQuick(true));

async function init() {
  await loadNetworks();
  try {
    const s = await call('state.get');
    state.projects = Array.isArray(s?.projects) ? s.projects : [];
    state.settings = s?.settings ?? {};
    const theme = state.settings.theme;
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (err) {
    $('popup-status').textContent = describeError(err);
  }
  const projectId = defaultProjectId();
  const project = state.projects.find((p) => p.id === projectId);
  const preferred = project?.networks?.[0]?.network ?? 'x';
  $('quick-network').append(...options(networks().map((n) => [n.id, n.label]), preferred));
  $('quick-project').append(...options(state.projects.map((p) => [p.id, p.name]), projectId));
  $('quick-project').hidden = state.projects.length < 2;
  try {
    state.core = await loadCore();
  } catch (err) {
    $('quick-counter').textContent = t('errorGeneric', err.message);
  }
  renderCounter();
  await renderReminders();
  document.body.dataset.ready = 'true';
}

init();
