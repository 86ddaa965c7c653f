// Generic adapter: any page, when the user invokes Glider there (toolbar / shortcut via
// activeTab). Never picked automatically. It also exports the helpers the other adapters of
// this group share (shadow-piercing queries, editor detection, post text).
import { ORDERS, insertText, isTextField, isVisible, listen, observe, queryFirst, readText, watchComposer } from './lib/index.js';

const SEL = {
  // 2026-11: any editable text: textareas, contenteditable roots (not their inner nodes)
  editable: ['textarea:not([readonly]):not([disabled])', '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]'],
  // 2026-11: the form's submit button, else a nearby button
  postButton: ['button[type="submit"]', 'input[type="submit"]', 'button:not([type])', 'button'],
  // 2026-11: generic timelines
  posts: ['article', '[role="article"]'],
};

/** querySelectorAll that also searches every open shadow root below `root`, in tree order. */
export function deepQueryAll(root, selector) {
  const out = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc = document) {
  let el = doc.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The outermost contenteditable element containing `el` (editors nest editable islands). */
export function editableRoot(el) {
  if (!el || isTextField(el)) return el;
  let root = el.isContentEditable ? el : null;
  for (let n = el.parentElement; n && n.isContentEditable; n = n.parentElement) root = n;
  return root;
}

/** Candidates that are editable, visible and not an editor's hidden helper (Quill clipboard, mirrors). */
export function usable(el) {
  if (!el || !isVisible(el)) return false;
  if (el.closest('[aria-hidden="true"], .ql-clipboard, .input-field-input-fake')) return false;
  if (isTextField(el)) return !el.readOnly && !el.disabled;
  return el.isContentEditable && editableRoot(el) === el;
}

/**
 * Insertion order for the editor framework behind `el`, recognised from its DOM, so that an
 * adapter keeps working when a site switches editors (measured orders: lib ORDERS).
 */
export function strategiesFor(el) {
  if (isTextField(el)) return ORDERS.textarea;
  if (el.matches('[data-lexical-editor="true"]')) return ORDERS.lexical;
  if (el.matches('.ProseMirror, .tiptap')) return ORDERS.prosemirror;
  if (el.matches('.ql-editor')) return ORDERS.quill;
  if (el.matches('.public-DraftEditor-content, [data-contents]') || el.querySelector('[data-contents="true"]')) return ORDERS.draft;
  return ORDERS.contenteditable;
}

/** Verified insertion with the order that fits the editor; `{ ok, technique, text }`. */
export async function insertInto(el, text, { replace = true } = {}) {
  const r = await insertText(el, text, { replace, strategies: strategiesFor(el) });
  return { ok: r.ok, technique: r.technique, text: r.text, tried: r.tried };
}

/**
 * A rendered post's text: paragraphs (<p>) separated by a blank line as the site typed them,
 * <br> as a line break, emoji images by their alt text.
 */
export function postText(el, { skip } = {}) {
  if (!el) return '';
  const paras = [...el.children].filter((c) => c.tagName === 'P');
  if (paras.length > 1) return paras.map((p) => readText(p, { imgAlt: true, skip })).join('\n\n');
  return readText(el, { imgAlt: true, skip });
}

/** The parent element, stepping out of a shadow root to its host. */
function parentOf(el) {
  return el.parentElement ?? el.getRootNode()?.host ?? null;
}

/**
 * The Post button for `composer`: in the nearest ancestor (up to `depth`, crossing shadow roots)
 * that holds one matching `selectors`; a fallback when a site's container classes change.
 */
export function closestButton(composer, selectors, depth = 6) {
  for (let n = parentOf(composer), i = 0; n && i < depth; n = parentOf(n), i += 1) {
    const b = queryFirst(n, selectors) ?? (n.shadowRoot ? queryFirst(n.shadowRoot, selectors) : null);
    if (b) return b;
  }
  return null;
}

/** Elements matching `selector` that are not inside another match (cards nest cards). */
export function outermost(list, selector) {
  return list.filter((el) => !el.parentElement?.closest(selector));
}

/**
 * After a send gesture the lib's watcher cannot see (a key other than Ctrl+Enter, a button in a
 * shadow root), report `text` as published once the composer empties or leaves the page.
 */
export function awaitClear(composer, text, { signal, read = readText, onPublished, timeout = 10000 }) {
  const done = new AbortController();
  signal?.addEventListener('abort', () => done.abort(), { once: true, signal: done.signal });
  const timer = setTimeout(() => done.abort(), timeout);
  const check = () => {
    if (done.signal.aborted) return;
    if (composer.isConnected && read(composer).trim() !== '') return;
    clearTimeout(timer);
    done.abort();
    onPublished?.(text);
  };
  observe(composer, { signal: done.signal, onMutation: check });
  // A removed composer (closed dialog) mutates its ancestors, not itself.
  observe(composer.ownerDocument.documentElement, { signal: done.signal, options: { childList: true, subtree: true }, onMutation: check });
  setTimeout(check, 0);
}

/** Ctrl/Cmd+Enter: the send shortcut of most composers. */
export const ctrlEnter = (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing;

/**
 * `watch` for this group's adapters: the lib's watchComposer (edits; publication after a Post
 * click or Ctrl+Enter, seen through the composer clearing or the post appearing), plus what
 * it cannot see: a Post button inside a shadow root (clicks are matched through composedPath),
 * a site-specific send key (Telegram's plain Enter), and a composer cleared only inside a
 * shadow root. Every path reports through one de-duplicating callback.
 */
export function watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts, sendKey = ctrlEnter }) {
  let last = { text: null, at: 0 };
  const report = (text) => {
    const now = Date.now();
    if (text === last.text && now - last.at < 3000) return;
    last = { text, at: now };
    onPublished?.(text);
  };
  watchComposer(composer, { signal, read: readText, postButton, visiblePosts, onChange, onPublished: report });
  const armed = () => {
    const text = readText(composer);
    if (text.trim()) awaitClear(composer, text, { signal, onPublished: report });
  };
  listen(composer.ownerDocument, 'click', (e) => {
    const btn = postButton(composer);
    if (!btn || !e.composedPath().includes(btn)) return;
    if (btn.disabled || btn.getAttribute('aria-disabled') === 'true') return;
    armed();
  }, { signal, capture: true });
  listen(composer, 'keydown', (e) => {
    if (sendKey(e)) armed();
  }, { signal, capture: true });
}

