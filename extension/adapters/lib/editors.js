// Which editor framework runs a composer, recognised from its DOM, and the insertion order that
// framework really handles (measured: shared/research/editor-insertion.md). Adapters that name
// no order use this, so an adapter keeps working when its site switches editors.
import { ORDERS, insertText } from './insert.js';
import { isTextField, readText } from './text.js';

/** Quill 1.x keeps a hidden contenteditable `.ql-clipboard` beside its editor; Quill 2 has none. */
export function isQuill1(el) {
  return !!el.parentElement?.querySelector(':scope > .ql-clipboard');
}

/** The editor behind `el`: 'textarea', 'lexical', 'prosemirror', 'quill1', 'quill', 'draft' or 'contenteditable'. */
export function editorKind(el) {
  if (isTextField(el)) return 'textarea';
  if (el.matches('[data-lexical-editor="true"]')) return 'lexical';
  if (el.matches('.ProseMirror, .tiptap')) return 'prosemirror';
  if (el.matches('.ql-editor')) return isQuill1(el) ? 'quill1' : 'quill';
  if (el.matches('.public-DraftEditor-content, [data-contents]') || el.querySelector('[data-contents="true"]')) return 'draft';
  return 'contenteditable';
}

/**
 * What the editor behind `el` stores of a text: Quill 1 keeps text NFC-normalised (Parchment's
 * TextBlot.value), so decomposed Vietnamese typed or inserted there is posted composed.
 */
export function storedForm(el) {
  return isQuill1(el) ? (t) => t.normalize('NFC') : (t) => t;
}

/** Insertion order for the editor framework behind `el`. */
export function strategiesFor(el) {
  return ORDERS[editorKind(el)];
}

/** Verified insertion with the order that fits the editor; the insertText result. */
export function insertInto(el, text, { replace = true, read = readText, expect = (t) => t } = {}) {
  const stored = storedForm(el);
  return insertText(el, text, { replace, strategies: strategiesFor(el), read: (x) => stored(read(x)), expect: (t) => stored(expect(t)) });
}
