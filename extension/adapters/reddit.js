// Reddit (shreddit): composers are custom elements whose editor lives in an OPEN shadow root
// (<shreddit-composer> body, <shreddit-markdown-composer> textarea), or is slotted into them
// from the light DOM (slot="rte", a Lexical editor). On a post page the comment box starts
// collapsed ("Join the conversation") and becomes a composer when clicked.
//
// The submit page has a title (<faceplate-textarea-input name="title">) besides the body: a
// draft with an explicit title fills it; otherwise an EMPTY title gets the draft's first line
// and the body the rest, so Post enables for real. A title the user typed is never replaced
// by a guess.
import {
  ORDERS, defineAdapter, editableRoot, insertText, isVisible, nearestButton, queryAll, queryFirst, readPost, readText, strategiesFor, usable,
} from './lib/index.js';

// Reddit refuses longer titles (the field's maxlength).
export const MAX_TITLE = 300;

const SELECTORS = {
  // 2026-11: composer hosts (post body, comments, replies, markdown mode)
  host: ['shreddit-composer', 'shreddit-markdown-composer', 'faceplate-textarea-input[name="comment"]'],
  composer: [
    // 2025-08: Lexical editor slotted from the light DOM into shreddit-composer
    'shreddit-composer > [slot="rte"][contenteditable="true"]',
    // 2026-11: rich text editor / markdown textarea inside the host's shadow root (see findComposers)
  ],
  editor: ['[contenteditable="true"]', 'textarea'],
  // 2026-11: any editable text inside some other component's shadow root (renamed hosts)
  anyEditable: ['[contenteditable="true"]', 'textarea'],
  // 2026-11: fields that are not the body: title, flair/search boxes
  notBody: '[name="title"], [name*="search" i], [type="search"], [aria-label*="title" i], [aria-label*="search" i]',
  // 2026-11: the post title: a textarea in the shadow root of faceplate-textarea-input
  title: ['faceplate-textarea-input[name="title"]'],
  postButton: [
    // 2026-11: submit button slotted into the composer (comments: "Comment")
    ':scope > [slot="submit-button"]',
    // 2026-11: post form ("Post")
    '#submit-post-button',
    'r-post-form-submit-button',
    'button[type="submit"]',
  ],
  opener: [
    // 2026-11: the collapsed comment box of a post page ("Join the conversation")
    'comment-composer-host button[data-testid="trigger-button"]',
    'comment-composer-host faceplate-tracker[noun="comment_composer"] button',
  ],
  // 2026-11: forms around a composer
  form: 'r-post-composer-form, faceplate-form, form, comment-composer-host',
  // 2026-11: posts and comments in the page
  post: ['shreddit-post', 'shreddit-comment'],
};

/** The composer host an editor belongs to (its shadow host, or the light-DOM ancestor). */
function hostOf(editor) {
  const hosts = SELECTORS.host.join(',');
  const rootHost = editor.getRootNode()?.host;
  if (rootHost?.matches?.(hosts)) return rootHost;
  return editor.closest(hosts);
}

function isBody(el) {
  if (el.matches(SELECTORS.notBody)) return false;
  const host = el.getRootNode()?.host;
  return !host || !host.matches(SELECTORS.notBody);
}

function findComposers(root = document) {
  const found = queryAll(root, SELECTORS.composer);
  for (const host of queryAll(root, SELECTORS.host)) {
    if (host.querySelector(':scope > [slot="rte"]')) continue; // its editor is the slotted one
    if (host.shadowRoot) found.push(queryFirst(host.shadowRoot, SELECTORS.editor, { deep: false }));
  }
  const known = [...new Set(found.filter(Boolean).map(editableRoot))].filter(usable);
  if (known.length) return known;
  // Hosts renamed: any editable that lives in a shadow root and is not a title or search box.
  const shadowed = queryAll(root, SELECTORS.anyEditable).filter((el) => el.getRootNode() instanceof ShadowRoot);
  return [...new Set(shadowed.map(editableRoot))].filter((el) => usable(el) && isBody(el));
}

function postButton(composer) {
  const host = hostOf(composer);
  const own = host && (host.querySelector(SELECTORS.postButton[0]) ?? host.shadowRoot?.querySelector('button[type="submit"]'));
  if (own) return own;
  const form = host?.closest(SELECTORS.form);
  const found = (form && queryFirst(form, SELECTORS.postButton.slice(1), { deep: false })) || nearestButton(composer, SELECTORS.postButton.slice(1));
  // A button component (r-post-form-submit-button): the real <button> is in its shadow root.
  return found?.localName !== 'button' && found?.shadowRoot ? found.shadowRoot.querySelector('button') ?? found : found;
}

