// The sites Glider runs on by itself (the manifest's host_permissions) and which of them the
// browser lets it use right now. Chromium grants them at install unless the user restricts
// site access; Firefox MV3 treats them as the user's to give and take back (about:addons, the
// extensions menu), so any of them may be missing. Without one, Glider's content script does not
// run on that site: no button, no panel. The worker shows a badge, the popup says so, and the
// onboarding page (onboarding/) asks for them.
import { api } from './api.js';

// 2026-12: the built-in hosts by network, for showing them grouped; a host not listed here shows as itself.
const NETWORK = {
  'x.com': 'X',
  'twitter.com': 'X',
  'www.facebook.com': 'Facebook',
  'www.threads.net': 'Threads',
  'www.threads.com': 'Threads',
  'bsky.app': 'Bluesky',
  'mastodon.social': 'Mastodon',
  'www.linkedin.com': 'LinkedIn',
  'vk.com': 'VK',
  'web.telegram.org': 'Telegram',
  'www.reddit.com': 'Reddit',
};

/** The manifest's own host permissions ("https://x.com/*", …). */
export function siteOrigins() {
  return api.runtime.getManifest().host_permissions ?? [];
}

export const hostOf = (origin) => origin.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');

/** The built-in sites grouped by network, in manifest order: [{ label, hosts, origins }]. */
export function sites() {
  const groups = new Map();
  for (const origin of siteOrigins()) {
    const host = hostOf(origin);
    const label = NETWORK[host] ?? host;
    if (!groups.has(label)) groups.set(label, { label, hosts: [], origins: [] });
    groups.get(label).hosts.push(host);
    groups.get(label).origins.push(origin);
  }
  return [...groups.values()];
}

/** The built-in origins the browser does not grant now. */
export async function missingOrigins() {
  const all = siteOrigins();
  const granted = await Promise.all(all.map((origin) => api.permissions.contains({ origins: [origin] }).catch(() => false)));
  return all.filter((_, i) => !granted[i]);
}
