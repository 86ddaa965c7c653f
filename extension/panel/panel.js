// The panel: an extension page inside an iframe on the network's page.
// It talks to its tab's content script with tabs.sendMessage, listens to the
// content script's broadcasts (keeping only its own tab's), and asks the
// worker for everything stored. WASM runs here for the live counter.
import { api, t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { checkMessage, senderKind } from '../shared/messages.js';
import { call } from '../shared/rpc.js';
import { currentTabId, listenToOwnTab } from '../shared/tabs.js';
import { mergeRanges } from './editor.js';
import { renderUniqueness, renderThread } from './meters.js';
import { wireActions } from './actions.js';
import { $, state, toContent, editorRef as editor } from './ui.js';

/** The text of the draft as stored: the base text, or the network's variant when editing one. */
export function currentDraft() {
  const text = editor.value;
  const base = state.post ?? { text: '', variants: {} };
  if ($('variant-toggle').checked) return { text: base.text || text, variants: { ...base.variants, [state.network]: text } };
  return { text, variants: { ...(base.variants ?? {}) } };
}

function renderCount() {
  const el = $('counter');
  const text = editor.value;
  try {
    // A Mastodon instance's own limit, as the page reported it (content.ready / adapter.status).
    const options = state.network === 'mastodon' && state.instanceLimit ? { instanceLimit: state.instanceLimit } : null;
    const r = state.core.countText(text, state.network, options);
    state.count = r;
    el.textContent = r.limit ? t('counterOf', r.count, r.limit) : String(r.count);
    el.classList.toggle('over', r.over);
    el.dataset.count = String(r.count);
    el.dataset.over = String(r.over);
    el.title = r.over ? t('counterOver', r.count - r.limit) : '';
    renderThread(state.core, text, state.network, r.over, options);
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
      state.uniq = await renderUniqueness(text, state.post?.id, state.pagePosts);
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
    const typing = editor.focused();
    await toContent({ type: 'composer.insert', text: editor.value, replace: true });
    // Inserting focuses the site's composer: keep the keyboard in the panel,
    // or the user's next keystrokes would go to the page (where any script can read them).
    if (typing && !editor.focused()) editor.textarea.focus();
  }, 700);
}

export function refresh({ fromUser = false } = {}) {
  renderCount();
  scheduleUniqueness();
  if (fromUser && state.composerFound) schedulePageSync();
}

export function loadPost(post) {
  state.post = post;
  $('draft-id').textContent = post ? post.id.slice(0, 8) : '';
  const variant = post?.variants?.[state.network];
  $('variant-toggle').checked = variant !== undefined;
  editor.value = variant ?? post?.text ?? '';
  refresh();
}

function setStatus(found, needsUpdate) {
  state.composerFound = found;
  const el = $('status');
  el.classList.toggle('warn', !!needsUpdate);
  el.dataset.state = needsUpdate ? 'needs-update' : found ? 'found' : 'missing';
  el.textContent = needsUpdate ? t('adapterNeedsUpdate', state.network) : found ? t('composerFound') : t('composerMissing');
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

$('draft-input').addEventListener('input', () => refresh({ fromUser: true }));
$('network-select').addEventListener('change', (e) => {
  state.network = e.target.value;
  loadPost(state.post);
});
$('project-select').addEventListener('change', (e) => (state.projectId = e.target.value));
$('variant-toggle').addEventListener('change', () => refresh());
$('collapse').addEventListener('click', () => toContent({ type: 'panel.toggle', open: false }));
$('switch-side').addEventListener('click', async () => {
  const res = await toContent({ type: 'panel.side', side: state.side === 'left' ? 'right' : 'left' });
  if (res?.ok) state.side = res.side;
});

const extensionOrigin = api.runtime.getURL('');
listenToOwnTab((msg, sender) => {
  const check = checkMessage(msg, senderKind(sender, api.runtime.id, extensionOrigin), ['composer.changed', 'content.ready']);
  if (!check.ok || sender.tab?.id !== state.tabId) return false;
  if (msg.type === 'composer.changed' && !editor.focused() && msg.text !== editor.value) {
    editor.value = msg.text;
    refresh();
  }
  if (msg.type === 'content.ready') {
    setStatus(msg.composers > 0, msg.needsUpdate);
    if (msg.limits?.maxCharacters && msg.limits.maxCharacters !== state.instanceLimit) {
      state.instanceLimit = msg.limits.maxCharacters;
      refresh();
    }
  }
  return false;
});

async function loadPagePosts() {
  const res = await toContent({ type: 'page.posts' });
  state.pagePosts = res?.ok ? res.posts.map((p) => p.text).filter(Boolean).slice(0, 200) : [];
}

async function boot() {
  const [core, tabId] = await Promise.all([loadCore(), currentTabId()]);
  state.core = core;
  state.tabId = tabId;
  $('core-version').textContent = t('coreVersion', core.coreVersion());
  fillSelect($('network-select'), core.networkRules(), state.network);
  const [res, app] = await Promise.all([toContent({ type: 'composer.read' }), call('state.get').catch(() => null)]);
  state.projects = app?.projects ?? [];
  state.projectId = app?.settings?.defaultProjectId ?? state.projects[0]?.id ?? null;
  fillSelect($('project-select'), state.projects.map((p) => ({ id: p.id, label: p.name })), state.projectId);
  if (res?.ok) {
    state.network = res.network || state.network;
    $('network-select').value = state.network;
    editor.value = res.text;
    setStatus(res.found, false);
  }
  const page = await toContent({ type: 'adapter.status' });
  if (page?.limits?.maxCharacters) state.instanceLimit = page.limits.maxCharacters;
  wireActions({ currentDraft, loadPost });
  await loadPagePosts();
  refresh();
  document.body.dataset.ready = 'true';
}

boot().catch((err) => {
  $('status').textContent = t('errorGeneric', err.message);
});
