// DOM helpers for adapters: selector lists (newest variant first) and visibility.

/** Rendered and not hidden: a composer kept in the DOM but display:none is not a composer. */
export function isVisible(el) {
  if (!el || !el.isConnected) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

/** Elements matching any selector of the list, de-duplicated, in document order. */
export function queryAll(root, selectors) {
  const list = Array.isArray(selectors) ? selectors : [selectors];
  const found = new Set();
  for (const sel of list) for (const el of root.querySelectorAll(sel)) found.add(el);
  return [...found].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** First match of the first selector (newest variant) that matches anything. */
export function queryFirst(root, selectors) {
  for (const sel of Array.isArray(selectors) ? selectors : [selectors]) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/**
 * The element matching `selectors` that is nearest to `el`: the first match
 * inside the closest ancestor that contains one (the composer's own form or
 * dialog before the page's other composers).
 */
export function nearest(el, selectors, { stop = null } = {}) {
  for (let a = el.parentElement; a && a !== stop; a = a.parentElement) {
    const hit = queryFirst(a, selectors);
    if (hit) return hit;
  }
  return null;
}

/**
 * A button (button, [role=button], input[type=submit]) under `scope` whose
 * aria-label or own text matches `label`: for sites whose Post button has no
 * stable attribute. Last match wins: the submit button ends a form or dialog.
 */
export function buttonByLabel(scope, label) {
  let hit = null;
  for (const b of scope.querySelectorAll('button, [role="button"], input[type="submit"]')) {
    const name = (b.getAttribute('aria-label') ?? b.value ?? '').trim() || b.textContent.trim();
    if (label.test(name)) hit = b;
  }
  return hit;
}

/**
 * The Post button of a composer: walking up from the composer, the first
 * ancestor holding a button that matches `selectors` (newest first) or, failing
 * those, whose label matches `label`. The walk stops at the composer's dialog:
 * a dialog's composer never gets the page's buttons behind it.
 */
export function nearestButton(composer, selectors = [], label = null) {
  const boundary = composer.closest('[role="dialog"], dialog');
  for (let a = composer.parentElement; a; a = a.parentElement) {
    const hit = (selectors.length ? queryFirst(a, selectors) : null) ?? (label ? buttonByLabel(a, label) : null);
    if (hit) return hit;
    if (a === boundary) break;
  }
  return null;
}
