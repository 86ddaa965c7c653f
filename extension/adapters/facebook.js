// Facebook: Lexical rich-text composer in the "Create post" dialog (and the
// Lexical comment boxes). Order from the research table: one `beforeinput`
// per line with `insertParagraph` between, then a synthetic paste.
import { ORDERS, defineAdapter, postText, readText } from './lib/index.js';

// 2026-11: the Post button's label when no selector matches (English, then the UI languages
// Glider ships); comment boxes submit with a "Comment" button in their form
const POST_LABEL = /^(post|publish|comment|reply|опубликовать|đăng)$/i;

const SELECTORS = {
  composer: [
    // 2026-11: post dialog and comment boxes are Lexical roots
    'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    // 2026-11: a Lexical root in the post dialog even without its role
    '[role="dialog"] [contenteditable="true"][data-lexical-editor="true"]',
    // 2026-11: older Draft-era/other composers still marked as textbox
    'form div[role="textbox"][contenteditable="true"]',
  ],
  postButton: [
    // 2026-11: the dialog's Post button (a div role=button with aria-label)
    'div[role="button"][aria-label="Post"]',
    '[aria-label="Post"][role="button"]',
  ],
  // 2026-11: "What's on your mind?" has no stable attribute: found by its label (openerLabel)
  opener: [],
  // 2026-11: feed units
  post: ['div[role="article"]:not([role="article"] [role="article"])', '[data-pagelet^="FeedUnit"]'],
  // 2026-11: the story text (newest marker first)
  postText: [
    '[data-ad-rendering-role="story_message"]',
    '[data-ad-comet-preview="message"]',
    '[data-ad-preview="message"]',
  ],
};

export default defineAdapter({
  id: 'facebook',
  label: 'Facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  // The composer opens in a dialog from the feed, groups and profiles: no fixed path expects it.
  composerPaths: null,
  testUrls: ['https://www.facebook.com/', 'https://www.facebook.com/groups/123/', 'https://web.facebook.com/'],
  // 2026-11: the feed's "What's on your mind, Name?" (the UI languages Glider ships)
  openerLabel: /^(what[’']s on your mind\b|bạn đang nghĩ gì\b|что у вас нового\b)/i,
  selectors: SELECTORS,
  order: ORDERS.lexical,
  postLabel: POST_LABEL,
  postId: (post) => {
    const a = post.querySelector('a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"]');
    const m = a && /(?:\/posts\/|story_fbid=|\/permalink\/)([\w.-]+)/.exec(a.getAttribute('href') ?? '');
    return m ? m[1] : post.getAttribute('aria-labelledby');
  },
  postTextOf(post) {
    // "See more" is a role=button inside the message: not text.
    const marked = postText(post, SELECTORS.postText, { skip: '[role="button"]' });
    if (marked !== null) return marked;
    // No message marker (markup changed): the dir=auto text blocks outside headings, links and buttons.
    const lines = [...post.querySelectorAll('div[dir="auto"]')]
      .filter((d) => !d.closest('a, h2, h3, h4, [role="button"]') && !d.parentElement.closest('div[dir="auto"]'))
      .map((d) => readText(d, { imgAlt: true }));
    return lines.length ? lines.join('\n') : null;
  },
  mount: (composer) => ({ anchor: composer.parentElement ?? composer, where: 'afterend' }),
});
