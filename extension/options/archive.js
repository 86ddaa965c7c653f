// The archive: what went out (published, expired) and what was put away.
// A published post can be archived, any can be reused as a new draft.
import { call } from '../shared/rpc.js';
import { action, createListView } from './listview.js';
import { newId, planTime } from './lib/store.js';

const newestFirst = (a, b) => (planTime(b) ?? b.updatedAt) - (planTime(a) ?? a.updatedAt) || a.id.localeCompare(b.id);

/** A fresh draft with the same text, networks and project. */
function reuse(post) {
  const now = Date.now();
  const copy = {
    id: newId('post'), projectId: post.projectId, text: post.text, variants: { ...(post.variants ?? {}) },
    networks: [...(post.networks ?? [])], links: [...(post.links ?? [])], media: [...(post.media ?? [])], tags: [...(post.tags ?? [])],
    status: 'draft', createdAt: now, updatedAt: now, revision: 0,
  };
  return call('post.save', { post: copy });
}

export function initArchive(section, openEditor) {
  return createListView(section, {
    prefix: 'archive',
    statuses: [
      ['all', 'dashFilterAll', ['published', 'expired', 'archived']],
      ['published', 'dashStatus_published', ['published']],
      ['expired', 'dashStatus_expired', ['expired']],
      ['archived', 'dashStatus_archived', ['archived']],
    ],
    sort: newestFirst,
    emptyKey: 'dashArchiveEmpty',
    open: (post) => openEditor(post),
    actions: (post) => [
      post.status !== 'archived'
        ? action('archive-archive', 'dashArchiveAction',
          () => call('post.save', { post: { ...post, status: 'archived', updatedAt: Date.now() }, baseRevision: post.revision ?? 0 }), { done: 'dashArchived' })
        : null,
      action('archive-reuse', 'dashReuse', () => reuse(post), { done: 'dashReused' }),
      action('archive-delete', 'dashDelete', () => call('post.delete', { id: post.id, baseRevision: post.revision ?? 0 }),
        { class: 'danger', confirm: 'dashConfirmDelete', done: 'dashDeleted' }),
    ],
  });
}
