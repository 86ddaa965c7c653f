// VK: the classic wall / feed post box is a plain contenteditable (#post_field) that is always
// there; the redesigned feed (VKUI) shows a "What's new?" entry that opens a posting box with
// its own contenteditable. Comments use the same kind of field. Plain contenteditables take
// execCommand('insertText') with native undo (lib/editors.js picks it).
import { defineAdapter, nearestButton, queryFirst } from './lib/index.js';

const SELECTORS = {
  composer: [
    // 2026-11: classic wall and feed post box
    '#post_field[contenteditable="true"]',
    '.submit_post_field[contenteditable="true"]',
    // 2025-04: redesigned posting box (VKUI), opened from the feed's "What's new?" entry
    '[data-testid="posting_base_screen"] [contenteditable="true"]',
    // 2025-04: comment/reply fields
    '.reply_field[contenteditable="true"]',
  ],
  // 2026-11: the box that holds a field and its buttons
  container: ['#submit_post_box', '.submit_post_box', '[data-testid="posting_base_screen"]', '.reply_form', 'form'],
  postButton: [
    // 2026-11: classic "Post"
    '#send_post',
    // 2025-04: VKUI posting box "Post"
    '[data-testid="posting_submit_button"]',
    // 2025-04: comment "Send"
    '.reply_send_button',
    'button[type="submit"]',
  ],
  opener: [
    // 2025-04: the feed's collapsed "What's new?" entry of the VKUI posting box
    '[data-testid="posting_create_post_button"]',
  ],
  post: [
    // 2026-11: wall / feed posts
    '._post[data-post-id]',
    '.post[data-post-id]',
  ],
  postText: ['.wall_post_text', '[data-testid="post_text"]'],
  // 2026-11: "Show more" link inside long posts
  skip: '.wall_post_more, button',
};

export default defineAdapter({
  id: 'vk',
  label: 'VK',
  hosts: ['vk.com', 'vk.ru', 'm.vk.com', 'm.vk.ru'],
  // The classic news feed always offers "What's new?"; walls only when they are yours.
  composerPaths: /^\/feed\/?$/,
  testUrls: ['https://vk.com/feed', 'https://vk.com/id1', 'https://vk.ru/feed'],
  selectors: SELECTORS,
  // 2025-04: the posting entry by its label when the test id changes (UI languages Glider ships)
  openerLabel: /^(what[’']s new\?|что у вас нового\?|có gì mới\?)$/i,
  postButton(composer) {
    const box = composer.closest(SELECTORS.container.join(','));
    return (box && queryFirst(box, SELECTORS.postButton, { deep: false })) || nearestButton(composer, SELECTORS.postButton);
  },
  postId: (post) => post.dataset.postId || null,
  mount: (composer) => ({ anchor: composer, where: 'afterend' }),
});
