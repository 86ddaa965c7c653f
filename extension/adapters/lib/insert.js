// Putting text into a site's editor so that the editor's OWN state changes.
//
// The chain (shared/research/editor-insertion.md, measured): focus the
// editable element itself, select its contents, wait a frame (Draft, Lexical
// and ProseMirror learn the selection from the asynchronous selectionchange),
// run one technique, wait two frames, read back and compare; on a mismatch
// select again and try the next technique. A changed DOM alone proves nothing
// (Draft's DOM can show every line while its state holds one), which is why
// each adapter orders only the techniques its framework really handles.
import { isTextField, normalizeText, readText, textToHtml } from './text.js';

/** One animation frame, or 50 ms when frames are throttled (background tab). */
export function nextFrame() {
  return new Promise((resolve) => {
    let done = false;
    const fire = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(fire);
    setTimeout(fire, 50);
  });
}

export async function frames(n) {
  for (let i = 0; i < n; i += 1) await nextFrame();
}

function unsupported(why) {
  const e = new Error(why);
  e.unsupported = true;
  return e;
}

/**
 * The selection's range as the element's own tree sees it. In Chromium `document.getSelection()`
 * may report a selection inside a shadow root retargeted to the shadow host; the composed range
 * (`getComposedRanges`, Chromium 137+, Firefox 142+) or Chromium's non-standard
 * `ShadowRoot.getSelection()` give the real nodes.
 * @returns {AbstractRange|null}
 */
export function selectedRange(el) {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount) return null;
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) {
    if (typeof sel.getComposedRanges === 'function') {
      for (const args of [[{ shadowRoots: [root] }], [root]]) {
        try {
          const [r] = sel.getComposedRanges(...args);
          if (r) return r;
        } catch {
          // The older signature took shadow roots as arguments: try it next.
        }
      }
    }
    if (typeof root.getSelection === 'function') {
      const inner = root.getSelection();
      if (inner?.rangeCount) return inner.getRangeAt(0);
    }
  }
  return sel.getRangeAt(0);
}

/**
 * Focus the editable element itself and select all of it (replace) or put the caret at its end;
 * resolves once the editor can have seen the change: after the asynchronous `selectionchange`
 * event (or 100 ms) and one more frame. Works for an element inside an open shadow root too:
 * Chromium and Firefox accept a range in a shadow tree on the document's selection.
 */
