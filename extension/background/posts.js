// Small helpers on post records for the worker modules: applying the core's
// patches (the rules live in the core: src/schedule/lifecycle.rs,
// reminders.rs, patch.rs) and keeping a thread's parts in step with its text.

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
