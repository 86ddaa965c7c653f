// The panel: an extension page inside an iframe on the network's page.
// It talks to its tab's content script through shared/tabs.js (tabs.sendMessage,
// or the worker's relay in Firefox), listens to the content script's broadcasts
// (keeping only its own tab's), and asks the
// worker for everything stored. WASM runs here for the live counter.
import { api, t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { checkMessage, senderKind } from '../shared/messages.js';
import { call } from '../shared/rpc.js';
import { currentTabId, listenToOwnTab } from '../shared/tabs.js';
import { mergeRanges } from './editor.js';
import { renderThread, renderUniqueness, setDetails } from './meters.js';
import { renderMeasures } from './measures.js';
import { insertPart, openPost, wireActions } from './actions.js';
import { isDirty, loadPost, renderHeader } from './header.js';
import { $, countOptions, editorRef as editor, state, toContent, toast } from './ui.js';

function renderCount() {
  const el = $('counter');
  const text = editor.value;
  try {
    const r = state.core.countText(text, state.network, countOptions());
    state.count = r;
    el.textContent = r.limit ? t('counterOf', r.count, r.limit) : String(r.count);
    // Red when the main count is over; a text over another limit (Threads' links) says so beside it.
    const mainOver = r.measures[0]?.over ?? r.over;
    el.classList.toggle('over', mainOver);
    el.dataset.count = String(r.count);
    el.dataset.over = String(r.over);
    el.title = mainOver ? t('counterOver', r.count - r.limit) : '';
    renderMeasures(r, text);
    renderThread(text, r.over, insertPart);
  } catch (err) {
    el.textContent = t('errorGeneric', err.message);
  }
  editor.highlight(mergeRanges(state.count?.overflow ?? null, state.uniq?.fragments ?? []));
}

let uniqTimer = 0;
function scheduleUniqueness() {
  clearTimeout(uniqTimer);
  uniqTimer = setTimeout(async () => {
    const text = editor.value;
    try {
      state.uniq = await renderUniqueness(text, state.post?.id, state.pagePosts, openPost);
      if (text === editor.value) editor.highlight(mergeRanges(state.count?.overflow ?? null, state.uniq?.fragments ?? []));
    } catch (err) {
      $('uniqueness').textContent = t('errorGeneric', err.message);
    }
  }, 150);
}

// Panel → page: write the draft into the site's composer once the user pauses.
let syncTimer = 0;
function schedulePageSync() {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(async () => {
    // A thread part was inserted since (Insert part N): the composer holds that part, not the whole draft.
    if (state.pageSyncPaused) return;
    // Whatever has the keyboard in the panel (the text box, or a button the user tabbed to).
    const before = document.hasFocus() && document.activeElement !== document.body ? document.activeElement : null;
    await toContent({ type: 'composer.insert', text: editor.value, replace: true });
    // Inserting focuses the site's composer: keep the keyboard in the panel,
    // or the user's next keystrokes would go to the page (where any script can read them).
    const lost = !document.hasFocus() || document.activeElement === document.body;
    if (before?.isConnected && lost) before.focus();
  }, 700);
}

export function refresh({ fromUser = false } = {}) {
  if (!state.ready) return;
  renderCount();
  renderHeader();
  scheduleUniqueness();
  if (fromUser && state.composerFound) schedulePageSync();
}

/**
 * `canOpen`: no composer yet, but the site's opener of a closed composer is
 * there (the launcher stands beside it): Insert opens it, so this is no
 * "no composer" and no "needs update".
 */
function setStatus(found, needsUpdate, canOpen = false) {
  state.composerFound = found;
  const el = $('status');
  const opener = !found && canOpen;
  el.classList.toggle('warn', !!needsUpdate && !opener);
  el.dataset.state = found ? 'found' : opener ? 'can-open' : needsUpdate ? 'needs-update' : 'missing';
  el.textContent = found ? t('composerFound') : opener ? t('composerCanOpen') : needsUpdate ? t('adapterNeedsUpdate', state.network) : t('composerMissing');
  // One line that never moves the layout: a narrow panel cuts it, the tooltip has it whole.
  el.title = el.textContent;
}

function fillSelect(select, items, value) {
  select.replaceChildren(
    ...items.map(({ id, label }) => {
      const opt = document.createElement('option');
      opt.value = id;
      opt.textContent = label;
      return opt;
    }),
  );
  if (value !== null) select.value = value;
}

/** Light or dark as the settings say; "system" follows the browser. */
function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

// Typing before the boot finished: remembered here, merged with the page's text, never overwritten.
let typedDuringBoot = false;
$('draft-input').addEventListener('input', () => {
  if (!state.ready) typedDuringBoot = true;
  state.pageSyncPaused = false;
  refresh({ fromUser: true });
});
document.addEventListener('glider:changed', () => refresh());
$('network-select').addEventListener('change', (e) => {
  state.network = e.target.value;
  // Show the held post's variant for this network, unless that would drop unsaved text.
  if (state.post && !isDirty()) loadPost(state.post);
  refresh();
});
$('project-select').addEventListener('change', (e) => {
  state.projectId = e.target.value;
  // The project's account decides the count too (X Premium).
  refresh();
});
$('variant-toggle').addEventListener('change', () => refresh());
$('uniqueness').addEventListener('click', () => setDetails($('uniqueness').getAttribute('aria-expanded') !== 'true'));
$('thread-toggle').addEventListener('click', () => {
  const box = $('thread-box');
  box.hidden = !box.hidden;
  $('thread-toggle').setAttribute('aria-expanded', String(!box.hidden));
});
$('toast-close').addEventListener('click', () => ($('toast').hidden = true));
$('collapse').addEventListener('click', () => toContent({ type: 'panel.toggle', open: false }));
$('switch-side').addEventListener('click', async () => {
  const res = await toContent({ type: 'panel.side', side: state.side === 'left' ? 'right' : 'left' });
  if (res?.ok) state.side = res.side;
});

/** Hold the stored post the page's composer was filled with (Open & fill), if nothing unsaved is in the way. */
async function adopt(postId) {
  if (!postId || state.post?.id === postId || (isDirty() && state.post)) return;
  const post = await call('post.get', { id: postId }).catch(() => null);
  if (!post) return;
  // A thread was filled with one part: the panel holds the whole thread, the composer keeps its part.
  const part = post.thread?.parts?.includes(editor.value);
  if (part) {
    state.lastInserted = editor.value;
    state.pageSyncPaused = true;
  }
  loadPost(post, { keepText: !part });
}

/** The held post went out: it is marked published by the worker; the panel starts a new draft. */
async function published(msg) {
  const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const held = state.post;
  const mine = held && [held.text, ...Object.values(held.variants ?? {}), held.thread?.parts?.[0]].filter(Boolean).some((x) => norm(x) === norm(msg.text));
  await loadPagePosts();
  if (!mine) return refresh();
  const post = await call('post.get', { id: held.id }).catch(() => null);
  if (editor.value.trim() === '') loadPost(null);
  else if (post) loadPost(post, { keepText: true });
  refresh();
  toast(t('publishedMarked', state.networkLabels[msg.network] ?? msg.network));
}

const extensionOrigin = api.runtime.getURL('');
// Chromium delivers the tab's broadcasts to this framed page; Firefox does not, so
// listenToOwnTab also takes them from the worker's port (shared/tabs.js).
listenToOwnTab((msg, sender) => {
  const check = checkMessage(msg, senderKind(sender, api.runtime.id, extensionOrigin), ['composer.changed', 'content.ready', 'composer.published']);
  if (!check.ok || sender.tab?.id !== state.tabId || !state.ready) return false;
  // Page → panel, except the echo of a thread part the panel put there (the draft holds the whole thread).
  const echo = state.pageSyncPaused || msg.text === state.lastInserted;
  // A composer that just appeared (the user opened the site's dialog) never replaces a draft the
  // panel already holds: the panel's text is the one the user was working on.
  const keep = msg.initial && editor.value.trim() !== '';
  if (msg.type === 'composer.changed' && !echo && !keep && !editor.focused() && msg.text !== editor.value) {
    editor.value = msg.text;
    refresh();
  }
  if (msg.type === 'composer.changed' && msg.postId) adopt(msg.postId).then(() => refresh());
  if (msg.type === 'content.ready') {
    setStatus(msg.composers > 0, msg.needsUpdate, msg.canOpen);
    if (msg.limits?.maxCharacters && msg.limits.maxCharacters !== state.instanceLimit) {
      state.instanceLimit = msg.limits.maxCharacters;
      refresh();
    }
  }
  if (msg.type === 'composer.published') published(msg);
  return false;
});

// The theme follows the settings live (the worker writes them; the panel only reads).
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) applyTheme(changes.settings.newValue?.theme);
});

