// Panel actions: insert (whole or one thread part), copy, save, new draft,
// delete, and the keyboard. Every write goes through the worker and is
// shown as done only once acknowledged (i.e. storage.local has it); every
// action ends in a toast that says what happened.
import { api, t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { isDirty, isPlanned, loadPost } from './header.js';
import { addToQueue, scheduleAt } from './plan.js';
import { explain, revert, save } from './store.js';
import { threadParts } from './meters.js';
import { $, ask, cancelAsk, countOptions, editorRef as editor, fmt, networkLabel, state, toContent, toast } from './ui.js';
import { refusalText } from './measures.js';

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs focus and the iframe's permission; a selection copy works without.
    const ta = $('draft-input');
    const [start, end] = [ta.selectionStart, ta.selectionEnd];
    ta.select();
    const ok = document.execCommand('copy');
    ta.setSelectionRange(start, end);
    return ok;
  }
}

const copyAction = (text) => ({
  label: t('copyText'),
  testid: 'toast-copy',
  run: async () => {
    const ok = await copyText(text);
    toast(ok ? t('copiedPaste') : t('copyFailed'), { kind: ok ? 'ok' : 'error' });
  },
});

/**
 * What went wrong, from the adapter's stable reason code (docs/ADAPTERS.md):
 * `fillReason_<code>` says what to do (open the composer, the chat, paste by hand).
 */
function failureText(reason) {
  const known = /^[A-Za-z]+$/.test(reason ?? '') ? api.i18n.getMessage(`fillReason_${reason}`) : '';
  return known || t('insertNotTaken');
}

/**
 * Write `text` into the site's composer and say what really happened: the
 * adapter reports ok only after reading the editor back; the content script
 * adds whether the site's Post control accepts it now.
 */
async function insertText(text, { part = null } = {}) {
  // The composer will echo what we insert: a part must not replace the whole draft in the panel.
  state.lastInserted = text;
  if (part) state.pageSyncPaused = true;
  const res = await toContent({ type: 'composer.insert', text, replace: true });
  if (!res) return toast(t('insertNoPage'), { kind: 'error', action: copyAction(text) });
  if (!res.ok) {
    return toast(failureText(res.reason), { kind: 'error', action: copyAction(text) });
  }
  const count = state.core.countText(text, state.network, countOptions());
  if (count.over) {
    const parts = threadParts(text);
    return toast(refusalText('inserted', count), {
      kind: 'warn',
      action: parts.length > 1 ? { label: t('insertPart', 1), testid: 'toast-insert-part', run: () => insertText(parts[0].text, { part: parts[0] }) } : null,
    });
  }
  if (res.postEnabled === false) return toast(t('insertedButDisabled', networkLabel(state.network)), { kind: 'warn', action: copyAction(text) });
  const done = part ? t('insertedPart', part.index, part.total) : t('inserted');
  return toast(res.opened ? `${t('openedComposer')} ${done}` : done);
}

/** Save: a queued or published post is never changed without asking. */
async function saveDraft() {
  if (!editor.value.trim() && !state.post) return toast(t('nothingToSave'), { kind: 'warn' });
  if (state.post && !isDirty()) return toast(t('nothingChanged'));
  let asNew = false;
  if (isPlanned() && isDirty()) {
    const p = state.post;
    const when = p.scheduledAt ? fmt(p.scheduledAt) : '';
    const text = p.status === 'published' ? t('askUpdatePublished') : t('askUpdateQueued', when);
    const answer = await ask(text, [
      { id: 'update', label: p.status === 'published' ? t('updateRecord') : t('updateQueued'), primary: true },
      { id: 'new', label: t('saveAsNewDraft') },
    ], { testid: 'update-or-new' });
    if (!answer) return;
    asNew = answer === 'new';
  }
  const before = asNew ? null : state.post;
  const saved = await save({ asNew });
  const msg = asNew ? t('savedAsNew') : before && isPlanned(before) ? t('updatedPlanned') : t('savedDraft');
  toast(msg);
  return saved;
}

/** Ctrl+Alt+N: let go of the held post; unsaved text is saved or dropped only when the user says so. */
async function newDraft() {
  if (isDirty() && editor.value.trim()) {
    const answer = await ask(t('askNewDraft'), [
      { id: 'save', label: t('saveAndNew'), primary: true },
      { id: 'discard', label: t('discardAndNew') },
    ], { testid: 'new-draft' });
    if (!answer) return;
    if (answer === 'save') await saveDraft();
  }
  loadPost(null);
  $('schedule-time').value = '';
  editor.textarea.focus();
  editor.textarea.dispatchEvent(new Event('input')); // the page's composer follows the panel
  toast(t('newDraftStarted'));
}

async function deletePost() {
  const before = state.post;
  if (!before) return;
  await call('post.delete', { id: before.id, baseRevision: before.revision });
  // The text stays in the panel as a new draft: deleting the record never erases what is on screen.
  loadPost(null, { keepText: true });
  toast(t('deleted'), {
    action: {
      label: t('undo'),
      testid: 'undo',
      run: async () => {
        const restored = await revert(before, { id: before.id });
        toast(restored ? t('undone') : t('errorGeneric', 'undo'));
      },
    },
  });
}

/** Open a stored post (a uniqueness match) in the panel, asking first when the current text is unsaved. */
export async function openPost(id) {
  if (isDirty() && editor.value.trim()) {
    const answer = await ask(t('askOpenOther'), [
      { id: 'save', label: t('saveAndOpen'), primary: true },
      { id: 'discard', label: t('discardAndOpen') },
    ], { testid: 'open-other' });
    if (!answer) return;
    if (answer === 'save') await saveDraft();
  }
  const post = await call('post.get', { id });
  if (!post) return toast(t('postGone'), { kind: 'error' });
  loadPost(post);
  editor.textarea.dispatchEvent(new Event('input'));
  toast(t('opened'));
}

export const insertPart = (p) => guard(() => insertText(p.text, { part: p }))();

function guard(fn) {
  return async () => {
    if (!state.ready) return;
    try {
      await fn();
    } catch (err) {
      toast(explain(err), { kind: 'error' });
    } finally {
      // Counts, thread preview and uniqueness follow the post the action left the panel holding.
      document.dispatchEvent(new Event('glider:changed'));
    }
  };
}

export function wireActions() {
  const insert = guard(() => insertText(editor.value));
  const saveIt = guard(saveDraft);
  const fresh = guard(newDraft);
  $('insert').addEventListener('click', insert);
  $('copy').addEventListener('click', guard(async () => {
    const ok = await copyText(editor.value);
    toast(ok ? t('copied') : t('copyFailed'), { kind: ok ? 'ok' : 'error' });
  }));
  $('save-draft').addEventListener('click', saveIt);
  $('new-draft').addEventListener('click', fresh);
  $('delete-post').addEventListener('click', guard(deletePost));
  $('add-to-queue').addEventListener('click', guard(addToQueue));
  $('schedule-at').addEventListener('click', guard(scheduleAt));

  // Keyboard: Ctrl/Cmd+Enter inserts, Ctrl/Cmd+S saves, Ctrl+Alt+N starts a new draft,
  // Escape closes a question first, then collapses the panel.
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      insert();
    } else if (mod && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      saveIt();
    } else if (e.ctrlKey && e.altKey && e.code === 'KeyN') {
      e.preventDefault();
      fresh();
    } else if (e.key === 'Escape') {
      if (!cancelAsk()) toContent({ type: 'panel.toggle', open: false });
    }
  });
}