/** The title field of the composer's form (submit page), or null. */
export function titleField(composer) {
  const form = hostOf(composer)?.closest(SELECTORS.form) ?? composer.ownerDocument;
  const host = queryFirst(form, SELECTORS.title, { deep: false });
  const field = host?.shadowRoot?.querySelector('textarea, input') ?? host?.querySelector('textarea, input');
  return field && usable(field) ? field : null;
}

/**
 * How a draft splits on a page with a title field: `{ title, body, sep }`. An explicit title wins;
 * else the first line becomes the title when it fits and the user's title is empty. `sep` is the
 * run of line breaks that stood between them, so that read() gives the draft back exactly.
 */
export function splitTitle(text, { title, current = '' } = {}) {
  if (typeof title === 'string' && title.trim()) return { title: title.trim(), body: text, sep: '\n\n' };
  if (current.trim()) return { title: null, body: text, sep: '\n\n' };
  const m = /^([^\n]*)(\n*)([\s\S]*)$/.exec(text);
  const first = m[1].trim();
  if (!first || first.length > MAX_TITLE) return { title: null, body: text, sep: '\n\n' };
  return { title: first, body: m[3], sep: m[2] || '\n\n' };
}

// The line breaks between the title and the body of the draft a composer was filled from.
const separators = new WeakMap();

/** The body editor's text. */
const readBody = (composer) => readText(composer);

const adapter = defineAdapter({
  id: 'reddit',
  label: 'Reddit',
  hosts: ['www.reddit.com', 'new.reddit.com', 'sh.reddit.com'],
  testUrls: [
    'https://www.reddit.com/r/test/submit',
    'https://www.reddit.com/r/test/submit/?type=TEXT',
    'https://www.reddit.com/r/test/comments/abc123/what_editor/',
  ],
  selectors: SELECTORS,
  // 2026-11: the collapsed comment box by its label when its test id changes
  openerLabel: /^(join the conversation|tham gia cuộc trò chuyện|присоединиться к обсуждению)$/i,
  findComposers,
  postButton,
  // Comments nest (replies inside comments): every post and comment is listed, not the outermost.
  visiblePosts(root = document) {
    const out = [];
    for (const el of queryAll(root, SELECTORS.post)) {
      const comment = el.localName === 'shreddit-comment';
      const body = el.querySelector(comment ? ':scope > [slot="comment"]' : ':scope > [slot="text-body"]');
      if (!isVisible(comment ? body : el)) continue;
      const id = comment ? el.getAttribute('thingid') : el.id;
      const text = body ? readPost(body.querySelector('.md') ?? body) : el.getAttribute('post-title') ?? '';
      if (id) out.push({ id, text });
    }
    return out;
  },
  /**
   * Insert the draft into the body and, on the submit page, the title (see the header).
   * Returns the body's insertText result plus `title: { ok, text }` when a title was filled.
   */
  async insert(composer, text, { replace = true, title } = {}) {
    const field = replace ? titleField(composer) : null;
    const split = field ? splitTitle(text, { title, current: field.value }) : { title: null, body: text, sep: '\n\n' };
    let titleResult;
    if (split.title !== null) {
      const t = await insertText(field, split.title, { replace: true, strategies: ORDERS.textarea });
      titleResult = { ok: t.ok, text: t.text };
      separators.set(composer, split.sep);
    }
    const body = await insertText(composer, split.body, { replace, strategies: strategiesFor(composer), read: readBody });
    if (!titleResult) return { ...body, text: this.read(composer) };
    const ok = body.ok && titleResult.ok;
    return { ...body, ok, verified: ok, text: this.read(composer), title: titleResult, ...(ok ? {} : { reason: 'mismatch' }) };
  },
  /**
   * What will be posted: on the submit page the title, then the body (as the draft had them
   * apart); elsewhere the body. Publication and the panel's sync see the whole post.
   */
  read(composer) {
    const body = readBody(composer);
    const title = titleField(composer)?.value ?? '';
    if (!title.trim()) return body;
    return body ? `${title}${separators.get(composer) ?? '\n\n'}${body}` : title;
  },
  // The submit page always has the body editor; comment boxes open on demand.
  composerPaths: /\/submit\/?$/,
  // Next to the host element: our launcher must not go inside Reddit's shadow tree.
  mount: (composer) => ({ anchor: hostOf(composer) ?? composer, where: 'beforebegin' }),
});

export default adapter;
