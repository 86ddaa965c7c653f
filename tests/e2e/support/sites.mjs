// The site controls a user needs on every network fixture (tests/fixtures/sites):
// the composer, its Post control and, where the composer is a closed dialog,
// its opener. Used to prove the panel never covers them. Selectors are the
// fixtures' own markup, independent of the adapters' selector lists, so a
// placement that trusts a wrong adapter selector still fails here.
// " >>> " enters an open shadow root (Reddit's editors live in them).

/** fixture folder -> pages, each with the states to check (dialog closed / open). */
export const SITE_PAGES = Object.freeze({
  x: [{ url: 'https://x.com/home', composer: '[data-testid="tweetTextarea_0"]', post: '[data-testid="tweetButtonInline"]' }],
  facebook: [{ url: 'https://www.facebook.com/', opener: '.open-composer', composer: '[role="dialog"] [contenteditable="true"]', post: '[role="dialog"] [aria-label="Post"]' }],
  threads: [{ url: 'https://www.threads.net/', opener: '.open-composer', composer: '[role="dialog"] [contenteditable="true"]', post: '[role="dialog"] [role="button"]:last-child' }],
  bluesky: [{ url: 'https://bsky.app/', opener: '[data-testid="composeFAB"]', composer: '[role="dialog"] .ProseMirror', post: '[data-testid="composerPublishBtn"]' }],
  linkedin: [{ url: 'https://www.linkedin.com/feed/', opener: '.share-box-feed-entry__trigger', composer: '[role="dialog"] .ql-editor', post: '.share-actions__primary-action' }],
  mastodon: [{ url: 'https://mastodon.social/home', composer: '.compose-form textarea', post: '.compose-form__submit button' }],
  vk: [{ url: 'https://vk.com/feed', composer: '#post_field', post: '#send_post' }],
  telegram: [
    { url: 'https://web.telegram.org/a/#777', composer: '#editable-message-text', post: '.Composer .main-button' },
    { url: 'https://web.telegram.org/k/#@durov', composer: '.input-message-input:not(.input-field-input-fake)', post: '.btn-send' },
  ],
  reddit: [
    { url: 'https://www.reddit.com/r/test/comments/abc123/what_editor/', composer: 'shreddit-composer >>> [contenteditable="true"]', post: 'shreddit-composer [slot="submit-button"]' },
    { url: 'https://www.reddit.com/r/test/submit', composer: 'shreddit-composer >>> [contenteditable="true"]', post: 'r-post-form-submit-button >>> button', title: 'faceplate-textarea-input >>> textarea' },
  ],
  generic: [{ url: 'https://example.org/', composer: '#reply', post: '#reply-send', extra: ['#note', '#note-send'] }],
});

/**
 * Runs in the page: for each selector, the element hit at the centre of its
 * box (descending into open shadow roots, as a click would land) and whether
 * that hit is the control itself or inside it. Our own host element is
 * `glider-root`; the panel lives in its closed shadow root, so a covered
 * control reports `glider-root` as the hit.
 */
export function hitTest(selectors) {
  const deep = (sel) => {
    let scope = document;
    let el = null;
    for (const part of sel.split(' >>> ')) {
      el = scope.querySelector(part);
      if (!el) return null;
      scope = el.shadowRoot ?? el;
    }
    return el;
  };
  const hitAt = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };
  const contains = (outer, inner) => {
    for (let n = inner; n; n = n.parentNode ?? n.host) if (n === outer) return true;
    return false;
  };
  return selectors.map((sel) => {
    const el = deep(sel);
    if (!el) return { sel, found: false };
    const r = el.getBoundingClientRect();
    // Scrolled out of view is not "covered"; the test scrolls it in first.
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = hitAt(x, y);
    const name = hit ? hit.tagName.toLowerCase() + (hit.id ? `#${hit.id}` : '') : null;
    const rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    return { sel, found: true, x: Math.round(x), y: Math.round(y), own: !!hit && contains(el, hit) && hit.tagName !== 'GLIDER-ROOT', hit: name, rect };
  });
}
