// Writes from the panel, each through the worker (shown as done only once
// acknowledged, i.e. on disk), each with the way back for Undo.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { currentDraft, isDirty, loadPost } from './header.js';
import { state } from './ui.js';

export function explain(err) {
  if (err.variant === 'Conflict') return t('errorConflict');
  if (err.variant === 'QuotaExceeded') return t('errorQuota');
  if (err.variant === 'Unavailable') return t('errorWorker');
  return t('errorGeneric', err.message);
}

/** The post as it would be stored now (unsaved edits applied), without writing. */
export function draftPost({ asNew = false, thread } = {}) {
  const { text, variants } = currentDraft();
  const base = asNew ? null : state.post;
  const now = Date.now();
  const post = base
    ? { ...base, text, variants }
    : { id: crypto.randomUUID(), projectId: state.projectId, text, variants, networks: [state.network], status: 'draft', createdAt: now, updatedAt: now, revision: 0 };
  if (asNew) delete post.thread;
  if (state.projectId) post.projectId = state.projectId;
  if (!post.networks?.includes(state.network)) post.networks = [...(post.networks ?? []), state.network];
  if (thread) post.thread = thread;
  return post;
}

/**
 * Store the draft: the held post (updated) or, `asNew`, a new draft with the
 * same text. Unchanged posts are not written again. Returns the stored post.
 */
export async function save({ asNew = false, thread } = {}) {
  const base = asNew ? null : state.post;
  if (base && !isDirty() && !thread && base.projectId === (state.projectId ?? base.projectId) && base.networks?.includes(state.network)) return base;
  const post = draftPost({ asNew, thread });
  const saved = await call('post.save', { post, baseRevision: base ? base.revision : 0 });
  loadPost(saved, { keepText: true });
  return saved;
}

/**
 * Undo a write: `before` is the stored post before it (null: the write
 * created it), `after` the post as the write left it.
 */
export async function revert(before, after) {
  const current = (await call('post.get', { id: after.id })) ?? null;
  if (!before) {
    if (current) await call('post.delete', { id: current.id, baseRevision: current.revision });
    if (state.post?.id === after.id) loadPost(null, { keepText: true });
    return null;
  }
  const { revision: _r, updatedAt: _u, ...content } = before;
  const restored = await call('post.save', { post: content, baseRevision: current ? current.revision : 0 });
  // Text typed since the action stays: Undo restores the record, never erases typing.
  if (state.post?.id === after.id || !state.post) loadPost(restored, { keepText: isDirty() });
  return restored;
}
