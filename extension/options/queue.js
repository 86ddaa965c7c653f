// The queue: what is planned (scheduled and missed by default), filterable
// by project, network, status, and searchable.
import { call } from '../shared/rpc.js';
import { action, createListView } from './listview.js';
import { el } from './lib/dom.js';
import { showError } from './lib/notify.js';
import { planTime } from './lib/store.js';
import { openRearrange } from './rearrange.js';

const byTime = (a, b) => (planTime(a) ?? Infinity) - (planTime(b) ?? Infinity) || a.id.localeCompare(b.id);

export function initQueue(section, openEditor) {
  return createListView(section, {
    prefix: 'queue',
    statuses: [
      ['active', 'dashFilterActive', ['scheduled', 'missed']],
      ['scheduled', 'dashStatus_scheduled', ['scheduled']],
      ['missed', 'dashStatus_missed', ['missed']],
      ['draft', 'dashStatus_draft', ['draft']],
      ['published', 'dashStatus_published', ['published']],
      ['expired', 'dashStatus_expired', ['expired']],
      ['archived', 'dashStatus_archived', ['archived']],
      ['all', 'dashFilterAll', ['draft', 'scheduled', 'published', 'missed', 'expired', 'archived']],
    ],
    sort: byTime,
    emptyKey: 'dashQueueEmpty',
    open: (post) => openEditor(post),
    top: () => [el('button', { type: 'button', testid: 'queue-rearrange', i18n: 'dashRearrangeButton', onclick: () => openRearrange(section.querySelector('[data-testid="queue-filter-project"]')?.value) })],
    actions: (post) => [
      action('queue-edit', 'dashEdit', async () => openEditor(post)),
      // Not awaited: the worker waits for the new tab's composer to take the text.
      action('queue-open-fill', 'dashOpenFillNow', async () => {
        call('reminder.openFill', { id: post.id }).catch(showError);
      }, { done: 'dashOpenedFill' }),
      post.status === 'scheduled' || post.status === 'missed'
        ? action('queue-mark-published', 'dashMarkPublished', () => call('post.markPublished', { id: post.id }), { done: 'dashMarkedPublished' })
        : null,
      action('queue-delete', 'dashDelete', () => call('post.delete', { id: post.id, baseRevision: post.revision ?? 0 }),
        { class: 'danger', confirm: 'dashConfirmDelete', done: 'dashDeleted' }),
    ],
  });
}
