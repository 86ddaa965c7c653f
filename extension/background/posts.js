// Small pure helpers on post records shared by the worker modules.

/** Apply a core PostPatch (`{postId, field: value|null}`; null clears the field). */
export function applyPatch(post, patch) {
  const out = { ...post };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'postId') continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

// Sites trim and normalise what they post; compare texts the same way.
const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The post that was just published on `network` with `text`: a scheduled,
 * missed or draft post for that network whose text (or variant) matches.
 * Scheduled first, earliest first, so the right queue item is closed.
 */
export function findPublished(posts, network, text) {
  const want = norm(text);
  if (!want) return null;
  const rank = { scheduled: 0, missed: 1, draft: 2 };
  return (
    posts
      .filter((p) => p.status in rank && (!p.networks?.length || p.networks.includes(network)))
      // A thread counts as published once its first part went out.
      .filter((p) => norm(p.variants?.[network] ?? p.text) === want || (p.thread?.network === network && norm(p.thread.parts[0] ?? '') === want))
      .sort((a, b) => rank[a.status] - rank[b.status] || (a.scheduledAt ?? Infinity) - (b.scheduledAt ?? Infinity))[0] ?? null
  );
}

/**
 * The count options a thread was split with, from the limit it recorded: the rules variant with that
 * limit (X Premium's 25,000 is `xPremium`), else a Mastodon instance's own (`instanceLimit`).
 */
function threadOptions(core, network, limit) {
  if (!(Number.isInteger(limit) && limit > 0)) return null;
  const rule = core.networkRules().find((r) => r.id === network);
  const variant = rule?.variants.find((v) => v.limit === limit && !v.isDefault);
  if (variant) return { [variant.option]: variant.value === 'true' ? true : variant.value };
  return rule?.configurableLimit ? { instanceLimit: limit } : null;
}

/**
 * Keep a thread post's parts in step with its text: whoever edited the text
 * (panel, dashboard, import), the stored parts are the core's split of it.
 * A text that fits in one part is no longer a thread.
 */
export function withThread(core, post) {
  if (!post.thread) return post;
  const { network, limit } = post.thread;
  const text = post.variants?.[network] ?? post.text;
  // A thread split at a limit of its own (a Mastodon instance's, X Premium's) keeps that limit.
  const options = threadOptions(core, network, limit);
  let parts = [];
  try {
    parts = core.splitThread(text, network, options).map((p) => p.text);
  } catch {
    parts = [];
  }
  const out = { ...post };
  if (parts.length > 1) out.thread = { network, parts, ...(options ? { limit } : {}) };
  else delete out.thread;
  return out;
}
