// LinkedIn: the share box ("Start a post") is a dialog that exists only after the opener is
// clicked. The current web app renders it inside the OPEN shadow root of #interop-outlet with
// Quill 1.3 (lib queries search open shadow roots); the older layout has it in the light DOM
// (#artdeco-modal-outlet), with Quill 2 on some surfaces and TipTap in experiments. The
// insertion order follows the editor found (lib/editors.js): Quill 1 takes native editing only.
import { defineAdapter } from './lib/index.js';

const SELECTORS = {
  composer: [
    // 2026-11: share box in #interop-outlet's shadow root (Quill 1.3), also in the light-DOM modal
    '.share-creation-state .ql-editor[data-test-ql-editor-contenteditable="true"]',
    '.share-creation-state .ql-editor[contenteditable="true"]',
    '[role="dialog"] .ql-editor[contenteditable="true"]',
    // 2025-10: comment and reply boxes (Quill)
    '.comments-comment-box .ql-editor[contenteditable="true"]',
    '.comments-comment-texteditor .ql-editor[contenteditable="true"]',
    // 2025-10: TipTap editor on newer surfaces (comments, "Start a post" experiments)
    '.share-creation-state .ProseMirror[contenteditable="true"]',
    '[data-view-name="comment-box"] .ProseMirror[contenteditable="true"]',
    // 2024-06: any Quill editor on the page
    '.ql-editor[contenteditable="true"]',
  ],
  postButton: [
    // 2026-11: share box "Post" (same shadow root as the editor)
    'button.share-actions__primary-action',
    // 2025-10: comment "Comment"/"Reply"
    'button.comments-comment-box__submit-button--cr',
    'button.comments-comment-box__submit-button',
    'button[type="submit"]',
  ],
  opener: [
    // 2026-11: "Start a post" at the top of the feed
    'button.share-box-feed-entry__trigger',
    // 2025-06: the same entry point in the redesigned top bar
    '.share-box-feed-entry__top-bar button.artdeco-button',
  ],
  post: [
    // 2026-11: feed update cards
    '.feed-shared-update-v2[data-urn]',
    'div[data-urn^="urn:li:activity:"]',
    // 2024-06
    'div[data-id^="urn:li:activity:"]',
  ],
  postText: [
    // 2026-11: commentary text (inner span keeps the <br>s)
    '.update-components-text span[dir="ltr"]',
    '.feed-shared-update-v2__description',
    // 2024-06
    '.feed-shared-text',
  ],
  // 2026-11: "…see more" toggles inside the commentary
  skip: '.feed-shared-inline-show-more-text__see-more-less-toggle, button',
};

export default defineAdapter({
  id: 'linkedin',
  label: 'LinkedIn',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  // Messaging has its own composer that is not for posts.
  paths: /^\/(?!messaging)/,
  // The share box is a dialog that opens on demand: no page guarantees a composer.
  composerPaths: null,
  testUrls: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/feed/?shareActive=true',
    'https://www.linkedin.com/in/someone/recent-activity/all/',
  ],
  selectors: SELECTORS,
  // 2026-11: the opener when its classes change: the button's own label
  openerLabel: /^(start a post|tạo bài viết|создать публикацию)/i,
  postId: (post) => post.dataset.urn || post.dataset.id || null,
  // Above the editor, inside the dialog: the modal traps focus, so the launcher stays in it.
  mount: (composer) => ({ anchor: composer.closest('.editor-container, .ql-container') ?? composer, where: 'beforebegin' }),
});
