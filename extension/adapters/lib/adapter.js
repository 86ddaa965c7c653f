// A declarative base for site adapters (docs/ADAPTERS.md): an adapter gives
// its selectors and insertion order; every method may still be overridden.
import { isVisible, nearestButton, queryAll, queryFirst } from './dom.js';
import { ORDERS, insertText } from './insert.js';
import { watchComposer } from './observe.js';
import { readText } from './text.js';

/**
 * @param {{
 *   id: string, label: string,
 *   hosts: string[],                       // exact hostnames
 *   paths?: RegExp,                        // where a composer can exist (default: any)
 *   composerPaths?: RegExp,                // where one is expected (default: none)
 *   selectors: { composer: string[], postButton?: string[], post?: string[], postText?: string[], permalink?: string[] },
 *   order?: Function[],                    // insertion techniques (lib/insert.js ORDERS)
 *   postLabel?: RegExp,                    // Post button label when no selector matches
 *   postId?: (postEl: Element) => string|null,
 *   postTextOf?: (postEl: Element) => string|null,   // default: readText of the first selectors.postText
 *   mount?: (composer: Element) => { anchor: Element, where: string },
 *   [key: string]: any                     // overrides
 * }} spec
 */
export function defineAdapter(spec) {
  const { selectors: S, order = ORDERS.auto } = spec;
  const base = {
    id: spec.id,
    label: spec.label,
    selectors: S,
    matches(url) {
      return url.protocol === 'https:' && spec.hosts.includes(url.hostname) && (!spec.paths || spec.paths.test(url.pathname));
    },
    expectsComposer(url) {
      return this.matches(url) && !!spec.composerPaths && spec.composerPaths.test(url.pathname);
    },
    findComposers(root = document) {
      return queryAll(root, S.composer).filter(isVisible);
    },
    read(composer) {
      return readText(composer);
    },
    async insert(composer, text, { replace = true } = {}) {
      return insertText(composer, text, { replace, strategies: order, read: (el) => this.read(el) });
    },
    postButton(composer) {
      return nearestButton(composer, S.postButton ?? [], spec.postLabel ?? null);
    },
    visiblePosts(root = document) {
      if (!S.post) return [];
      const out = [];
      const seen = new Set();
      const all = queryAll(root, S.post);
      // A post nested in another matched post (a comment, a quote) is part of it.
      const outer = all.filter((p) => !all.some((q) => q !== p && q.contains(p)));
      for (const post of outer) {
        const text = (spec.postTextOf ? spec.postTextOf(post) : postText(post, S.postText))?.trim();
        const id = (spec.postId ? spec.postId(post) : null) ?? `text:${text.slice(0, 64)}`;
        if (!text || seen.has(id)) continue;
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
        read: (el) => this.read(el),
        postButton: (el) => this.postButton(el),
        visiblePosts: () => this.visiblePosts(composer.ownerDocument),
      });
    },
    mountPoint(composer) {
      return spec.mount ? spec.mount(composer) : { anchor: composer, where: 'afterend' };
    },
  };
  const overrides = Object.fromEntries(
    Object.entries(spec).filter(([k]) => !['hosts', 'paths', 'composerPaths', 'selectors', 'order', 'postLabel', 'postId', 'postTextOf', 'mount'].includes(k)),
  );
  return Object.assign(base, overrides);
}

/** The path-derived post id of the first permalink matching `re` (group 1). */
export function idFromLink(postEl, selector, re) {
  for (const a of postEl.querySelectorAll(selector)) {
    const m = re.exec(a.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return null;
}

/** Text of a post's body (first match of `selectors`, or the post itself), emoji images read by alt. */
export function postText(postEl, selectors, opts = {}) {
  const body = selectors ? queryFirst(postEl, selectors) : postEl;
  return body ? readText(body, { imgAlt: true, ...opts }) : null;
}
