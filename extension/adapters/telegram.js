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
 * The message Telegram Web A makes of its input. telegram-tt (parseHtmlAsFormattedText) rewrites
 * the input's HTML with regular expressions before taking its text: `<div><br></div>` and `<br>`
 * become "\n", then a `</div>` followed by only whitespace and a plain `<div>` becomes ONE "\n"
 * (so "\n\n\n" typed as paragraph <div>s folds), a remaining plain `<div>` opens a line, `</div>`
 * vanishes; NBSP is a space, zero-width spaces go, emoji images count by their alt, and the
 * result is trimmed as it is on sending. The same rules here on the DOM's tokens (no HTML is
 * parsed), so the read-back is what Telegram will send.
 */
export function webAText(el) {
  const toks = [];
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) toks.push({ t: 'text', v: c.data.replace(/\u00a0/g, ' ') });
      else if (c.nodeType !== 1) continue;
      else if (c.localName === 'br') toks.push({ t: 'br' });
      else if (c.localName === 'img') toks.push({ t: 'tag' }, { t: 'alt', v: c.getAttribute('alt') ?? '' });
      else if (c.localName === 'div') {
        // The expressions match only attribute-less <div>; every </div> looks the same.
        toks.push({ t: c.hasAttributes() ? 'tag' : 'open' });
        walk(c);
        toks.push({ t: 'close' });
      } else {
        toks.push({ t: 'tag' });
        walk(c);
        toks.push({ t: 'tag' });
      }
    }
  };
  walk(el);
  const nl = { t: 'text', v: '\n' };
  // <div><br></div> -> "\n"
  let a = [];
  for (let i = 0; i < toks.length; i += 1) {
    if (toks[i].t === 'open' && toks[i + 1]?.t === 'br' && toks[i + 2]?.t === 'close') {
      a.push(nl);
      i += 2;
    } else a.push(toks[i]);
  }
  // <br> -> "\n"
  a = a.map((tok) => (tok.t === 'br' ? nl : tok));
  // </div>\s*<div> -> "\n"
  const b = [];
  for (let i = 0; i < a.length; i += 1) {
    if (a[i].t === 'close') {
      let j = i + 1;
      while (a[j]?.t === 'text' && /^\s*$/.test(a[j].v)) j += 1;
      if (a[j]?.t === 'open') {
        b.push(nl);
        i = j;
        continue;
      }
    }
    b.push(a[i]);
  }
  // <div> -> "\n", </div> -> ""
  const text = b.map((tok) => (tok.t === 'open' ? '\n' : tok.t === 'text' || tok.t === 'alt' ? tok.v : '')).join('');
  return text.trim().replace(/\u200b+/g, '');
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
