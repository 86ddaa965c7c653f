// Bluesky: TipTap (ProseMirror) composer in the compose dialog. Order from the
// research table: execCommand('insertText') after deleting the selection, then
// a paste with text/html (plain-text paste collapses blank lines in stock
// ProseMirror).
import { ORDERS, defineAdapter, idFromLink } from './lib/index.js';

const SELECTORS = {
  composer: [
    // 2026-11: TipTap root inside the composer dialog
    'div[role="dialog"] .ProseMirror[contenteditable="true"]',
    // 2026-11: any TipTap root on the page (reply composer opened inline)
    '.ProseMirror[contenteditable="true"]',
  ],
  // 2026-11: "Post" / "Reply" / "Post all"
  postButton: ['button[data-testid="composerPublishBtn"]', '[data-testid="composerPublishBtn"]', 'button[aria-label="Publish post"]', 'button[aria-label="Publish reply"]'],
  // 2026-11: feed items and a thread's posts
  post: ['[data-testid^="feedItem-by-"]', '[data-testid^="postThreadItem-by-"]'],
  postText: ['[data-testid="postText"]'],
  opener: [
    // 2026-11: the floating compose button (narrow) and the sidebar "New Post" (wide)
    '[data-testid="composeFAB"]',
    'button[aria-label="Compose new post"]',
    'button[aria-label="New post"]',
  ],
};

export default defineAdapter({
  id: 'bluesky',
  label: 'Bluesky',
  hosts: ['bsky.app', 'main.bsky.dev'],
  composerPaths: /^\/intent\/compose\/?$/,
  testUrls: ['https://bsky.app/', 'https://bsky.app/intent/compose?text=hi', 'https://bsky.app/profile/bsky.app'],
  selectors: SELECTORS,
  order: ORDERS.prosemirror,
  // 2026-11: fallback when the test id changes: aria-label or text
  postLabel: /^(post|reply|post all|publish post|publish reply|publish posts|publish replies)$/i,
  postId: (post) => idFromLink(post, 'a[href*="/post/"]', /\/profile\/([^/]+\/post\/[\w]+)/),
  mount: (composer) => ({ anchor: composer.parentElement ?? composer, where: 'afterend' }),
});
