// Generic adapter: any page, when the user invokes Glider there (toolbar / shortcut via
// activeTab). Never picked automatically. Every editable text box counts (open shadow roots
// included), the focused one first; the insertion order follows the editor found.
import { composedOrder, deepActiveElement, defineAdapter, editableRoot, isVisible, queryAll, readPost, usable } from './lib/index.js';

const SELECTORS = {
  // 2026-11: any editable text: textareas, contenteditable roots (not their inner nodes)
  composer: ['textarea:not([readonly]):not([disabled])', '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'],
  // 2026-11: the form's submit button, else a nearby button
  postButton: ['button[type="submit"]', 'input[type="submit"]', 'button:not([type])', 'button'],
  // 2026-11: generic timelines
  post: ['article', '[role="article"]'],
};

function postButton(composer) {
  const form = composer.closest('form');
  if (form) {
    for (const sel of SELECTORS.postButton) {
      const b = form.querySelector(sel);
      if (b) return b;
    }
  }
  // No form: the first button after the composer within a few ancestors.
  for (let n = composer.parentElement, depth = 0; n && depth < 4; n = n.parentElement, depth += 1) {
    const b = [...n.querySelectorAll('button')].find((x) => composedOrder(composer, x) < 0);
    if (b) return b;
  }
  return null;
}

export default defineAdapter({
  id: 'generic',
  label: 'Any page',
  testUrls: ['https://example.org/', 'http://forum.example.net/t/1/reply'],
  selectors: SELECTORS,
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  expectsComposer: () => false,
  findComposers(root = document) {
    const doc = root.ownerDocument ?? root;
    const focused = editableRoot(deepActiveElement(doc));
    const list = [...new Set(queryAll(root, SELECTORS.composer).map(editableRoot))].filter(usable);
    // The focused box first: the user invoked Glider while writing in it.
    if (focused && usable(focused)) return [focused, ...list.filter((x) => x !== focused)];
    return list;
  },
  postButton,
  visiblePosts(root = document) {
    const out = [];
    for (const el of queryAll(root, SELECTORS.post)) {
      if (!isVisible(el)) continue;
      out.push({ id: el.id || el.dataset.id || `article-${out.length}`, text: readPost(el) });
    }
    return out;
  },
});
