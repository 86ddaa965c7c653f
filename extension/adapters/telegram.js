// Telegram Web, both clients: /k/ (tweb: div.input-message-input) and /a/ (Teact:
// #editable-message-text). Both are contenteditables kept by the app's own code.
//
// /k reads its input line by line: execCommand('insertText') with native undo (lib/editors.js).
// /a turns its input's HTML into the message text with its own rules (telegram-tt's
// parseHtmlAsFormattedText): <br> and "\n" are line breaks, but a run of paragraph <div>s — what
// execCommand('insertText') makes of "\n" — folds into ONE line break, so blank lines vanish.
// So /a gets Shift+Enter-style line breaks (lib `lineBreaks`), then its own paste handler, and
// is read back with /a's rules: the read-back proves every blank line is in the message.
//
// Enter sends (Shift+Enter breaks the line), so publication is also armed by a plain Enter.
// A composer exists only in an open chat: on the chat list, nothing can be filled ('noChat').
import { ORDERS, defineAdapter, insertText, nearestButton, queryFirst, readText, strategiesFor } from './lib/index.js';

const SELECTORS = {
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
  post: [
    // 2026-11 /k/: message bubbles
    '.bubble[data-mid]',
    // 2026-11 /a/
    '.Message[data-message-id]',
  ],
  postText: ['.translatable-message', '.text-content', '.message'],
  // 2026-11: time, edited marks, reactions living inside the text element
  skip: '.time, .time-inner, .MessageMeta, .reactions, .message-time, .bubble-pin',
};

/** Is `el` Telegram Web A's input (Teact)? */
const isWebA = (el) => /^editable-message-text/.test(el.id);

/**
 * The message Telegram Web A makes of its input: telegram-tt's parseMarkdown line rules on the
 * input's HTML (<div><br></div> and <br> are "\n", a run of </div>…<div> is ONE "\n", <div>
 * opens a line), then the text content, zero-width spaces dropped, trimmed as it is on sending.
 */
export function webAText(el) {
  const html = el.innerHTML
    .replace(/&nbsp;/g, ' ')
    .replace(/<div><br([^>]*)?><\/div>/g, '\n')
    .replace(/<br([^>]*)?>/g, '\n')
    .replace(/<\/div>(\s*)<div>/g, '\n')
    .replace(/<div>/g, '\n')
    .replace(/<\/div>/g, '');
  // An inert document: nothing in it runs or loads.
  const box = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const img of box.querySelectorAll('img')) img.replaceWith(img.alt || '');
  return box.textContent.replace(/\u200b+/g, '').replace(/\u00a0/g, ' ').trim();
}

/** Enter sends (Shift+Enter breaks the line); Ctrl+Enter too, depending on the user's settings. */
const sendKey = (e) => e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing;

const adapter = defineAdapter({
  id: 'telegram',
  label: 'Telegram',
  hosts: ['web.telegram.org'],
  paths: /^\/(k|a|z)(\/|$)/,
  testUrls: ['https://web.telegram.org/k/#@durov', 'https://web.telegram.org/a/#777000', 'https://web.telegram.org/k/'],
  selectors: SELECTORS,
  sendKey,
  read: (composer) => (isWebA(composer) ? webAText(composer) : readText(composer)),
  insert(composer, text, { replace = true } = {}) {
    const a = isWebA(composer);
    return insertText(composer, text, {
      replace,
      strategies: a ? ORDERS.telegramA : strategiesFor(composer),
      read: (el) => this.read(el),
      // /a trims the message when it sends it: that is the text it holds.
      expect: a ? (t) => t.trim() : undefined,
    });
  },
  postButton(composer) {
    const box = composer.closest(SELECTORS.container.join(','));
    return (box && queryFirst(box, SELECTORS.postButton, { deep: false })) || nearestButton(composer, SELECTORS.postButton);
  },
  postId: (post) => post.dataset.mid || post.dataset.messageId || null,
  // No opener: which chat a draft is for is the user's choice.
  noComposerReason: () => 'noChat',
  mount: (composer) => ({ anchor: composer.closest(SELECTORS.container.join(',')) ?? composer, where: 'beforebegin' }),
});

// A composer exists once a chat is open (its peer is in the hash).
adapter.expectsComposer = (url) => adapter.matches(url) && url.hash.length > 1;

export default adapter;
