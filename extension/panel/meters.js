// The uniqueness meter with its closest matches, and the thread preview.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { $ } from './ui.js';

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

/**
 * Ask the worker how unique `text` is against the archive, queue, drafts and
 * the posts visible on the page. Returns `{ percent, fragments }` for highlighting.
 */
export async function renderUniqueness(text, excludeId, pagePosts) {
  const meter = $('uniqueness');
  const list = $('matches');
  if (!text.trim()) {
    meter.textContent = t('uniquenessNone');
    delete meter.dataset.percent;
    list.replaceChildren();
    return { percent: null, fragments: [] };
  }
  const res = await call('uniqueness.check', { text, ...(excludeId ? { excludeId } : {}), pagePosts });
  const percent = Math.round(res.uniquenessPercent * 10) / 10;
  meter.textContent = t('uniqueness', percent);
  meter.dataset.percent = String(percent);
  meter.classList.toggle('low', percent < LOW_UNIQUENESS);
  const items = [];
  for (const m of res.matches.slice(0, 5)) {
    const li = document.createElement('li');
    li.dataset.testid = 'match';
    li.dataset.kind = m.kind;
    li.textContent = t('matchLine', t(`kind_${m.kind}`), Math.round(m.containment * 100), Math.round(m.jaccard * 100));
    const frags = document.createElement('ul');
    for (const f of m.fragments.slice(0, 3)) frags.append(fragmentNode(text, f));
    li.append(frags);
    items.push(li);
  }
  list.replaceChildren(...items);
  // Every non-unique range, whichever document it came from, for highlighting.
  return { percent, fragments: res.fragments };
}

/** Show how the text would be split into a thread when it is over the limit. */
export function renderThread(core, text, network, over, options = null) {
  const box = $('thread-preview');
  box.hidden = !over;
  if (!over) return;
  let parts = [];
  try {
    parts = core.splitThread(text, network, options);
  } catch {
    parts = [];
  }
  $('thread-summary').textContent = t('threadParts', parts.length);
  $('thread-parts').replaceChildren(
    ...parts.map((p) => {
      const li = document.createElement('li');
      li.textContent = typeof p === 'string' ? p : p.text;
      return li;
    }),
  );
}
