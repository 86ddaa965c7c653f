// Drafts: unscheduled posts, newest edit first; write a new one, edit, add
// to the queue (next free slot), delete.
import { call } from '../shared/rpc.js';
import { action, createListView } from './listview.js';
import { el } from './lib/dom.js';

export function initDrafts(section, openEditor) {
  return createListView(section, {
    prefix: 'drafts',
    statuses: [['draft', 'dashStatus_draft', ['draft']]],
    sort: (a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id),
    emptyKey: 'dashDraftsEmpty',
    open: (post) => openEditor(post),
    top: () => [el('button', { type: 'button', testid: 'draft-new', class: 'primary', i18n: 'dashNewDraft', onclick: () => openEditor(null) })],
    actions: (post) => [
      action('draft-edit', 'dashEdit', async () => openEditor(post)),
      action('draft-queue', 'addToQueue', () => call('queue.add', { id: post.id, baseRevision: post.revision ?? 0 }), { done: 'dashQueued' }),
      action('draft-delete', 'dashDelete', () => call('post.delete', { id: post.id, baseRevision: post.revision ?? 0 }),
        { class: 'danger', confirm: 'dashConfirmDelete', done: 'dashDeleted' }),
    ],
  });
}
