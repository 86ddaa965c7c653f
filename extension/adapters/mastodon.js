// Mastodon (any instance, and its forks Glitch/Hometown that keep the web app's markup).
//
// Why the DOM and not the host: Mastodon runs on thousands of hosts. Only mastodon.social is
// in the manifest; other instances are granted by the user at runtime (optional host
// permissions), and a granted host may serve anything. So a page counts as Mastodon when the
// web app is really there: its React root `#mastodon` (with data-props), or the
// `script#initial-state` JSON the server embeds. The host list below only decides which hosts
// are Mastodon before the DOM exists (document_start, unit tests).
import { isVisible, queryAll, queryFirst, readText } from './lib/index.js';
import { closestButton, insertInto, outermost, postText, usable, watchWithGestures } from './generic.js';

// Instances known without looking at the page (the manifest's built-in host).
const KNOWN_HOSTS = new Set(['mastodon.social']);

const SEL = {
  // 2026-11: the web app's root and initial state (present since 2.x)
  app: ['#mastodon[data-props]', 'div.app-holder#mastodon', 'script#initial-state[type="application/json"]'],
  composer: [
    // 2026-11 (4.3): React-controlled textarea in .compose-form
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
  posts: [
    // 2026-11: statuses carry their id
    '.status[data-id]',
    // 2023-05: detailed status
    '.detailed-status',
    // 2026-11: the feed item wrapping a status
    'article[data-id]',
  ],
  postText: ['.status__content__text', '.status__content'],
  // 2026-11: content-warning toggles, "translate", mentions' hidden parts are fine to keep
  skip: '.status__content__spoiler-link, .translate-button, button',
};

/** Is `doc` the Mastodon web app? (see the header comment) */
export function isMastodonDocument(doc = globalThis.document) {
  return !!doc && !!queryFirst(doc, SEL.app);
}

function matches(url, doc = globalThis.document) {
  if (url.protocol !== 'https:') return false;
  if (KNOWN_HOSTS.has(url.hostname)) return true;
  // Another host: only when this is the page being matched and it carries the web app.
  return !!doc && doc.location?.hostname === url.hostname && isMastodonDocument(doc);
}

function findComposers(root = document) {
  return queryAll(root, SEL.composer).filter(usable);
}

function postButton(composer) {
  const form = composer.closest('.compose-form, form');
  return (form && queryFirst(form, SEL.postButton)) || closestButton(composer, SEL.postButton);
}

function visiblePosts(root = document) {
  return outermost(queryAll(root, SEL.posts), SEL.posts.join(','))
    .filter(isVisible)
    .map((el) => ({
      id: el.dataset.id || el.closest('[data-id]')?.dataset.id,
      text: postText(queryFirst(el, SEL.postText), { skip: SEL.skip }),
    }))
    .filter((p) => p.id);
}

export default {
  id: 'mastodon',
  label: 'Mastodon',
  matches,
  // Narrow layouts compose only on /publish; wide ones keep a compose panel beside every column.
  expectsComposer: (url) => isMastodonDocument()
    && (/^\/publish(\/|$)/.test(url.pathname) || !!document.querySelector('.compose-panel, .drawer__inner')),
  findComposers,
  read: (composer) => readText(composer),
  insert: (composer, text, opts) => insertInto(composer, text, opts),
  postButton,
  visiblePosts,
  watch(composer, { signal, onChange, onPublished }) {
    watchWithGestures(composer, { signal, onChange, onPublished, postButton, visiblePosts: () => visiblePosts(document) });
  },
  mountPoint: (composer) => ({ anchor: composer.closest('.autosuggest-textarea') ?? composer, where: 'afterend' }),
};
