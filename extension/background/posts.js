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
 * Keep a thread post's parts in step with its text: whoever edited the text
 * (panel, dashboard, import), the stored parts are the core's split of it.
 * A text that fits in one part is no longer a thread.
 */
export function withThread(core, post) {
  if (!post.thread) return post;
  const { network, limit } = post.thread;
  const text = post.variants?.[network] ?? post.text;
  // A thread split at a site's own limit (a Mastodon instance's) keeps that limit.
  const options = Number.isInteger(limit) && limit > 0 ? { instanceLimit: limit } : null;
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
