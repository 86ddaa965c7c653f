// The uniqueness headline with its matches on demand, and the thread
// preview: each part in full with its own count and "Insert part N".
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { $, countOptions, fmt, networkLabel, state } from './ui.js';

// Below this share of unique shingles the meter turns red: networks bury
// or refuse near-duplicates, and clients expect 90–100%.
const LOW_UNIQUENESS = 90;

function fragmentNode(text, { start, end }) {
  const li = document.createElement('li');
  const from = Math.max(0, start - 20);
  const to = Math.min(text.length, end + 20);
  const mark = document.createElement('mark');
  mark.textContent = text.slice(start, end);
  li.append(from > 0 ? '…' : '', text.slice(from, start), mark, text.slice(end, to), to < text.length ? '…' : '');
  return li;
}

/** "Queued · X · Thu, 4 Dec, 09:00", "Published · …", "On this page". */
function whereIs(m) {
  if (m.kind === 'page') return t('matchOnPage');
  const net = m.networks?.length ? ` · ${m.networks.map(networkLabel).join(', ')}` : '';
  const when = m.at ? ` · ${fmt(m.at)}` : '';
  return `${t(`matchStatus_${m.status ?? 'draft'}`)}${net}${when}`;
}

function matchNode(text, m, onOpen) {
  const li = document.createElement('li');
  li.dataset.testid = 'match';
  li.dataset.kind = m.kind;
  li.dataset.id = m.id;
  const head = document.createElement('div');
  head.className = 'match-head';
  const where = document.createElement('span');
  where.className = 'match-where';
  where.textContent = `${whereIs(m)} · ${t('matchShare', Math.round(m.containment * 100))}`;
  head.append(where);
  if (m.kind !== 'page') {
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link';
    open.dataset.testid = 'match-open';
    open.textContent = t('open');
    open.addEventListener('click', () => onOpen(m.id));
    head.append(open);
  }
  const title = document.createElement('q');
  title.className = 'match-title';
  title.textContent = m.title || '…';
  const frags = document.createElement('ul');
  for (const f of m.fragments.slice(0, 3)) frags.append(fragmentNode(text, f));
  li.append(head, title, frags);
  return li;
}

/**
 * Ask the worker how unique `text` is against the archive, queue, drafts and
 * the posts visible on the page, never counting the held post (nor, once it
 * is out, its copy on the page). Returns `{ percent, fragments }`.
 */
export async function renderUniqueness(text, excludeId, pagePosts, onOpen) {
  const meter = $('uniqueness');
  const list = $('matches');
  if (!text.trim()) {
    meter.textContent = t('uniquenessNone');
    delete meter.dataset.percent;
    meter.classList.remove('low');
    meter.disabled = true;
    list.replaceChildren();
    return { percent: null, fragments: [] };
  }
  const res = await call('uniqueness.check', { text, ...(excludeId ? { excludeId } : {}), pagePosts });
  const percent = Math.round(res.uniquenessPercent * 10) / 10;
  meter.textContent = t('uniqueness', percent);
  meter.dataset.percent = String(percent);
  meter.dataset.matches = String(res.matches.length);
  meter.classList.toggle('low', percent < LOW_UNIQUENESS);
  meter.disabled = res.matches.length === 0;
  meter.title = res.matches.length ? t('uniquenessDetails', res.matches.length) : '';
  list.replaceChildren(...res.matches.slice(0, 5).map((m) => matchNode(text, m, onOpen)));
  if (!res.matches.length) setDetails(false);
  // Every non-unique range, whichever document it came from, for highlighting.
  return { percent, fragments: res.fragments };
}

/** Details on demand: the matches list under the headline. */
export function setDetails(open) {
  $('uniqueness').setAttribute('aria-expanded', String(open));
  $('matches-box').hidden = !open;
}

/** The thread the core would make of `text` on the current network ([] when it fails). */
export function threadParts(text) {
  try {
    return state.core.splitThread(text, state.network, countOptions());
  } catch {
    return [];
  }
}

/** One line when the text is over the limit ("Thread of 3 parts ▸"); the parts in full on demand. */
export function renderThread(text, over, onInsertPart) {
  const line = $('thread-toggle');
  const isThread = state.post?.thread?.network === state.network;
  if (!over) {
    line.hidden = true;
    $('thread-box').hidden = true;
    $('thread-parts').replaceChildren();
    return;
  }
  const parts = threadParts(text);
  line.hidden = false;
  line.textContent = t(isThread ? 'threadKept' : 'threadParts', parts.length);
  $('thread-parts').replaceChildren(
    ...parts.map((p) => {
      const li = document.createElement('li');
      li.dataset.testid = 'thread-part';
      const head = document.createElement('div');
      head.className = 'part-head';
      const count = state.core.countText(p.text, state.network, countOptions());
      const label = document.createElement('span');
      label.dataset.testid = 'part-count';
      label.textContent = t('partCount', p.index, p.total, t('counterOf', count.count, count.limit ?? '∞'));
      label.classList.toggle('over', count.over);
      const insert = document.createElement('button');
      insert.type = 'button';
      insert.className = 'link';
      insert.dataset.testid = `insert-part-${p.index}`;
      insert.textContent = t('insertPart', p.index);
      insert.addEventListener('click', () => onInsertPart(p));
      head.append(label, insert);
      const body = document.createElement('p');
      body.className = 'part-text';
      body.textContent = p.text;
      li.append(head, body);
      return li;
    }),
  );
}
