// Telegram Web, both clients: /k/ (tweb: div.input-message-input) and /a/ (Teact:
// #editable-message-text). Both are contenteditables kept by the app's own code, which reads
// the DOM on `input`: execCommand('insertText') updates them with native undo.
// Enter sends (Shift+Enter breaks the line), so publication is also armed by a plain Enter.
import { isVisible, queryAll, queryFirst, readText } from './lib/index.js';
import { closestButton, insertInto, usable, watchWithGestures } from './generic.js';

const SEL = {
  composer: [
    // 2026-11 /a/: main composer (and the caption box of the media modal)
    '#editable-message-text[contenteditable="true"]',
    '#editable-message-text-modal[contenteditable="true"]',
    // 2026-11 /k/: the live input; tweb keeps a measuring twin (.input-field-input-fake)
    '.input-message-input[contenteditable="true"]:not(.input-field-input-fake)',
    // 2026-11 /k/: caption box of the media popup
    '.simple-message-input-input[contenteditable="true"]:not(.input-field-input-fake)',
  ],
  // 2026-11: the composer's box
  container: ['.popup-send-photo', '.chat-input-main', '.chat-input', '.Composer', '#message-compose', '.middle-column-footer', '.modal-dialog'],
  postButton: [
    // 2026-11 /k/: the main round button (class "send" when it would send)
    'button.btn-send',
    // 2026-11 /a/
    'button.Button.send',
    'button.main-button',
    // 2026-11 /k/ media popup
    '.simple-message-input-confirm',
    // 2024-02 /k/ media popup
    '.popup-send-photo .btn-primary',
  ],
  posts: [
    // 2026-11 /k/: message bubbles
    '.bubble[data-mid]',
    // 2026-11 /a/
    '.Message[data-message-id]',
  ],
  postText: ['.translatable-message', '.text-content', '.message'],
  // 2026-11: time, edited marks, reactions living inside the text element
  skip: '.time, .time-inner, .MessageMeta, .reactions, .message-time, .bubble-pin',
};

function findComposers(root = document) {
  return queryAll(root, SEL.composer).filter(usable);
}

function postButton(composer) {
  const box = composer.closest(SEL.container.join(','));
  return (box && queryFirst(box, SEL.postButton)) || closestButton(composer, SEL.postButton);
}

function visiblePosts(root = document) {
  return queryAll(root, SEL.posts)
    .filter(isVisible)
    .map((el) => ({
      id: el.dataset.mid || el.dataset.messageId,
      text: readText(queryFirst(el, SEL.postText), { imgAlt: true, skip: SEL.skip }),
    }))
    .filter((p) => p.text);
}

/** Enter sends (Shift+Enter breaks the line); Ctrl+Enter too, depending on the user's settings. */
const sendKey = (e) => e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing;

export default {
  id: 'telegram',
  label: 'Telegram',
  matches: (url) => url.hostname === 'web.telegram.org' && /^\/(k|a|z)(\/|$)/.test(url.pathname),
  // A composer exists once a chat is open (its peer is in the hash).
  expectsComposer: (url) => url.hash.length > 1,
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton,
  visiblePosts,
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts: () => visiblePosts(document), sendKey });
  },
  mountPoint: (composer) => ({ anchor: composer.closest(SEL.container.join(',')) ?? composer, where: 'beforebegin' }),
};
