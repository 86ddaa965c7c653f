// Shared toolkit for site adapters: reading, verified insertion, observers.
export { isTextField, normalizeText, readText, textToHtml } from './text.js';
export {
  ORDERS, beforeinputLines, execCommand, frames, insertText, nativeSetter, nextFrame, paste, selectContents, textInput,
} from './insert.js';
export { listen, observe, waitFor, watchComposer } from './observe.js';
export { buttonByLabel, isVisible, nearest, nearestButton, queryFirst, queryAll } from './dom.js';
export { defineAdapter, idFromLink, postText } from './adapter.js';
