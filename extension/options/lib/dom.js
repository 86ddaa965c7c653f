// DOM building without HTML parsing. Every piece of data reaches the page
// through textContent or a property, never parsed as HTML: post texts, imported
// rows and project names may contain markup and must render as text.
import { t } from '../../shared/api.js';

/** Remove every child of `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * `el('button', { testid: 'save', i18n: 'saveDraft', onclick }, ...children)`.
 * Props: testid, text, i18n (key; also sets data-i18n), class, dataset, style
 * (custom properties allowed), on<event> (functions only), value (as the
 * property); everything else is an attribute (`true` = present, `false`/null
 * = absent). String `on*` attributes are
 * refused so no inline handler can ever be built from data.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  let value;
  for (const [key, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (key === 'testid') node.dataset.testid = v;
    else if (key === 'text') node.textContent = String(v);
    else if (key === 'i18n') {
      node.dataset.i18n = v;
      node.textContent = t(v);
    } else if (key === 'class') node.className = v;
    else if (key === 'dataset') for (const [k, d] of Object.entries(v)) node.dataset[k] = String(d);
    else if (key === 'style') for (const [k, s] of Object.entries(v)) node.style.setProperty(k, String(s));
    else if (key.startsWith('on')) {
      if (typeof v === 'function') node.addEventListener(key.slice(2), v);
    } else if (key === 'value') value = v;
    // `true` is a present boolean attribute (disabled, checked, hidden...).
    else node.setAttribute(key, v === true ? '' : String(v));
  }
  append(node, children);
  // After the children: a <select>'s value needs its options first.
  if (value !== undefined) node.value = String(value);
  return node;
}

/** `<option>`s from `[value, label]` pairs. */
export function options(pairs, selected) {
  return pairs.map(([value, label]) => el('option', { value, text: label, selected: String(value) === String(selected) }));
}

/** The element with `data-testid=id` under `root`. */
export function byTestId(id, root = document) {
  return root.querySelector(`[data-testid="${id}"]`);
}

/** A labelled form field: `<label><span>text</span>control</label>`. */
export function field(labelKey, control, extra = {}) {
  return el('label', { class: `field ${extra.class ?? ''}`.trim() }, el('span', { i18n: labelKey }), control);
}

/** True when a key event comes from a place where the user types. */
export function isTyping(event) {
  const target = event.composedPath?.()[0] ?? event.target;
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'range'].includes(target.type);
}