function nearestButton(composer) {
  const form = composer.closest('form');
  if (form) {
    for (const sel of SEL.postButton) {
      const b = form.querySelector(sel);
      if (b) return b;
    }
  }
  // No form: the first button after the composer within a few ancestors.
  for (let n = composer.parentElement, depth = 0; n && depth < 4; n = n.parentElement, depth += 1) {
    const b = [...n.querySelectorAll('button')].find(
      (x) => composer.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (b) return b;
  }
  return null;
}

function findComposers(root = document) {
  const doc = root.ownerDocument ?? root;
  const focused = editableRoot(deepActiveElement(doc));
  const all = [];
  for (const sel of SEL.editable) all.push(...deepQueryAll(root, sel));
  const list = [...new Set(all.map(editableRoot))].filter(usable);
  // The focused box first: the user invoked Glider while writing in it.
  if (focused && usable(focused)) return [focused, ...list.filter((x) => x !== focused)];
  return list;
}

export default {
  id: 'generic',
  label: 'Any page',
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  expectsComposer: () => false,
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton: (composer) => nearestButton(composer),
  visiblePosts(root = document) {
    const seen = new Set();
    const out = [];
    for (const sel of SEL.posts) {
      for (const el of root.querySelectorAll(sel)) {
        if (seen.has(el) || !isVisible(el)) continue;
        seen.add(el);
        out.push({ id: el.id || el.dataset.id || `article-${out.length}`, text: postText(el) });
      }
    }
    return out;
  },
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton: nearestButton });
  },
  mountPoint: (composer) => ({ anchor: composer, where: 'afterend' }),
};
