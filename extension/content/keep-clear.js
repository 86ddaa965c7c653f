// The boxes the panel must never cover: the site's composers, their Post
// controls, what opens a closed composer, and any site dialog that is open
// (the panel steps aside while one is). Read through the adapter, so the
// site's own selectors stay in the adapter file.
import { isVisible, queryAll } from '../adapters/lib/dom.js';

// 2026-11: dialogs as sites mark them (ARIA roles, the <dialog> element, modal flags)
const DIALOGS = '[role="dialog"], [role="alertdialog"], dialog[open], [aria-modal="true"]';
// A "dialog" covering nearly the whole window is an overlay; its composer and
// Post button are protected one by one instead.
const OVERLAY_SHARE = 0.85;

// The site's own control that opens its closed composer: found by the
// adapter (its opener selectors, else its opener label, shadow roots included).
function openers(adapter, doc) {
  try {
    const o = adapter.findOpener?.(doc);
    return o ? [o] : [];
  } catch {
    // A broken opener lookup must not stop the panel from placing itself.
    return [];
  }
}

// 2026-11: the page's reading column, as sites mark it
const MAIN = 'main, [role="main"]';
// A "main" wider than this share of the window is the whole page, not a column to dock beside.
const COLUMN_SHARE = 0.7;

/**
 * Viewport rectangles the panel keeps clear of: `hard` (composers, Post
 * controls, openers, open dialogs) it never covers; `soft` (the page's
 * reading column) it avoids when it can, by floating beside it or docking.
 */
export function protectedBoxes(adapter, doc = document) {
  return { hard: hardBoxes(adapter, doc), soft: columnBoxes(doc) };
}

function columnBoxes(doc) {
  const out = [];
  for (const el of doc.querySelectorAll(MAIN)) {
    if (!isVisible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < COLUMN_SHARE * innerWidth) out.push(r);
  }
  return out;
}

function hardBoxes(adapter, doc) {
  const els = new Set();
  let composers = [];
  try {
    composers = adapter.findComposers(doc);
  } catch {
    composers = [];
  }
  for (const c of composers) {
    els.add(c);
    try {
      const b = adapter.postButton(c);
      if (b) els.add(b);
    } catch {
      // A broken Post-button lookup must not stop the panel from placing itself.
    }
  }
  for (const o of openers(adapter, doc)) els.add(o);
  const area = innerWidth * innerHeight;
  // Shadow roots too: LinkedIn's share dialog lives in #interop-outlet's.
  for (const d of queryAll(doc, DIALOGS)) {
    const r = d.getBoundingClientRect();
    if (r.width * r.height < OVERLAY_SHARE * area) els.add(d);
  }
  return [...els].filter(isVisible).map((el) => el.getBoundingClientRect());
}
