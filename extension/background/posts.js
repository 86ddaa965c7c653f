// Applying the core's post patches (the rules that make them live in the core:
// src/schedule/lifecycle.rs, reminders.rs, patch.rs).

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
