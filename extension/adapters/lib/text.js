// Reading an editor's text the way the site will post it.
//
// Measured (shared/research/editor-insertion.md): walking the innermost blocks
// matches every editor framework's own state, while `innerText` does not
// (paragraph editors give "\n\n", Draft adds one per empty block, an empty
// editor reads "\n", a wrapper includes its placeholder).

// Zero-width characters that editors insert as caret anchors. ZWJ (U+200D)
// and ZWNJ (U+200C) are real text (emoji sequences, Persian) and are kept.
const CARET_ANCHORS = /[\u200B\uFEFF]/g;
const NBSP = /\u00A0/g;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const BR = Symbol('br');
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Same cleanup as readText applies, for comparing an intended text with a read-back. */
export function normalizeText(text) {
  return String(text).replace(/\r\n?/g, '\n').replace(CARET_ANCHORS, '').replace(NBSP, ' ');
}

export function isTextField(el) {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && /^(text|search|url|email|)$/.test(el.type));
}

function isBlock(node) {
  return node.nodeType === 1 && BLOCK_TAGS.has(node.tagName);
}

function hasBlockDescendant(el) {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (isBlock(c) || hasBlockDescendant(c)) return true;
  }
  return false;
}

/** Inline content of one line: text, <br> as "\n", optionally <img alt>. */
function inlineText(node, opts, out) {
  if (node.nodeType === 3) {
    out.push(node.data);
    return;
  }
  if (node.nodeType !== 1 || SKIP_TAGS.has(node.tagName)) return;
  if (node.tagName === 'BR') {
    out.push(BR);
    return;
  }
  if (node.tagName === 'IMG') {
    if (opts.imgAlt) out.push(node.getAttribute('alt') ?? '');
    return;
  }
  if (opts.skip && node.matches(opts.skip)) return;
  const kids = node.shadowRoot && opts.shadow ? node.shadowRoot.childNodes : node.childNodes;
  for (const c of kids) inlineText(c, opts, out);
}

function lineOf(nodes, opts) {
  const out = [];
  for (const n of nodes) inlineText(n, opts, out);
  // A block's trailing <br> only keeps an empty line open; it is not text.
  // (A "\n" inside a text node, as Draft stores soft newlines, is text.)
  if (out[out.length - 1] === BR) out.pop();
  return out.map((s) => (s === BR ? '\n' : s)).join('');
}

function collectLines(el, opts, lines) {
  if (!hasBlockDescendant(el)) {
    lines.push(lineOf(el.childNodes, opts));
    return;
  }
  let run = [];
  const flush = () => {
    // Whitespace-only text between blocks is markup formatting, not a line.
    if (run.some((n) => n.nodeType !== 3 || /\S/.test(n.data))) lines.push(lineOf(run, opts));
    run = [];
  };
  for (const c of el.childNodes) {
    if (c.nodeType === 1 && SKIP_TAGS.has(c.tagName)) continue;
    if (c.nodeType === 1 && opts.skip && c.matches(opts.skip)) continue;
    if (isBlock(c) || (c.nodeType === 1 && hasBlockDescendant(c))) {
      flush();
      collectLines(c, opts, lines);
    } else {
      run.push(c);
    }
  }
  flush();
}

/**
 * The text of a composer or a post, "\n" between lines.
 * @param {Element} el textarea/input, or a contenteditable root / any element
 * @param {{ imgAlt?: boolean, skip?: string }} [opts] imgAlt: read <img alt> (emoji in timelines);
 *   skip: selector of subtrees to ignore (e.g. "show more" buttons)
 */
export function readText(el, opts = {}) {
  if (!el) return '';
  if (isTextField(el)) return normalizeText(el.value);
  const lines = [];
  collectLines(el, opts, lines);
  return normalizeText(lines.join('\n'));
}

/** Escape text for a text/html clipboard payload: one <p> per line, whitespace kept. */
export function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split('\n')
    .map((line) => `<p style="white-space:pre-wrap">${line ? esc(line) : '<br>'}</p>`)
    .join('');
}

/**
 * A rendered post's text: paragraphs (<p> children) separated by a blank line as the author
 * typed them (Mastodon, Reddit render paragraphs), <br> as a line break, emoji images by their alt.
 */
export function readPost(el, opts = {}) {
  if (!el) return '';
  const paras = [...el.children].filter((c) => c.tagName === 'P');
  if (paras.length > 1) return paras.map((p) => readText(p, { imgAlt: true, ...opts })).join('\n\n');
  return readText(el, { imgAlt: true, ...opts });
}
