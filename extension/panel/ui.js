// Shared panel state and small helpers, imported by every panel module.
import { api, localize, t } from '../shared/api.js';
import { DraftEditor } from './editor.js';
import { sendToTab } from '../shared/tabs.js';

export const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const params = new URLSearchParams(location.hash.slice(1));

export const state = {
  network: params.get('network') || 'generic',
  tabId: null,
  core: null,
  ready: false,
  projects: [],
  projectId: null,
  networkLabels: {},
  post: null, // the stored post the panel holds, or null for a new draft
  count: null,
  uniq: null,
  pagePosts: [],
  side: params.get('side') === 'left' ? 'left' : 'right',
  instanceLimit: null, // a Mastodon instance's character limit, when the page stated it
};

export function toContent(msg) {
  if (state.tabId === null) return Promise.resolve(null);
  return sendToTab(state.tabId, msg).catch(() => null);
}

export const networkLabel = (id) => state.networkLabels[id] ?? id;

/** The selected project's account on `network` (label, X Premium…), or null. */
export function projectAccount(network = state.network) {
  const project = state.projects.find((p) => p.id === state.projectId);
  return project?.networks?.find((a) => a.network === network) ?? null;
}

/**
 * Counting options for the current network: a Mastodon instance's own limit, as the page reported it
 * (content.ready / adapter.status); X Premium when the selected project's X account has it.
 */
export function countOptions() {
  if (state.network === 'mastodon' && state.instanceLimit) return { instanceLimit: state.instanceLimit };
  if (state.network === 'x' && projectAccount('x')?.premium) return { xPremium: true };
  return null;
}

/** "Thu, 4 Dec, 09:00" in the browser's language and zone. */
export function fmt(ms) {
  return new Date(ms).toLocaleString(api.i18n.getUILanguage?.() || undefined, {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });
}

/** "Thu 9:00 AM" within the coming week, else "Dec 12, 9:00 AM": short enough for the post header. */
export function fmtShort(ms) {
  const soon = ms > Date.now() - 86400000 && ms < Date.now() + 6 * 86400000;
  return new Date(ms).toLocaleString(api.i18n.getUILanguage?.() || undefined, soon
    ? { weekday: 'short', hour: 'numeric', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** The text of the held post for the current network (its variant, else the base text). */
export function storedText(post = state.post) {
  if (!post) return '';
  return post.variants?.[state.network] ?? post.text ?? '';
}

function button(label, { primary = false, testid, onClick }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (primary) b.className = 'primary';
  if (testid) b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

// --- toasts: one at a time, in a strip reserved at the bottom (no layout jump) ---

let toastTimer = 0;
/**
 * Tell the user what just happened. `action` = { label, run, testid } adds a
 * button (Undo, Copy, Insert part 1…); `kind` is 'ok' | 'warn' | 'error'.
 * A toast with an action stays longer; errors stay until dismissed.
 */
export function toast(text, { kind = 'ok', action = null } = {}) {
  const el = $('toast');
  clearTimeout(toastTimer);
  $('toast-text').textContent = text;
  el.dataset.kind = kind;
  const slot = $('toast-action');
  slot.replaceChildren();
  if (action) {
    slot.append(button(action.label, {
      testid: action.testid ?? 'toast-action-button',
      onClick: async () => {
        hideToast();
        await action.run();
      },
    }));
  }
  el.hidden = false;
  if (kind !== 'error') toastTimer = setTimeout(hideToast, action ? 10000 : 5000);
}

export function hideToast() {
  clearTimeout(toastTimer);
  $('toast').hidden = true;
}

// --- ask: a choice sheet over the lower part of the panel (no layout jump) ---

let closeAsk = null;
/**
 * Ask the user to choose. `choices` = [{ id, label, primary? }]; resolves with
 * the chosen id, or null on Cancel / Escape. `lines` are extra lines (e.g.
 * the rules a time breaks) shown as a list.
 */
export function ask(text, choices, { lines = [], testid = 'ask' } = {}) {
  closeAsk?.(null);
  hideToast();
  const box = $('ask');
  box.dataset.for = testid;
  $('ask-text').textContent = text;
  $('ask-lines').replaceChildren(...lines.map((l) => {
    const li = document.createElement('li');
    if (typeof l === 'string') li.textContent = l;
    else {
      li.textContent = l.text;
      if (l.kind) li.dataset.kind = l.kind;
    }
    return li;
  }));
  return new Promise((resolve) => {
    const done = (answer) => {
      closeAsk = null;
      box.hidden = true;
      resolve(answer);
    };
    closeAsk = done;
    const buttons = choices.map((c) => button(c.label, { primary: c.primary, testid: `ask-${c.id}`, onClick: () => done(c.id) }));
    buttons.push(button(t('cancel'), { testid: 'ask-cancel', onClick: () => done(null) }));
    $('ask-buttons').replaceChildren(...buttons);
    box.hidden = false;
    buttons[0].focus();
  });
}

/** Close an open choice sheet as Cancel; true if one was open (Escape closes it before the panel). */
export function cancelAsk() {
  if (!closeAsk) return false;
  closeAsk(null);
  return true;
}

document.documentElement.lang = api.i18n.getUILanguage?.() || 'en';
localize();
export const editorRef = new DraftEditor($('draft-input'), $('draft-mirror'));
