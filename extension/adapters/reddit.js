// Reddit (shreddit): composers are custom elements whose editor lives in an OPEN shadow root
// (<shreddit-composer> body, <shreddit-markdown-composer> textarea), or is slotted into them
// from the light DOM (slot="rte", a Lexical editor). Queries pierce the shadow roots, and the
// insertion order follows the editor found (strategiesFor). The post title
// (<faceplate-textarea-input name="title">) is not a composer: drafts go into the body.
import { isVisible, queryFirst, readText } from './lib/index.js';
import { closestButton, deepQueryAll, editableRoot, insertInto, postText, usable, watchWithGestures } from './generic.js';

const SEL = {
  // 2026-11: composer hosts (post body, comments, replies, markdown mode)
  host: 'shreddit-composer, shreddit-markdown-composer, faceplate-textarea-input[name="comment"]',
  editor: [
    // 2026-11: rich text editor inside the host's shadow root
    '[contenteditable="true"]',
    // 2026-11: markdown mode / plain comment box textarea inside the shadow root
    'textarea',
  ],
  // 2025-08: Lexical editor slotted from the light DOM into shreddit-composer
  slotted: '[slot="rte"][contenteditable="true"]',
  // 2026-11: any editable text inside some other component's shadow root (renamed hosts)
  anyEditable: '[contenteditable="true"], textarea',
  // 2026-11: fields that are not the body: title, flair/search boxes
  notBody: '[name="title"], [name*="search" i], [type="search"], [aria-label*="title" i], [aria-label*="search" i]',
  postButton: [
    // 2026-11: submit button slotted into the composer (comments: "Comment")
    ':scope > [slot="submit-button"]',
    // 2026-11: post form ("Post")
    '#submit-post-button',
    'r-post-form-submit-button',
    'button[type="submit"]',
  ],
  // 2026-11: forms around a composer
  form: 'r-post-composer-form, faceplate-form, form, comment-composer-host',
  // 2026-11: posts and comments in the page
  post: 'shreddit-post',
  postBody: ':scope > [slot="text-body"]',
  comment: 'shreddit-comment',
  commentBody: ':scope > [slot="comment"]',
};

/** The composer host an editor belongs to (its shadow host, or the light-DOM ancestor). */
function hostOf(editor) {
  const rootHost = editor.getRootNode()?.host;
  if (rootHost?.matches?.(SEL.host)) return rootHost;
  return editor.closest(SEL.host);
}

function isBody(el) {
  if (el.matches(SEL.notBody)) return false;
  const host = el.getRootNode()?.host;
  return !host || !host.matches(SEL.notBody);
}

function findComposers(root = document) {
  const found = [];
  // Hosts sit in the light DOM today; walking every shadow root is the slower fallback.
  const light = root.querySelectorAll(SEL.host);
  for (const host of light.length ? light : deepQueryAll(root, SEL.host)) {
    const slotted = host.querySelector(SEL.slotted);
    if (slotted) found.push(slotted);
    else if (host.shadowRoot) found.push(queryFirst(host.shadowRoot, SEL.editor));
  }
  const known = [...new Set(found.filter(Boolean).map(editableRoot))].filter(usable);
  if (known.length) return known;
  // Hosts renamed: any editable that lives in a shadow root and is not a title or search box.
  const shadowed = deepQueryAll(root, SEL.anyEditable).filter((el) => el.getRootNode() instanceof ShadowRoot);
  return [...new Set(shadowed.map(editableRoot))].filter((el) => usable(el) && isBody(el));
}

function postButton(composer) {
  const host = hostOf(composer);
  const own = host && (host.querySelector(SEL.postButton[0]) ?? host.shadowRoot?.querySelector('button[type="submit"]'));
  if (own) return own;
  const form = host?.closest(SEL.form);
  const found = (form && queryFirst(form, SEL.postButton.slice(1))) || closestButton(composer, SEL.postButton.slice(1));
  // A button component (r-post-form-submit-button): the real <button> is in its shadow root.
  return found?.localName !== 'button' && found?.shadowRoot ? found.shadowRoot.querySelector('button') ?? found : found;
}

function visiblePosts(root = document) {
  const out = [];
  for (const post of deepQueryAll(root, SEL.post)) {
    if (!isVisible(post)) continue;
    const body = post.querySelector(SEL.postBody);
    out.push({ id: post.id, text: body ? postText(body.querySelector('.md') ?? body) : post.getAttribute('post-title') ?? '' });
  }
  for (const c of deepQueryAll(root, SEL.comment)) {
    const body = c.querySelector(SEL.commentBody);
    if (!body || !isVisible(body)) continue;
    out.push({ id: c.getAttribute('thingid'), text: postText(body.querySelector('.md') ?? body) });
  }
  return out.filter((p) => p.id);
}

export default {
  id: 'reddit',
  label: 'Reddit',
  matches: (url) => /^(www|new|sh)\.reddit\.com$/.test(url.hostname),
  // The submit page always has the body editor; comment boxes open on demand.
  expectsComposer: (url) => /\/submit\/?$/.test(url.pathname),
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton,
  visiblePosts,
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts: () => visiblePosts(document) });
  },
  // Next to the host element: our launcher must not go inside Reddit's shadow tree.
  mountPoint: (composer) => ({ anchor: hostOf(composer) ?? composer, where: 'beforebegin' }),
};
