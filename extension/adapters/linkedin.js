// LinkedIn: the share box ("Start a post") is a Quill editor in a modal dialog; comment boxes
// use Quill too, newer surfaces a TipTap/ProseMirror editor. The insertion order follows the
// editor actually found (strategiesFor), so a switch of editor does not break insertion.
import { isVisible, queryAll, queryFirst, readText } from './lib/index.js';
import { closestButton, insertInto, outermost, postText, usable, watchWithGestures } from './generic.js';

const SEL = {
  composer: [
    // 2026-11: share box modal, Quill 2: .ql-editor[contenteditable][role=textbox]
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
  // 2026-11: "Start a post" opens the share box dialog
  opener: ['button.share-box-feed-entry__trigger', '.share-box-feed-entry__closed-share-box button'],
  // 2026-11: the container that holds a composer and its buttons
  container: ['.share-creation-state', '.share-box', '[role="dialog"]', '.comments-comment-box', 'form'],
  postButton: [
    // 2026-11: share box "Post"
    'button.share-actions__primary-action',
    // 2025-10: comment "Comment"/"Reply"
    'button.comments-comment-box__submit-button--cr',
    'button.comments-comment-box__submit-button',
    'button[type="submit"]',
  ],
  posts: [
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

function findComposers(root = document) {
  return queryAll(root, SEL.composer).filter(usable);
}

function postButton(composer) {
  for (let box = composer.closest(SEL.container.join(',')); box; box = box.parentElement?.closest(SEL.container.join(','))) {
    const b = queryFirst(box, SEL.postButton);
    if (b) return b;
  }
  return closestButton(composer, SEL.postButton);
}

function visiblePosts(root = document) {
  return outermost(queryAll(root, SEL.posts), SEL.posts.join(','))
    .filter(isVisible)
    .map((el) => ({
      id: el.dataset.urn || el.dataset.id,
      text: postText(queryFirst(el, SEL.postText), { skip: SEL.skip }),
    }))
    .filter((p) => p.id);
}

export default {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: (url) => /^(www\.)?linkedin\.com$/.test(url.hostname) && !url.pathname.startsWith('/messaging'),
  // The share box is a dialog that opens on demand: no page guarantees a composer.
  expectsComposer: () => false,
  selectors: SEL,
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton,
  visiblePosts,
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts: () => visiblePosts(document) });
  },
  // Above the editor, inside the dialog: the modal traps focus, so the launcher stays in it.
  mountPoint: (composer) => ({ anchor: composer.closest('.editor-container, .ql-container') ?? composer, where: 'beforebegin' }),
};
