// X (Twitter): Draft.js composer. Technique order from the research table:
// synthetic paste (Draft builds blocks from text/plain), then the legacy
// `textInput` event for one line. Never execCommand: it crashes Draft when
// the editor is empty or the text has several paragraphs.
import { ORDERS, defineAdapter, idFromLink } from './lib/index.js';

const SELECTORS = {
  composer: [
    // 2026-11: home, reply and /compose/post dialog: div[data-testid=tweetTextarea_N] (N = index in a thread)
    'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
    // 2026-11: fallback on Draft.js's own class if the test id is renamed
    '.DraftEditor-root .public-DraftEditor-content[contenteditable="true"]',
  ],
  postButton: [
    // 2026-11: inline composer on /home and reply boxes
    '[data-testid="tweetButtonInline"]',
    // 2026-11: /compose/post dialog ("Post" / "Post all")
    '[data-testid="tweetButton"]',
  ],
  // 2026-11: the sidebar "Post" button (a link to /compose/post that opens the composer dialog)
  opener: ['a[data-testid="SideNav_NewTweet_Button"]', '[data-testid="SideNav_NewTweet_Button"]'],
  // 2026-11: timeline cells
  post: ['article[data-testid="tweet"]'],
  // 2026-11: post body (emoji are <img alt>); the first one is the post's own, a quote comes after
  postText: ['div[data-testid="tweetText"]'],
};

export default defineAdapter({
  id: 'x',
  label: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  // The sidebar "Post" button opens the composer dialog on any page.
  composerPaths: /^\/(home|compose\/(post|tweet))\/?$/,
  testUrls: ['https://x.com/home', 'https://x.com/compose/post', 'https://x.com/explore', 'https://twitter.com/home'],
  selectors: SELECTORS,
  order: ORDERS.draft,
  // 2026-11: fallback when the test ids change: the button's own label
  postLabel: /^(post|reply|post all)$/i,
  postId: (post) => idFromLink(post, 'a[href*="/status/"]', /\/status\/(\d+)/),
  mount: (composer) => ({
    anchor: composer.closest('[data-testid$="_label"]') ?? composer.closest('.DraftEditor-root') ?? composer,
    where: 'afterend',
  }),
});
