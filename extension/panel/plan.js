// Add to queue and Schedule at…: every question is asked before anything is
// written (over the limit? moving a queued post? a rule refuses the time?),
// so a refusal never leaves a half-done change behind a stale "Saved".
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { isDirty, isPlanned, renderHeader, showTime } from './header.js';
import { draftPost, explain, revert, save } from './store.js';
import { $, ask, countOptions, editorRef as editor, fmt, hideToast, networkLabel, state, toast } from './ui.js';
import { threadParts } from './meters.js';
import { refusalText } from './measures.js';

/** Over the network's limit: queue as a thread, as is, or not at all. Resolves to { thread } | {} | null. */
async function overLimit(verb) {
  if (!state.count?.over || state.post?.thread?.network === state.network) return {};
  const parts = threadParts(editor.value);
  const choices = [{ id: 'as-is', label: t(`${verb}AsIs`) }];
  if (parts.length > 1) choices.unshift({ id: 'thread', label: t(`${verb}AsThread`, parts.length), primary: true });
  const answer = await ask(refusalText('ask', state.count), choices, { testid: 'over-limit' });
  // Split at the limit the count used when options chose it (a Mastodon instance's, X Premium's): the worker re-splits with it too.
  const limit = countOptions() ? state.count.limit : undefined;
  if (answer === 'thread') return { thread: { network: state.network, parts: parts.map((p) => p.text), ...(limit ? { limit } : {}) } };
  return answer === 'as-is' ? {} : null;
}

/**
 * The held post is already queued or out: say what the action does to it.
 * Resolves to 'move' (change this post), 'new' (leave it, make a new one) or null.
 */
async function whichPost(atText) {
  if (!isPlanned()) return 'move';
  const p = state.post;
  const when = p.scheduledAt ? fmt(p.scheduledAt) : '';
  if (p.status === 'scheduled' || p.status === 'missed') {
    const edited = isDirty() ? ` ${t('askAlsoEdited')}` : '';
    return ask(`${t('askMoveQueued', when, atText)}${edited}`, [
      { id: 'move', label: t('moveIt'), primary: true },
      { id: 'new', label: t('keepItScheduleNew') },
    ], { testid: 'move' });
  }
  // Published or archived: it went out already; only a new post can be planned.
  const answer = await ask(t('askPlanPublished'), [{ id: 'new', label: t('scheduleNewCopy'), primary: true }], { testid: 'move' });
  return answer;
}

/** A rule refuses `at`: list why, offer the next allowed time and, for rules, "schedule anyway". */
async function resolveConflicts(post, at) {
  const check = await call('schedule.check', { post, at });
  if (!check.conflicts.length) return { at, anyway: false };
  const lines = check.conflicts.map((c) => ({ kind: c.kind, text: conflictText(c) }));
  const choices = [];
  if (check.nextAllowedMs) choices.push({ id: 'next', label: t('takeNextAllowed', fmt(check.nextAllowedMs)), primary: true });
  if (check.overridable) choices.push({ id: 'anyway', label: t('scheduleAnyway') });
  const answer = await ask(t('ruleRefuses', fmt(at)), choices, { lines, testid: 'conflicts' });
  if (answer === 'next') return { at: check.nextAllowedMs, anyway: false };
  if (answer === 'anyway') return { at, anyway: true };
  return null;
}

const minutes = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function conflictText(c) {
  switch (c.kind) {
    case 'minGap':
      return t('conflictMinGap', networkLabel(c.network), c.gapMinutes, c.requiredMinutes, fmt(c.otherAtMs));
    case 'maxPerDay':
      return t('conflictMaxPerDay', networkLabel(c.network), c.max, c.day);
    case 'quietHours':
      return t('conflictQuietHours', networkLabel(c.network), c.localTime, minutes(c.start), minutes(c.end));
    case 'inPast':
      return t('conflict_inPast');
    case 'afterExpiry':
      return t('conflictAfterExpiry', fmt(c.expiresAtMs));
    default:
      return c.kind;
  }
}

/** Save (as the user chose) and schedule; the toast offers Undo back to the state before. */
async function commit({ target, thread, at, anyway, queue }) {
  const before = target === 'new' ? null : state.post;
  const saved = await save({ asNew: target === 'new', thread });
  let placed;
  try {
    placed = queue
      ? await call('queue.add', { id: saved.id, baseRevision: saved.revision })
      : await call('post.schedule', { id: saved.id, at, baseRevision: saved.revision, ...(anyway ? { anyway: true } : {}) });
  } catch (err) {
    // The draft is stored, the schedule is not: say exactly that.
    renderHeader();
    throw Object.assign(err, { savedAsDraft: saved.status === 'draft' });
  }
  state.post = placed;
  showTime(placed);
  renderHeader();
  const label = queue ? 'queuedNet' : before?.status === 'scheduled' ? 'movedNet' : anyway ? 'scheduledAnywayNet' : 'scheduledNet';
  toast(t(label, fmt(placed.scheduledAt), networkLabel(state.network)), {
    action: { label: t('undo'), testid: 'undo', run: () => undoTo(before, placed) },
  });
}

async function undoTo(before, after) {
  try {
    await revert(before, after);
    toast(t('undone'));
  } catch (err) {
    toast(explain(err), { kind: 'error' });
  }
}

function failed(err) {
  const extra = err.savedAsDraft ? ` ${t('keptAsDraft')}` : '';
  toast(`${explain(err)}${extra}`, { kind: 'error' });
}

export async function addToQueue() {
  hideToast();
  const limit = await overLimit('queue');
  if (!limit) return;
  const preview = await call('queue.preview', { post: draftPost({ thread: limit.thread }) });
  let target = 'move';
  if (isPlanned()) {
    target = await whichPost(fmt(preview.at));
    if (!target) return;
  } else if ((await ask(t('queueConfirm', fmt(preview.at)), [{ id: 'yes', label: t('addToQueue'), primary: true }], { testid: 'queue' })) !== 'yes') {
    return;
  }
  try {
    await commit({ target, thread: limit.thread, queue: true });
  } catch (err) {
    failed(err);
  }
}

export async function scheduleAt() {
  hideToast();
  const input = $('schedule-time');
  if (!input.value) {
    toast(t('pickTimeFirst'), { kind: 'warn' });
    input.focus();
    return;
  }
  const at = new Date(input.value).getTime();
  const limit = await overLimit('schedule');
  if (!limit) return;
  const target = await whichPost(fmt(at));
  if (!target) return;
  const post = draftPost({ asNew: target === 'new', thread: limit.thread });
  const decided = await resolveConflicts(post, at);
  if (!decided) return;
  try {
    await commit({ target, thread: limit.thread, at: decided.at, anyway: decided.anyway, queue: false });
  } catch (err) {
    failed(err);
  }
}
