// Panel actions: insert, copy, save draft, add to queue, schedule at.
// Every write goes through the worker and is shown as done only once the
// worker acknowledged it (i.e. storage.local has it).
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { $, state, toast, toContent, editorRef as editor } from './ui.js';

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs focus and the iframe's permission; a selection copy works without.
    $('draft-input').select();
    return document.execCommand('copy');
  }
}

function explain(err) {
  if (err.variant === 'Conflict') return t('errorConflict');
  if (err.variant === 'QuotaExceeded') return t('errorQuota');
  return t('errorGeneric', err.message);
}

/** Save the draft (creating it on first save); returns the stored post. */
async function save(currentDraft, loadPost) {
  const { text, variants } = currentDraft();
  const base = state.post;
  // Unchanged since the last save: don't write (and bump the revision) again.
  const same =
    base &&
    base.text === text &&
    JSON.stringify(base.variants ?? {}) === JSON.stringify(variants) &&
    (!state.projectId || base.projectId === state.projectId) &&
    base.networks?.includes(state.network);
  if (same) return base;
  const post = base
    ? { ...base, text, variants }
    : { id: crypto.randomUUID(), projectId: state.projectId, text, variants, networks: [state.network], status: 'draft', createdAt: Date.now(), updatedAt: Date.now(), revision: 0 };
  if (base && state.projectId) post.projectId = state.projectId;
  if (!post.networks?.includes(state.network)) post.networks = [...(post.networks ?? []), state.network];
  const saved = await call('post.save', { post, baseRevision: base ? base.revision : 0 });
  loadPost(saved);
  return saved;
}

function confirmBox(text) {
  return new Promise((resolve) => {
    $('confirm-text').textContent = text;
    $('confirm').hidden = false;
    const done = (answer) => {
      $('confirm').hidden = true;
      $('confirm-yes').onclick = $('confirm-no').onclick = null;
      resolve(answer);
    };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    $('confirm-yes').focus();
  });
}

function showConflicts(conflicts = []) {
  $('conflicts').replaceChildren(
    ...conflicts.map((c) => {
      const li = document.createElement('li');
      li.dataset.kind = c.kind;
      li.textContent = t(`conflict_${c.kind}`, ...(c.args ?? [])) || c.kind;
      return li;
    }),
  );
}

const fmt = (ms) => new Date(ms).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function wireActions({ currentDraft, loadPost }) {
  const guard = (fn) => async () => {
    try {
      await fn();
    } catch (err) {
      if (err.variant === 'RuleConflict') showConflicts(err.details ?? []);
      toast(explain(err), true);
    }
  };

  const insert = guard(async () => {
    const text = editor.value;
    const res = await toContent({ type: 'composer.insert', text, replace: true });
    if (res?.ok) return toast(t('inserted'));
    await copyText(text);
    toast(t('insertFailedCopied'), true);
  });
  const saveDraft = guard(async () => {
    await save(currentDraft, loadPost);
    toast(t('saved'));
  });

  $('insert').addEventListener('click', insert);
  $('copy').addEventListener('click', guard(async () => toast((await copyText(editor.value)) ? t('copied') : t('errorGeneric', 'clipboard'))));
  $('save-draft').addEventListener('click', saveDraft);

  $('add-to-queue').addEventListener('click', guard(async () => {
    showConflicts();
    const { text, variants } = currentDraft();
    const preview = await call('queue.preview', { post: { ...(state.post ?? {}), projectId: state.projectId, text, variants, networks: [state.network] } });
    if (!(await confirmBox(t('queueConfirm', fmt(preview.at))))) return;
    const saved = await save(currentDraft, loadPost);
    loadPost(await call('queue.add', { id: saved.id, baseRevision: saved.revision }));
    toast(t('queued', fmt(state.post.scheduledAt)));
  }));

  $('schedule-at').addEventListener('click', guard(async () => {
    showConflicts();
    const value = $('schedule-time').value;
    if (!value) return $('schedule-time').focus();
    const at = new Date(value).getTime();
    const saved = await save(currentDraft, loadPost);
    loadPost(await call('post.schedule', { id: saved.id, at, baseRevision: saved.revision }));
    toast(t('scheduled', fmt(at)));
  }));

  // Keyboard: Ctrl/Cmd+Enter inserts, Ctrl/Cmd+S saves, Escape collapses the panel.
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      insert();
    } else if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      saveDraft();
    } else if (e.key === 'Escape') {
      toContent({ type: 'panel.toggle', open: false });
    }
  });
}
