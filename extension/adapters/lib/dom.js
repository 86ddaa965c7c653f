// DOM helpers for adapters: selector lists (newest variant first), visibility, and queries
// that also search OPEN shadow roots. Sites render composers inside web components (Reddit's
// shreddit-composer, LinkedIn's #interop-outlet share box): a document-level querySelector
// never enters a shadow root, so every adapter query goes through queryAll/queryFirst here.
// Closed shadow roots stay closed: they are unreachable by design (our own launcher uses one).
import { isTextField } from './text.js';

/** Rendered and not hidden: a composer kept in the DOM but display:none is not a composer. */
export function isVisible(el) {
  if (!el || !el.isConnected) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

/** The parent element, stepping out of a shadow root to its host. */
export function parentOf(el) {
  return el.parentElement ?? el.parentNode?.host ?? null;
}

/** Does `outer` contain `inner`, also when `inner` is inside shadow roots below `outer`? */
export function composedContains(outer, inner) {
  for (let n = inner; n; n = n.parentNode ?? n.host ?? null) if (n === outer) return true;
  return false;
}

/**
 * Every open shadow root at or below `root` (itself included when it is one), outermost first.
 * Walks elements only; cheap enough for a rescan per frame on a feed of a few thousand nodes.
 */
export function shadowRoots(root) {
  const out = [];
  const visit = (scope) => {
    const walker = (scope.ownerDocument ?? scope).createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.shadowRoot) {
        out.push(n.shadowRoot);
        visit(n.shadowRoot);
      }
    }
  };
  visit(root);
  return out;
}

/** The chain [node, its shadow host, that host's host, …]: one representative per tree. */
function hostChain(node) {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.push(root.host);
  return chain.reverse(); // outermost tree first
}

/**
 * Composed tree order of two nodes that may live in different shadow trees: a host comes before
 * the content of its shadow root, which comes before the host's following siblings.
 */
export function composedOrder(a, b) {
  if (a === b) return 0;
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i += 1) {
    if (ca[i] === cb[i]) continue;
    const pos = ca[i].compareDocumentPosition(cb[i]);
    if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return ca.length - cb.length; // one is the other's host
}

const list = (selectors) => (Array.isArray(selectors) ? selectors : [selectors]);

/**
 * Elements matching any selector of the list, de-duplicated, in composed tree order, searching
 * `root` and every open shadow root below it (`deep: false`: `root` only).
 */
export function queryAll(root, selectors, { deep = true } = {}) {
  const sels = list(selectors).filter(Boolean);
  if (!sels.length || !root) return [];
  const scopes = deep ? [root, ...shadowRoots(root)] : [root];
  const found = new Set();
  for (const scope of scopes) for (const sel of sels) for (const el of scope.querySelectorAll(sel)) found.add(el);
  return [...found].sort(composedOrder);
}

/** First match of the first selector (newest variant) that matches anything, open shadow roots included. */
export function queryFirst(root, selectors, { deep = true } = {}) {
  if (!root) return null;
  let inner = null; // open shadow roots below `root`, found once and only when needed
  for (const sel of list(selectors).filter(Boolean)) {
    const direct = root.querySelector(sel);
    if (direct) return direct;
    if (!deep) continue;
    inner ??= shadowRoots(root);
    for (const scope of inner) {
      const el = scope.querySelector(sel);
      if (el) return el;
    }
  }
  return null;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc = document) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The outermost contenteditable element containing `el` (editors nest editable islands). */
export function editableRoot(el) {
  if (!el || isTextField(el)) return el;
  let root = el.isContentEditable ? el : null;
  for (let n = el.parentElement; n && n.isContentEditable; n = n.parentElement) root = n;
  return root;
}

/** Candidates that are editable, visible and not an editor's hidden helper (Quill 1 clipboard, tweb's measuring twin). */
export function usable(el) {
  if (!el || !isVisible(el)) return false;
  if (el.closest('[aria-hidden="true"], .ql-clipboard, .input-field-input-fake')) return false;
  if (isTextField(el)) return !el.readOnly && !el.disabled;
  return el.isContentEditable && editableRoot(el) === el;
}

/** Elements of `els` that are not inside another element of `els` (cards nest cards). */
export function outermost(els) {
  return els.filter((el) => !els.some((o) => o !== el && composedContains(o, el)));
}

/**
 * The element matching `selectors` that is nearest to `el`: the first match inside the closest
 * ancestor that contains one (the composer's own form or dialog before the page's other
 * composers). The walk crosses shadow roots, up to `stop`.
 */
export function nearest(el, selectors, { stop = null } = {}) {
  for (let a = parentOf(el); a && a !== stop; a = parentOf(a)) {
    const hit = queryFirst(a, selectors, { deep: false }) ?? (a.shadowRoot ? queryFirst(a.shadowRoot, selectors, { deep: false }) : null);
    if (hit) return hit;
  }
  return null;
}

/** The accessible name a button shows: aria-label, value, else its text. */
export function labelOf(b) {
  return ((b.getAttribute('aria-label') ?? b.value ?? '').trim() || b.textContent.trim()).replace(/\s+/g, ' ');
}

/**
 * A button (button, [role=button], input[type=submit]) under `scope` whose accessible name
 * matches `label`: for sites whose controls have no stable attribute. Last match wins: the
 * submit button ends a form or dialog.
 */
export function buttonByLabel(scope, label, { deep = false } = {}) {
  let hit = null;
  for (const b of queryAll(scope, ['button', '[role="button"]', 'input[type="submit"]'], { deep })) {
    if (label.test(labelOf(b))) hit = b;
  }
  return hit;
}

/**
 * The Post button of a composer: walking up from the composer (across shadow roots), the first
 * ancestor holding a button that matches `selectors` (newest first) or, failing those, whose
 * label matches `label`. The walk stops at the composer's dialog: a dialog's composer never
 * gets the page's buttons behind it.
 */
export function nearestButton(composer, selectors = [], label = null) {
  const boundary = composer.closest('[role="dialog"], dialog');
  for (let a = parentOf(composer); a; a = parentOf(a)) {
    const scopes = a.shadowRoot ? [a, a.shadowRoot] : [a];
    for (const scope of scopes) {
      const hit = (selectors.length ? queryFirst(scope, selectors, { deep: false }) : null) ?? (label ? buttonByLabel(scope, label) : null);
      if (hit) return hit;
    }
    if (a === boundary) break;
  }
  return null;
}
