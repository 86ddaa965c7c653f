// Every site adapter, and the choice of one for a page (docs/ADAPTERS.md).
import bluesky from './bluesky.js';
import facebook from './facebook.js';
import generic from './generic.js';
import linkedin from './linkedin.js';
import mastodon from './mastodon.js';
import reddit from './reddit.js';
import telegram from './telegram.js';
import threads from './threads.js';
import vk from './vk.js';
import x from './x.js';

/** All adapters; `generic` last: it is never picked automatically. */
export const ADAPTERS = Object.freeze([x, facebook, threads, bluesky, mastodon, linkedin, vk, telegram, reddit, generic]);

/**
 * The adapter for a page, or null (then Glider runs only on a user gesture,
 * with the generic adapter).
 * @param {URL} url
 */
export function pickAdapter(url) {
  if (!(url instanceof URL) || url.protocol !== 'https:') return null;
  return ADAPTERS.find((a) => a.id !== 'generic' && a.matches(url)) ?? null;
}

/** The adapter with this network id (including 'generic'), or null. */
export function adapterById(id) {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}
