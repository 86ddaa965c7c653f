// VK: the wall / feed post box is a plain contenteditable (#post_field); comments use the same
// kind of field. Plain contenteditables take execCommand('insertText') with native undo.
import { isVisible, queryAll, queryFirst, readText } from './lib/index.js';
import { closestButton, insertInto, outermost, postText, usable, watchWithGestures } from './generic.js';

const SEL = {
  composer: [
    // 2026-11: wall and feed post box
    '#post_field[contenteditable="true"]',
    '.submit_post_field[contenteditable="true"]',
    // 2025-04: comment/reply fields
    '.reply_field[contenteditable="true"]',
    // 2025-04: redesigned posting box (VKUI)
    '[data-testid="posting_base_screen"] [contenteditable="true"]',
  ],
  // 2026-11: the box that holds a field and its buttons
  container: ['#submit_post_box', '.submit_post_box', '.reply_form', '[data-testid="posting_base_screen"]', 'form'],
  postButton: [
    // 2026-11: "Post"
    '#send_post',
    // 2025-04: comment "Send"
    '.reply_send_button',
    '[data-testid="posting_submit_button"]',
    'button[type="submit"]',
  ],
  posts: [
    // 2026-11: wall / feed posts
    '._post[data-post-id]',
    '.post[data-post-id]',
  ],
  postText: ['.wall_post_text', '[data-testid="post_text"]'],
  // 2026-11: "Show more" link inside long posts
  skip: '.wall_post_more, button',
};

function findComposers(root = document) {
  return queryAll(root, SEL.composer).filter(usable);
}

function postButton(composer) {
  const box = composer.closest(SEL.container.join(','));
  return (box && queryFirst(box, SEL.postButton)) || closestButton(composer, SEL.postButton);
}

function visiblePosts(root = document) {
  return outermost(queryAll(root, SEL.posts), SEL.posts.join(','))
    .filter(isVisible)
    .map((el) => ({ id: el.dataset.postId, text: postText(queryFirst(el, SEL.postText), { skip: SEL.skip }) }));
}

export default {
  id: 'vk',
  label: 'VK',
  matches: (url) => /^(m\.)?vk\.(com|ru)$/.test(url.hostname),
  // The news feed always offers "What's new?"; walls only when they are yours.
  expectsComposer: (url) => url.pathname === '/feed',
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton,
  visiblePosts,
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts: () => visiblePosts(document) });
  },
  mountPoint: (composer) => ({ anchor: composer, where: 'afterend' }),
};
