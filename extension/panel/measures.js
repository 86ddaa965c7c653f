// The counter's companions (issue 18): the measures a network checks besides
// its main count — Threads' distinct links and the count as typed (Threads
// counts each emoji as its UTF-8 bytes), Bluesky's text as it will be posted
// (links shortened), X Premium — and the sentence that says why a network
// refuses a text. Numbers come from the core's countText; this file only
// shows them.
import { api, t } from '../shared/api.js';
import { $, countOptions, networkLabel, state } from './ui.js';

/** Units whose limit is a number of things, not of characters: said with their own words. */
const THINGS = new Set(['links', 'hashtags', 'utf8Bytes']);

/**
 * Why the network refuses the counted text, for the over-limit question (`kind` 'ask') or the warning
 * after an insert ('inserted'): characters over the limit, or too many links, hashtags or bytes.
 */
export function refusalText(kind, count) {
  const main = count.measures[0];
  const m = count.measures.find((x) => x.over) ?? main;
  const net = networkLabel(count.network);
  if (m === main || !THINGS.has(m.unit)) return t(kind === 'ask' ? 'overLimitAsk' : 'insertedButOver', net, m.count - m.limit, m.limit);
  return t(`${kind}Over_${m.unit}`, net, m.count, m.limit);
}

function chip(testid, text, { over = false, title = '' } = {}) {
  const span = document.createElement('span');
  span.className = over ? 'measure over' : 'measure';
  span.dataset.testid = testid;
  span.textContent = text;
  if (title) span.title = title;
  return span;
}

/** The text as the network will post it, when that differs from what was typed (Bluesky's shortened links). */
function renderPosted(r, text) {
  const box = $('posted');
  const short = r.shortenedLinks ?? [];
  if (!short.length) {
    box.hidden = true;
    $('posted-text').replaceChildren();
    return;
  }
  const nodes = [];
  let at = 0;
  for (const u of short) {
    nodes.push(text.slice(at, u.range.start));
    const mark = document.createElement('mark');
    mark.textContent = u.shortened;
    mark.title = u.url;
    nodes.push(mark);
    at = u.range.end;
  }
  nodes.push(text.slice(at));
  $('posted-label').textContent = t('postedAs', networkLabel(r.network));
  $('posted-text').replaceChildren(...nodes);
  box.hidden = false;
}

/** Show the measures of `r` (countText's result for `text` on the current network) beside the counter. */
export function renderMeasures(r, text) {
  const items = [];
  if (countOptions()?.xPremium) items.push(chip('measure-premium', t('xPremiumOn'), { title: t('xPremiumNote', r.limit) }));
  for (const m of r.measures.slice(1)) {
    if (m.unit === 'links' && m.count > 0) {
      items.push(chip('measure-links', t(m.over ? 'linksOver' : 'linksCount', m.count, m.limit), { over: m.over, title: t('linksNote', networkLabel(r.network), m.limit) }));
    } else if (m.unit === 'graphemes' && r.unit === 'emojiBytes' && m.count !== r.count) {
      items.push(chip('measure-typed', t('typedCount', m.count), { title: t('emojiBytesNote', networkLabel(r.network)) }));
    } else if (m.over && THINGS.has(m.unit)) {
      items.push(chip(`measure-${m.unit}`, t(`measureOver_${m.unit}`, m.count, m.limit), { over: true }));
    }
  }
  const box = $('measures');
  box.replaceChildren(...items);
  box.hidden = items.length === 0;
  renderPosted(r, text);
}

// A project edited in the dashboard (an X account marked Premium) counts at once, without a reload.
// The worker writes storage; the panel only reads it.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  let changed = false;
  for (const [key, { newValue }] of Object.entries(changes)) {
    if (!key.startsWith('project:') || !newValue) continue;
    const id = key.slice('project:'.length);
    if (!state.projects.some((p) => p.id === id)) continue;
    state.projects = state.projects.map((p) => (p.id === id ? newValue : p));
    changed = true;
  }
  if (changed) document.dispatchEvent(new Event('glider:changed'));
});