export async function selectContents(el, { replace = true } = {}) {
  const doc = el.ownerDocument;
  const changed = new Promise((resolve) => {
    const t = setTimeout(resolve, 100);
    doc.addEventListener('selectionchange', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
  el.focus({ preventScroll: true });
  if (isTextField(el)) {
    if (replace) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  } else {
    const sel = doc.getSelection();
    const range = doc.createRange();
    range.selectNodeContents(el);
    if (!replace) range.collapse(false);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  await changed;
  await nextFrame();
}

function hasSelection(el) {
  if (isTextField(el)) return el.selectionStart !== el.selectionEnd;
  const r = selectedRange(el);
  return !!r && !r.collapsed;
}

/** The focused element inside `el` (through shadow roots), else `el`: synthetic events go where real ones would. */
function target(el) {
  let a = el.ownerDocument.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a && el.contains(a) ? a : el;
}

// ---------------------------------------------------------------------------
// Techniques. Each is `async (el, text, ctx) => { handled?: boolean }`, run
// with the selection already in place; throw an error with `unsupported` set
// when the technique cannot express this text for this element.

/** Synthetic paste: Draft.js, Lexical, Quill. `html: true` adds text/html (one <p> per line): ProseMirror keeps blank lines. */
export function paste({ html = false } = {}) {
  const fn = async (el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    if (html) dt.setData('text/html', textToHtml(text));
    // Firefox ignores `clipboardData` here (the event gets an empty DataTransfer) and takes its
    // own one-type `dataType` + `data` instead; Chromium ignores those two. Measured, Firefox ESR 153.
    const [dataType, data] = html ? ['text/html', textToHtml(text)] : ['text/plain', text];
    const ev = new ClipboardEvent('paste', { clipboardData: dt, dataType, data, bubbles: true, cancelable: true, composed: true });
    target(el).dispatchEvent(ev);
    return { handled: ev.defaultPrevented };
  };
  Object.defineProperty(fn, 'name', { value: html ? 'paste-html' : 'paste' });
  return fn;
}

function beforeinput(el, inputType, data = null) {
  const ev = new InputEvent('beforeinput', { inputType, data, bubbles: true, cancelable: true, composed: true });
  target(el).dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** One `beforeinput` insertText per line with `insertParagraph` between (Lexical). */
export async function beforeinputLines(el, text) {
  if (isTextField(el)) throw unsupported('beforeinput does nothing in a text field');
  const lines = text.split('\n');
  let handled = true;
  if (text === '') return { handled: beforeinput(el, 'deleteContentBackward') };
  for (let i = 0; i < lines.length; i += 1) {
    if (i > 0) handled = beforeinput(el, 'insertParagraph') && handled;
    if (lines[i]) handled = beforeinput(el, 'insertText', lines[i]) && handled;
  }
  return { handled };
}

/**
 * Clear the selected contents of a contenteditable before inserting. An editor that holds no
 * text keeps its empty block (`<p><br></p>`): deleting a selection over it would remove the
 * block itself, and text typed into the bare root makes Quill 1 rebuild its lines (it crashed
 * on multi-line text) and lose the caret. There the caret goes into that block instead.
 */
function clearSelection(el) {
  const doc = el.ownerDocument;
  if (!hasSelection(el)) return;
  if (readText(el) !== '') {
    doc.execCommand('delete', false);
    return;
  }
  let block = el;
  while (block.firstElementChild && block.firstElementChild.tagName !== 'BR') block = block.firstElementChild;
  const range = doc.createRange();
  range.setStart(block, 0);
  range.collapse(true);
  const sel = doc.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * `document.execCommand('insertText')`: textarea (native undo), ProseMirror,
 * Quill, plain contenteditable. In a contenteditable a selection is deleted
 * first: ProseMirror mis-parses a replacement that spans several blocks.
 */
export async function execCommand(el, text) {
  const doc = el.ownerDocument;
  if (!isTextField(el)) clearSelection(el);
  if (text === '') return { handled: isTextField(el) ? doc.execCommand('delete', false) : true };
  return { handled: doc.execCommand('insertText', false, text) };
}

/** The prototype's value setter plus an `input` event: React-controlled textareas (no native undo). */
export async function nativeSetter(el, text, ctx = {}) {
  if (!isTextField(el)) throw unsupported('native setter needs a textarea or input');
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
  const value = ctx.replace === false ? el.value + text : text;
  setter.call(el, value);
  el.setSelectionRange(value.length, value.length);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return { handled: true };
}

/** Legacy `textInput` event (Draft.js's onBeforeInput). One line only: Draft splits blocks on Enter keydown. */
export async function textInput(el, text) {
  if (text.includes('\n')) throw unsupported('textInput cannot make line breaks');
  if (!text) throw unsupported('textInput cannot delete');
  const ev = el.ownerDocument.createEvent('TextEvent');
  ev.initTextEvent('textInput', true, true, el.ownerDocument.defaultView, text);
  target(el).dispatchEvent(ev);
  return { handled: ev.defaultPrevented };
}

/**
 * `execCommand('insertText')` per line with `insertLineBreak` between: the line breaks a user
 * makes with Shift+Enter (a "\n" in a pre-wrap editor, else <br>), never the paragraph <div>s
 * that insertText makes of "\n". For editors that read those <div>s back as single line breaks
 * (Telegram Web A). Chromium merges the consecutive typing commands into one undo step.
 */
export async function lineBreaks(el, text) {
  if (isTextField(el)) throw unsupported('a text field takes "\n" as it is');
  const doc = el.ownerDocument;
  clearSelection(el);
  let handled = true;
  text.split('\n').forEach((line, i) => {
    if (i > 0) handled = doc.execCommand('insertLineBreak', false) && handled;
    if (line) handled = doc.execCommand('insertText', false, line) && handled;
  });
  return { handled };
}

/** Ready-made orders per framework (research table, shared/research/editor-insertion.md). */
export const ORDERS = Object.freeze({
  auto: [paste(), beforeinputLines, execCommand],
  textarea: [execCommand, nativeSetter],
  draft: [paste(), textInput],
  lexical: [beforeinputLines, paste()],
  prosemirror: [execCommand, paste({ html: true })],
  // Quill 2: execCommand is native editing, so it also works where Quill cannot track the
  // selection (inside a shadow root its paste lands at index 0); its paste handler next.
  quill: [execCommand, paste()],
  // Quill 1.3: its paste handler expects the browser's native paste into .ql-clipboard; a
  // synthetic paste deletes the selection and inserts nothing. Native editing only.
  quill1: [execCommand],
  contenteditable: [execCommand],
  // Telegram Web A: Shift+Enter line breaks keep blank lines (its parser folds <div> runs),
  // then its own paste handler (which writes <br>s).
  telegramA: [lineBreaks, paste()],
});

/**
 * Insert `text` into `el` with verification.
 * @param {Element} el the editable element (textarea or contenteditable root)
 * @param {string} text
 * @param {{ replace?: boolean, strategies?: Function[], read?: (el: Element) => string,
 *   expect?: (text: string) => string }} [opts]
 *   replace (default true): replace everything, else append at the end;
 *   read: how to read back (default readText);
 *   expect: what `read` shows once the site holds `text` (a site that trims, say); default as is
 * @returns {Promise<{ ok: boolean, technique: string|null, text: string, verified: boolean,
 *   reason?: 'mismatch', tried: {technique: string, result: string}[] }>}
 *   ok = verified: the read-back equals the intended text. On ok:false the caller offers the
 *   clipboard; `text` is what the editor holds now.
 */
export async function insertText(el, text, { replace = true, strategies = ORDERS.auto, read = readText, expect = (t) => t } = {}) {
  const wanted = normalizeText(text);
  const before = read(el);
  const expected = expect(replace ? wanted : before + wanted);
  const tried = [];
  let pristine = true;
  for (const technique of strategies) {
    const name = technique.name || 'anonymous';
    // After a failed attempt the editor may hold partial text: from then on
    // replace everything with the full intended result.
    const mode = replace || !pristine;
    const payload = mode && !replace ? before + wanted : wanted;
    await selectContents(el, { replace: mode });
    let result;
    try {
      const r = await technique(el, payload, { replace: mode });
      await frames(2);
      let got = read(el);
      // A slow editor (busy page, debounced render, an asynchronous paste handler) may commit a
      // little later: give it a few more frames before trying another technique on top.
      for (let i = 0; i < 4 && got !== expected; i += 1) {
        await nextFrame();
        got = read(el);
      }
      if (got === expected) {
        tried.push({ technique: name, result: 'ok' });
        return { ok: true, technique: name, text: got, verified: true, tried };
      }
      result = got === before ? 'no change' : 'mismatch';
      if (r?.handled === false) result += ' (event not handled)';
      if (got !== before) pristine = false;
    } catch (e) {
      result = e?.unsupported ? `unsupported: ${e.message}` : `error: ${e?.message ?? e}`;
      if (read(el) !== before) pristine = false;
    }
    tried.push({ technique: name, result });
  }
  return { ok: false, technique: null, text: read(el), verified: false, reason: 'mismatch', tried };
}
