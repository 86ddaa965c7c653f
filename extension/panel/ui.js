// Shared panel state and small helpers, imported by every panel module.
import { localize } from '../shared/api.js';
import { DraftEditor } from './editor.js';
import { sendToTab } from '../shared/tabs.js';

export const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const params = new URLSearchParams(location.hash.slice(1));

export const state = {
  network: params.get('network') || 'generic',
  tabId: null,
  core: null,
  projects: [],
  projectId: null,
  post: null, // the stored draft being edited, or null for a new one
  count: null,
  uniq: null,
  pagePosts: [],
  side: params.get('side') === 'left' ? 'left' : 'right',
};

export function toast(text, isError = false) {
  const el = $('toast');
  el.textContent = text;
  el.classList.toggle('error', isError);
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 5000);
}

export function toContent(msg) {
  if (state.tabId === null) return Promise.resolve(null);
  return sendToTab(state.tabId, msg).catch(() => null);
}


localize();
export const editorRef = new DraftEditor($('draft-input'), $('draft-mirror'));
