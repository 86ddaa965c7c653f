// The one shape every site adapter has (docs/ADAPTERS.md): an adapter gives its hosts, its
// selectors (newest variant first, dated) and, where the site needs it, an insertion order or a
// method of its own; everything else comes from here. Queries search open shadow roots.
import { buttonByLabel, editableRoot, isVisible, nearestButton, outermost, queryAll, queryFirst, usable } from './dom.js';
import { storedForm, strategiesFor } from './editors.js';
import { insertText } from './insert.js';
import { fillComposer, openComposer } from './open.js';
import { ctrlEnter, watchComposer } from './observe.js';
import { readPost, readText } from './text.js';

const SPEC_KEYS = new Set([
  'hosts', 'paths', 'composerPaths', 'selectors', 'order', 'postLabel', 'openerLabel', 'postId', 'postTextOf', 'mount',
  'sendKey', 'expect', 'testUrls',
]);

/**
 * @param {{
 *   id: string, label: string,
 *   hosts?: string[],                      // exact hostnames (or give `matches`)
 *   paths?: RegExp,                        // where a composer can exist (default: any)
 *   composerPaths?: RegExp|null,           // where one is expected without opening anything (default: none)
 *   testUrls: string[],                    // pages of the live site this adapter was checked on (tests assert matches())
 *   selectors: { composer: string[], postButton?: string[], post?: string[], postText?: string[],
 *                opener?: string[], skip?: string },
 *   order?: Function[]|null,               // insertion techniques (lib/insert.js ORDERS); null: by editor (lib/editors.js)
 *   postLabel?: RegExp,                    // Post button label when no selector matches
 *   openerLabel?: RegExp,                  // opener label when no opener selector matches
 *   postId?: (postEl: Element) => string|null,
 *   postTextOf?: (postEl: Element) => string|null,   // default: readPost of the first selectors.postText
 *   mount?: (composer: Element) => { anchor: Element, where: string },
 *   sendKey?: (e: KeyboardEvent) => boolean,          // the composer's send key (default Ctrl/Cmd+Enter)
 *   expect?: (text: string) => string,     // what read() shows once the site holds `text` (default: as is)
 *   [key: string]: any                     // overrides of any method below
 * }} spec
 */
export function defineAdapter(spec) {
  const { selectors: S } = spec;
  const base = {
    id: spec.id,
    label: spec.label,
    selectors: S,
    testUrls: Object.freeze([...(spec.testUrls ?? [])]),
    matches(url) {
      return url.protocol === 'https:' && (spec.hosts ?? []).includes(url.hostname) && (!spec.paths || spec.paths.test(url.pathname));
    },
    expectsComposer(url) {
      return this.matches(url) && !!spec.composerPaths && spec.composerPaths.test(url.pathname);
    },
    findComposers(root = document) {
      return dialogsFirst([...new Set(queryAll(root, S.composer).map(editableRoot))].filter(usable));
    },
    /** The site's own control that opens a closed composer (a dialog opener), or null. */
    findOpener(root = document) {
      const hit = queryAll(root, S.opener ?? []).find(isVisible);
      if (hit || !spec.openerLabel) return hit ?? null;
      const byLabel = buttonByLabel(root, spec.openerLabel, { deep: true });
      return byLabel && isVisible(byLabel) ? byLabel : null;
    },
    /** Why nothing can be filled on this page when there is neither a composer nor an opener. */
    noComposerReason() {
      return 'noComposer';
    },
    /** The composer's text as the site will post it (as its editor stores it). */
    read(composer) {
      return storedForm(composer)(readText(composer));
    },
    /** Verified insertion: `{ ok, technique, text, verified, reason?, tried }` (lib/insert.js). */
    async insert(composer, text, { replace = true } = {}) {
      const strategies = spec.order ?? strategiesFor(composer);
      const stored = storedForm(composer);
      const expect = spec.expect ? (t) => stored(spec.expect(t)) : stored;
      return insertText(composer, text, { replace, strategies, read: (el) => this.read(el), expect });
    },
    postButton(composer) {
      return nearestButton(composer, S.postButton ?? [], spec.postLabel ?? null);
    },
    visiblePosts(root = document) {
      if (!S.post) return [];
      const out = [];
      const seen = new Set();
      // A post nested in another matched post (a comment, a quote) is part of it.
      for (const post of outermost(queryAll(root, S.post)).filter(isVisible)) {
        const text = ((spec.postTextOf ? spec.postTextOf(post) : postText(post, S.postText, { skip: S.skip })) ?? '').trim();
        if (!text) continue;
        const id = (spec.postId ? spec.postId(post) : null) ?? `text:${text.slice(0, 64)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ id, text });
      }
      return out;
    },
    watch(composer, { signal, onChange, onPublished } = {}) {
      watchComposer(composer, {
        signal,
        onChange,
        onPublished,
        sendKey: spec.sendKey ?? ctrlEnter,
        read: (el) => this.read(el),
        postButton: (el) => this.postButton(el),
        visiblePosts: () => this.visiblePosts(composer.ownerDocument),
      });
    },
    mountPoint(composer) {
      return spec.mount ? spec.mount(composer) : { anchor: composer, where: 'afterend' };
    },
    /** Click the site's opener and wait for its composer: `{ ok, composer }` or `{ ok: false, reason }`. */
    openComposer(opts) {
      return openComposer(this, opts);
    },
    /** Find or open the composer, then insert (docs/ADAPTERS.md "Filling"). */
    fill(text, opts) {
      return fillComposer(this, text, opts);
    },
  };
  const overrides = Object.fromEntries(Object.entries(spec).filter(([k]) => !SPEC_KEYS.has(k) && k !== 'selectors'));
  return Object.assign(base, overrides);
}

/** Composers in an open dialog first (it is on top of the page, the one the user sees), else in page order. */
export function dialogsFirst(composers) {
  const inDialog = (el) => !!el.closest('[role="dialog"], dialog');
  return [...composers.filter(inDialog), ...composers.filter((el) => !inDialog(el))];
}

/** The path-derived post id of the first permalink matching `re` (group 1). */
export function idFromLink(postEl, selector, re) {
  for (const a of postEl.querySelectorAll(selector)) {
    const m = re.exec(a.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return null;
}

/** Text of a post's body (first match of `selectors`, or the post itself); paragraphs, emoji images by alt. */
export function postText(postEl, selectors, opts = {}) {
  const body = selectors ? queryFirst(postEl, selectors) : postEl;
  return body ? readPost(body, opts) : null;
}
