// Which post the panel holds, said out loud: "New draft", "Draft · saved",
// "Queued · X · Thu, 4 Dec, 09:00", plus "edited, not saved" once the text
// differs from the stored one. Nothing is written behind the user's back:
// every write names the post it changes (actions.js asks when a queued post
// would change).
import { t } from '../shared/api.js';
import { $, editorRef as editor, fmtShort as fmt, networkLabel, state, storedText } from './ui.js';

/** The draft as it would be stored: the base text, or the network's variant when editing one. */
export function currentDraft() {
  const text = editor.value;
  const base = state.post ?? { text: '', variants: {} };
  if ($('variant-toggle').checked) return { text: base.text || text, variants: { ...base.variants, [state.network]: text } };
  return { text, variants: { ...(base.variants ?? {}) } };
}

/** The editor differs from what is stored (for a new draft: it holds any text). */
export function isDirty() {
  if (!state.post) return editor.value.trim() !== '';
  const d = currentDraft();
  return d.text !== state.post.text || JSON.stringify(d.variants) !== JSON.stringify(state.post.variants ?? {});
}

/** Queued, scheduled, missed or published: a change to it is never silent. */
export function isPlanned(post = state.post) {
  return !!post && post.status !== 'draft';
}

function describe(post) {
  if (!post) return t('postNew');
  const net = networkLabel(post.thread?.network ?? post.networks?.[0] ?? state.network);
  const parts = post.thread ? ` · ${t('postThreadParts', post.thread.parts.length)}` : '';
  switch (post.status) {
    case 'scheduled':
      return `${t('postQueued')} · ${net} · ${fmt(post.scheduledAt)}${parts}`;
    case 'missed':
      return `${t('postMissed')} · ${net} · ${fmt(post.scheduledAt)}${parts}`;
    case 'published':
    case 'expired':
      return `${t('postPublished')} · ${net}${post.publishedAt ? ` · ${fmt(post.publishedAt)}` : ''}`;
    case 'archived':
      return `${t('postArchived')} · ${net}`;
    default:
      return `${t('postDraft')}${parts}`;
  }
}

export function renderHeader() {
  const post = state.post;
  const head = $('post-header');
  head.dataset.status = post?.status ?? 'new';
  head.dataset.postId = post?.id ?? '';
  $('post-state').textContent = describe(post);
  $('post-state').title = post?.ruleOverride ? t('postOverrideNote', post.ruleOverride.rules.map((k) => t(`ruleName_${k}`)).join(', ')) : '';
  const dirty = isDirty();
  head.dataset.dirty = String(dirty);
  // A queued post edited in the panel says so in red: Save will ask before changing it.
  $('post-dirty').textContent = !dirty ? '' : isPlanned(post) ? t('postEditedPlanned') : post ? t('postEdited') : '';
  $('post-dirty').classList.toggle('warn', dirty && isPlanned(post));
  $('post-dirty').title = dirty && isPlanned(post) ? t('postEditedPlannedNote') : '';
  $('delete-post').hidden = !post;
  $('schedule-at').textContent = post?.status === 'scheduled' ? t('moveTo') : t('scheduleAt');
}

/** The date-time field shows the held post's time (or stays empty for a new draft). */
export function showTime(post) {
  const input = $('schedule-time');
  if (!post?.scheduledAt || post.status !== 'scheduled') {
    if (!post) input.value = '';
    return;
  }
  const d = new Date(post.scheduledAt);
  const p = (n) => String(n).padStart(2, '0');
  input.value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Hold `post` (or nothing, for a new draft) and show its text for the current network. */
export function loadPost(post, { keepText = false } = {}) {
  state.post = post;
  showTime(post);
  const variant = post?.variants?.[state.network];
  $('variant-toggle').checked = variant !== undefined;
  if (!keepText) editor.value = post ? storedText(post) : '';
  renderHeader();
}