async function loadPagePosts() {
  const res = await toContent({ type: 'page.posts' });
  state.pagePosts = res?.ok ? res.posts.map((p) => p.text).filter(Boolean).slice(0, 200) : [];
}

async function boot() {
  // In Firefox the framed panel has no tabs API: the worker tells it its tab (shared/tabs.js).
  state.tabId = await currentTabId();
  // The core, the composer's text, the page's status and posts, and the
  // state don't depend on each other: ask for all of them at once (one wait,
  // not five). Text typed meanwhile is kept (typedDuringBoot, below).
  const [core, res, page, app] = await Promise.all([
    loadCore(),
    toContent({ type: 'composer.read' }),
    toContent({ type: 'adapter.status' }),
    call('state.get').catch(() => null),
    loadPagePosts(),
  ]);
  state.core = core;
  const rules = core.networkRules();
  state.networkLabels = Object.fromEntries(rules.map((r) => [r.id, r.label]));
  fillSelect($('network-select'), rules, state.network);
  applyTheme(app?.settings?.theme);
  state.projects = app?.projects ?? [];
  state.projectId = app?.settings?.defaultProjectId ?? state.projects[0]?.id ?? null;
  fillSelect($('project-select'), state.projects.map((p) => ({ id: p.id, label: p.name })), state.projectId);
  let merged = false;
  if (res?.ok) {
    state.network = res.network || state.network;
    $('network-select').value = state.network;
    setStatus(res.found, false);
    const typed = editor.value;
    if (!typedDuringBoot || !typed.trim()) editor.value = res.text;
    else if (res.text.trim() && res.text !== typed && !typed.startsWith(res.text)) {
      // Both the page's composer and the user's typing hold text: keep both.
      editor.value = `${res.text}${res.text.endsWith('\n') ? '' : '\n'}${typed}`;
      merged = true;
    } else merged = typed !== res.text;
    if (res.postId && !typedDuringBoot) await adopt(res.postId);
  }
  if (page?.limits?.maxCharacters) state.instanceLimit = page.limits.maxCharacters;
  if (page?.ok) setStatus(page.found, page.needsUpdate, page.canOpen);
  wireActions();
  state.ready = true;
  for (const b of document.querySelectorAll('[data-needs-ready]')) b.disabled = false;
  refresh({ fromUser: merged });
  document.body.dataset.ready = 'true';
  // When the panel became usable, for the benchmark's "panel open -> ready to type".
  performance.mark('glider:panel-ready');
}

boot().catch((err) => {
  $('status').textContent = t('errorGeneric', err.message);
});
