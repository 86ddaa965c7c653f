// Shared toolkit for site adapters: one adapter shape (defineAdapter), shadow-root-aware
// queries, reading, verified insertion, opening closed composers, observers.
export { isTextField, normalizeText, readPost, readText, textToHtml } from './text.js';
export {
  ORDERS, beforeinputLines, execCommand, frames, insertText, lineBreaks, nativeSetter, nextFrame, paste, selectContents,
  selectedRange, textInput,
} from './insert.js';
export { editorKind, insertInto, isQuill1, storedForm, strategiesFor } from './editors.js';
export { ctrlEnter, listen, observe, waitFor, watchComposer } from './observe.js';
export {
  buttonByLabel, composedContains, composedOrder, deepActiveElement, editableRoot, isVisible, labelOf, nearest, nearestButton,
  outermost, parentOf, queryAll, queryFirst, shadowRoots, usable,
} from './dom.js';
export { OPEN_TIMEOUT_MS, fillComposer, openComposer, press, settled } from './open.js';
export { defineAdapter, dialogsFirst, idFromLink, postText } from './adapter.js';
