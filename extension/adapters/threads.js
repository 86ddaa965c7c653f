// Threads: Lexical composer in the "New thread" dialog. Same order as Facebook
// (Meta's Lexical): per-line `beforeinput`, then a synthetic paste.
import { ORDERS, defineAdapter, idFromLink } from './lib/index.js';

const SELECTORS = {
  composer: [
    // 2026-11: dialog composer (one per post of a thread)
    'div[role="dialog"] div[contenteditable="true"][data-lexical-editor="true"]',
    // 2026-11: inline reply / composer on a post page
    'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  ],
  // (2026-11: the Post button is a div role=button whose text is "Post", no test id: found by POST_LABELS)
  // 2026-11: feed items
  post: ['div[data-pressable-container="true"]'],
  postText: null,
};

const POST_LABELS = /^(post|share|reply|публиковать|опубликовать|đăng)$/i;

function postBody(post) {
  // The body is the longest dir=auto span outside links and buttons (name, time and actions are in those).
  let best = null;
  for (const span of post.querySelectorAll('span[dir="auto"]')) {
    if (span.closest('a, [role="button"], button')) continue;
    if (span.parentElement?.closest('span[dir="auto"]')) continue;
    if (!best || span.textContent.length > best.textContent.length) best = span;
  }
  return best;
}

export default defineAdapter({
  id: 'threads',
  label: 'Threads',
  hosts: ['www.threads.net', 'www.threads.com', 'threads.net', 'threads.com'],
  composerPaths: null,
  testUrls: ['https://www.threads.net/', 'https://www.threads.com/', 'https://www.threads.net/@zuck'],
  // 2026-11: the feed's "What's new?" entry (and "Start a thread" on profiles) opens the dialog
  openerLabel: /^(what[’']s new\??|start a thread|có gì mới\??|что нового\??)$/i,
  selectors: SELECTORS,
  order: ORDERS.lexical,
  postLabel: POST_LABELS,
  visiblePosts(root = document) {
    const out = [];
    const seen = new Set();
    for (const post of root.querySelectorAll(SELECTORS.post.join(','))) {
      const body = postBody(post);
      const text = body ? this.read(body).trim() : '';
      const id = idFromLink(post, 'a[href*="/post/"]', /\/post\/([\w-]+)/) ?? `text:${text.slice(0, 64)}`;
      if (!text || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, text });
    }
    return out;
  },
  mount: (composer) => ({ anchor: composer.parentElement ?? composer, where: 'afterend' }),
});
