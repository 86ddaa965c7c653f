// What a reminder notification's buttons do: Open & fill (open the network's
// composer and write the text into it through the adapter), Mark published,
// and — on a click on the notification itself — the reminder page with
// every action, including the snooze choices (10 min, 1 h, tomorrow).
import { api, t } from '../shared/api.js';
import { boot } from './boot.js';
import { handlers, markExpiryDone } from './handlers.js';

const enc = encodeURIComponent;

// Where each network's composer opens. An intent/share URL where the network
// has one (it also pre-fills on sites where our adapter can't run yet);
// otherwise the page that has the composer.
const COMPOSE_URL = {
  x: (text) => `https://x.com/intent/post?text=${enc(text)}`,
  bluesky: (text) => `https://bsky.app/intent/compose?text=${enc(text)}`,
  threads: (text) => `https://www.threads.net/intent/post?text=${enc(text)}`,
  mastodon: (text, account) => `https://${account?.instance || 'mastodon.social'}/share?text=${enc(text)}`,
  linkedin: () => 'https://www.linkedin.com/feed/?shareActive=true',
  facebook: () => 'https://www.facebook.com/',
  vk: () => 'https://vk.com/feed',
  telegram: () => 'https://web.telegram.org/a/',
  reddit: () => 'https://www.reddit.com/submit?type=TEXT',
};

export function composeUrl(network, text, account) {
  // hasOwn: an imported network id like "__proto__" must not reach Object.prototype.
  return (Object.hasOwn(COMPOSE_URL, network) ? COMPOSE_URL[network] : COMPOSE_URL.x)(text, account);
}

/**
 * Ask the tab's content script to insert `text` (it opens a closed composer with the site's own
 * opener), retrying while the page loads or until the user opened what is missing (Telegram's
 * chat). The last answer is returned: `{ ok, reason?, opened, verified, … }` (docs/ADAPTERS.md),
 * reason 'noContentScript' when the page never answered.
 */
async function fillTab(tabId, text, postId, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < until) {
    // postId: a panel on that page then knows it holds this post (and never judges it against itself).
    const res = await api.tabs.sendMessage(tabId, { type: 'composer.insert', text, replace: true, postId }, { frameId: 0 }).catch(() => null);
    if (res?.ok) return res;
    if (res) last = res;
    // The text went in and reads back differently: inserting again would not change that.
    if (res?.reason === 'mismatch') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last ?? { ok: false, reason: 'noContentScript' };
}

const LABELS = { x: 'X', facebook: 'Facebook', threads: 'Threads', bluesky: 'Bluesky', mastodon: 'Mastodon', linkedin: 'LinkedIn', vk: 'VK', telegram: 'Telegram', reddit: 'Reddit' };

/** Say plainly what went wrong and what to do (the text stays in the post; the panel can copy it). */
async function reportFill(postId, network, res) {
  if (res?.ok) return;
  const reason = /^[A-Za-z]+$/.test(res?.reason ?? '') ? res.reason : 'noContentScript';
  await api.notifications.create(`info:fill:${postId}`, {
    type: 'basic',
    iconUrl: api.runtime.getURL('icons/128.png'),
    title: t('fillFailedTitle', LABELS[network] ?? network),
    message: api.i18n.getMessage(`fillReason_${reason}`) || t('fillReason_noContentScript'),
  }).catch(() => {});
}

export async function openAndFill(postId) {
  const ctx = await boot();
  const post = ctx.store.get(`post:${postId}`);
  if (!post) return null;
  const network = post.networks?.[0] ?? 'x';
  // A thread starts with its first part: the site's composer takes one part at a time.
  const text = post.thread?.network === network && post.thread.parts.length ? post.thread.parts[0] : post.variants?.[network] ?? post.text;
  const project = ctx.store.get(`project:${post.projectId}`);
  const account = project?.networks?.find((n) => n.network === network);
  const tab = await api.tabs.create({ url: composeUrl(network, text, account), active: true });
  const res = await fillTab(tab.id, text, post.id);
  await reportFill(postId, network, res);
  return res;
}

function parseId(notificationId) {
  const [kind, ...rest] = notificationId.split(':');
  return { kind, postId: rest.join(':') };
}

export async function onNotificationButton(notificationId, button) {
  const { kind, postId } = parseId(notificationId);
  if (!postId) return;
  if (kind === 'expiry') {
    // Expiry: [Open the post, Done (deleted)]. "Done" means the user took
    // the post down: it stays expired with its publish date (never "published").
    const ctx = await boot();
    const post = ctx.store.get(`post:${postId}`);
    if (button === 0 && post) await api.tabs.create({ url: post.publishedUrl || composeUrl(post.networks?.[0], '') });
    if (button === 1) await markExpiryDone(postId).catch((err) => console.warn('Glider: expiry done failed', err));
    await api.notifications.clear(notificationId);
    return;
  }
  // Due / missed: [Open & fill, Mark published].
  if (button === 0) await openAndFill(postId);
  if (button === 1) await handlers['post.markPublished']({ id: postId });
  await api.notifications.clear(notificationId);
}

export async function onNotificationClick(notificationId) {
  const { kind, postId } = parseId(notificationId);
  // An information (saved, could not fill): nothing more to show than the notification itself.
  if (kind === 'info') {
    await api.notifications.clear(notificationId);
    return;
  }
  if (!postId) return;
  await api.tabs.create({ url: api.runtime.getURL(`reminder/reminder.html#id=${enc(postId)}`) });
  await api.notifications.clear(notificationId);
}
