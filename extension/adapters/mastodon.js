// Mastodon (any instance, and its forks Glitch/Hometown that keep the web app's markup).
//
// Why the DOM and not the host: Mastodon runs on thousands of hosts. Only mastodon.social is
// in the manifest; other instances are granted by the user at runtime (optional host
// permissions, background/instances.js registers the content script there), and a granted
// host may serve anything. So a page counts as Mastodon when the web app is really there: its
// React root `#mastodon` (with data-props), or the `script#initial-state` JSON the server
// embeds. The host list only decides which hosts are Mastodon before the DOM exists.
//
// Limits differ per instance (many allow more than 500 characters): `limits()` reads them from
// the instance's public API, as the web app itself does, with Mastodon's defaults otherwise.
import { DEFAULT_LIMITS, MASTODON_APP, limitsFromInstance } from '../shared/mastodon.js';
import { defineAdapter, nearestButton, queryFirst } from './lib/index.js';

// Instances known without looking at the page (the manifest's built-in host).
const KNOWN_HOSTS = new Set(['mastodon.social']);

const SELECTORS = {
  // 2026-11: the web app's root and initial state (present since 2.x), shared with the popup's probe
  app: MASTODON_APP,
  composer: [
    // 2026-11 (4.3): React-controlled textarea in .compose-form (compose panel, /publish)
    '.compose-form textarea.autosuggest-textarea__textarea',
    // 2023-05 (4.1): same class, also used by the reply modal
    'textarea.autosuggest-textarea__textarea',
    // 2026-11: Glitch-soc / forks keep the form class
    '.compose-form textarea',
  ],
  postButton: [
    // 2026-11 (4.3): "Post" in .compose-form__submit
    '.compose-form__submit button',
    // 2023-05 (4.0-4.2): "Publish!"
    '.compose-form__publish-button-wrapper button',
    '.compose-form__publish button',
    'button[type="submit"]',
  ],
  opener: [
    // 2026-11 (4.3, single-column layout): the "New post" button of the header
    '.ui__header a[href$="/publish"]',
    // 2023-05 (4.0-4.2, mobile): the floating compose button
    'a.floating-action-button[href$="/publish"]',
  ],
  post: [
    // 2026-11: statuses carry their id
    '.status[data-id]',
    // 2023-05: detailed status
    '.detailed-status',
    // 2026-11: the feed item wrapping a status
    'article[data-id]',
  ],
  postText: ['.status__content__text', '.status__content'],
  // 2026-11: content-warning toggles, "translate"
  skip: '.status__content__spoiler-link, .translate-button, button',
};

/** Is `doc` the Mastodon web app? (see the header comment) */
export function isMastodonDocument(doc = globalThis.document) {
  return !!doc && !!queryFirst(doc, SELECTORS.app, { deep: false });
}

let limitsCache = null;

/**
 * This instance's limits: `/api/v2/instance` of the page's own origin (public on most instances;
 * one in limited-federation mode or behind authorized fetch answers 401, a page's CSP may refuse
 * the request), else Mastodon's defaults. `source` says which.
 */
async function limits(doc = document) {
  limitsCache ??= (async () => {
    try {
      const res = await fetch(new URL('/api/v2/instance', doc.location.origin), { credentials: 'omit', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return limitsFromInstance(await res.json());
    } catch {
      return { ...DEFAULT_LIMITS, source: 'default' };
    }
  })();
  return limitsCache;
}

function matches(url, doc = globalThis.document) {
  if (url.protocol !== 'https:') return false;
  if (KNOWN_HOSTS.has(url.hostname)) return true;
  // Another host: only when this is the page being matched and it carries the web app.
  return !!doc && doc.location?.hostname === url.hostname && isMastodonDocument(doc);
}

export default defineAdapter({
  id: 'mastodon',
  label: 'Mastodon',
  testUrls: [
    'https://mastodon.social/home',
    'https://mastodon.social/publish',
    'https://mastodon.social/@Mastodon',
  ],
  selectors: SELECTORS,
  matches,
  // Narrow layouts compose only on /publish (their header has a "New post" opener); wide ones keep
  // a compose panel beside every column.
  expectsComposer: (url) => matches(url) && isMastodonDocument()
    && (/^\/publish(\/|$)/.test(url.pathname) || !!document.querySelector('.compose-panel, .drawer__inner')),
  postButton(composer) {
    const form = composer.closest('.compose-form, form');
    return (form && queryFirst(form, SELECTORS.postButton, { deep: false })) || nearestButton(composer, SELECTORS.postButton);
  },
  postId: (post) => post.dataset.id || post.closest('[data-id]')?.dataset.id || null,
  limits,
  mount: (composer) => ({ anchor: composer.closest('.autosuggest-textarea') ?? composer, where: 'afterend' }),
});
