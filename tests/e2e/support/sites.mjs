// The site controls a user needs on every network fixture (tests/fixtures/sites),
// in every markup variant the fixtures have: the composer, its Post control and,
// where the composer is a closed dialog, its opener. Used to prove the panel
// never covers them, with the dialog closed and open. Selectors are the
// fixtures' own markup, independent of the adapters' selector lists, so a
// placement that trusts a wrong adapter selector still fails here.
// " >>> " enters an open shadow root (Reddit's editors, LinkedIn's share box
// inside #interop-outlet).
//
// Each page: `url`; `controls`, checked as the page loads; `opener`, the
// site's control the test clicks (as a user would) to open the composer
// dialog, after which `open` is checked; `viewports`, when the variant exists
// only at some window sizes (Mastodon's single column below 631 px).

const X_DIALOG = ['[role="dialog"] [data-testid="tweetTextarea_0"]', '[data-testid="tweetButton"]'];
const LI_SHADOW = ['#interop-outlet >>> [role="dialog"] .ql-editor', '#interop-outlet >>> .share-actions__primary-action'];
const LI_LIGHT = ['[role="dialog"] .ql-editor', '.share-actions__primary-action'];
const LI_OPENER = '.share-box-feed-entry__trigger';
const REDDIT_COMMENT = ['shreddit-composer >>> [contenteditable="true"]', 'shreddit-composer [slot="submit-button"]'];
const WIDE = (vp) => vp.width > 630;
export const NARROW_VIEWPORT = Object.freeze({ width: 600, height: 900 });

/** fixture folder -> its pages (one per markup variant). */
export const SITE_PAGES = Object.freeze({
  x: [
    // The inline composer; the sidebar "Post" opens the dialog composer over it.
    { url: 'https://x.com/home', controls: ['[data-testid="tweetTextarea_0"]', '[data-testid="tweetButtonInline"]', '[data-testid="SideNav_NewTweet_Button"]'], opener: '[data-testid="SideNav_NewTweet_Button"]', open: X_DIALOG },
    { url: 'https://x.com/explore', controls: ['[data-testid="SideNav_NewTweet_Button"]'], opener: '[data-testid="SideNav_NewTweet_Button"]', open: X_DIALOG },
    { url: 'https://x.com/compose/post', controls: X_DIALOG },
  ],
  facebook: [{ url: 'https://www.facebook.com/', controls: ['.open-composer'], opener: '.open-composer', open: ['[role="dialog"] [contenteditable="true"]', '[role="dialog"] [aria-label="Post"]'] }],
  threads: [{ url: 'https://www.threads.net/', controls: ['.open-composer'], opener: '.open-composer', open: ['[role="dialog"] [contenteditable="true"]', '[role="dialog"] [role="button"]:last-child'] }],
  bluesky: [
    { url: 'https://bsky.app/', controls: ['[data-testid="composeFAB"]'], opener: '[data-testid="composeFAB"]', open: ['[role="dialog"] .ProseMirror', '[data-testid="composerPublishBtn"]'] },
    { url: 'https://bsky.app/?editor=starterkit', controls: ['[data-testid="composeFAB"]'], opener: '[data-testid="composeFAB"]', open: ['[role="dialog"] .ProseMirror', '[data-testid="composerPublishBtn"]'] },
  ],
  linkedin: [
    { url: 'https://www.linkedin.com/feed/', controls: [LI_OPENER], opener: LI_OPENER, open: LI_SHADOW },
    { url: 'https://www.linkedin.com/feed/?editor=quill2', controls: [LI_OPENER], opener: LI_OPENER, open: LI_SHADOW },
    { url: 'https://www.linkedin.com/feed/?dom=light', controls: [LI_OPENER], opener: LI_OPENER, open: LI_LIGHT },
    { url: 'https://www.linkedin.com/feed/?dom=light&editor=quill2', controls: [LI_OPENER], opener: LI_OPENER, open: LI_LIGHT },
  ],
  mastodon: [
    { url: 'https://mastodon.social/home', viewports: WIDE, controls: ['.compose-form textarea', '.compose-form__submit button'] },
    // Single column: "New post" in the header opens the compose page.
    { url: 'https://mastodon.social/home', viewports: [NARROW_VIEWPORT], controls: ['.ui__header__links a[href="/publish"]'], opener: '.ui__header__links a[href="/publish"]', open: ['.compose-form textarea', '.compose-form__submit button'] },
  ],
  vk: [
    { url: 'https://vk.com/feed', controls: ['#post_field', '#send_post'] },
    { url: 'https://vk.com/feed?layout=vkui', controls: ['[data-testid="posting_create_post_button"]'], opener: '[data-testid="posting_create_post_button"]', open: ['[data-testid="posting_base_screen"] [contenteditable="true"]', '[data-testid="posting_submit_button"]'] },
  ],
  // (Without a chat in the hash both clients show only the chat list: nothing there to keep clear.)
  telegram: [
    { url: 'https://web.telegram.org/a/#777', controls: ['#editable-message-text', '.Composer .main-button'] },
    { url: 'https://web.telegram.org/k/#@durov', controls: ['.input-message-input:not(.input-field-input-fake)', '.btn-send'] },
  ],
  reddit: [
    { url: 'https://www.reddit.com/r/test/comments/abc123/what_editor/', controls: ['[data-testid="trigger-button"]'], opener: '[data-testid="trigger-button"]', open: REDDIT_COMMENT },
    { url: 'https://www.reddit.com/r/test/comments/abc123/what_editor/?composer=open', controls: REDDIT_COMMENT },
    { url: 'https://www.reddit.com/r/test/submit', controls: ['faceplate-textarea-input >>> textarea', 'shreddit-composer >>> [contenteditable="true"]', 'r-post-form-submit-button >>> button'] },
  ],
  generic: [
    { url: 'https://example.org/', controls: ['#reply', '#reply-send', '#note', '#note-send'] },
    { url: 'https://example.org/?box=textarea', controls: ['#reply', '#reply-send'] },
    { url: 'https://example.org/?box=editable', controls: ['#note', '#note-send'] },
  ],
});

/** Runs in the page: the element `sel` names (" >>> " enters an open shadow root), or null. */
export function deepQuery(sel) {
  let scope = document;
  let el = null;
  for (const part of sel.split(' >>> ')) {
    el = scope.querySelector(part);
    if (!el) return null;
    scope = el.shadowRoot ?? el;
  }
  return el;
}

/** Runs in the page: whether every selector (" >>> " as above) names an element. */
export function allPresent(selectors) {
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
  return selectors.every((sel) => !!deep(sel));
}

/**
 * Runs in the page: for each selector, the element hit at the centre of its
 * box (descending into open shadow roots, as a click would land) and whether
 * that hit is the control itself or inside it. Our own host elements are
 * `glider-root` (the panel and its tab) and `glider-launcher`; each keeps its
 * content in a closed shadow root, so a covered control reports the host as
 * the hit.
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
    const ours = hit && (hit.tagName === 'GLIDER-ROOT' || hit.tagName === 'GLIDER-LAUNCHER');
    return { sel, found: true, x: Math.round(x), y: Math.round(y), own: !!hit && contains(el, hit) && !ours, hit: name, rect };
  });
}
