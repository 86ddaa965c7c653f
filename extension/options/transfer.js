// Import / export tab. Import (with its preview) is import-card.js; export
// writes JSON, Hootsuite/Publer CSV or ICS through the worker. A CSV export
// writes every date in the zone chosen here (Hootsuite and Publer read an
// upload in the account's zone) and lists what it left out or converted,
// post by post, so nothing goes missing silently.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { byTestId, clear, el } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { postById, zoneOf } from './lib/store.js';
import { BROWSER_ZONE, formatDateTime } from './lib/time.js';
import { download, importCard } from './import-card.js';
import { zonePicker } from './zone-picker.js';

export { renderImportCard } from './import-card.js';

const EXPORTS = [
  ['json', 'export-json', 'dashExportJson'],
  ['csv-hootsuite', 'export-csv-hootsuite', 'dashExportHootsuite'],
  ['csv-publer', 'export-csv-publer', 'dashExportPubler'],
  ['ics', 'export-ics', 'dashExportIcs'],
];

let root;
let zone;
const $ = (id) => byTestId(id, root);

async function exportAs(format) {
  const status = $('export-status');
  const msg = { format };
  if (format.startsWith('csv-')) msg.zone = zone.value() || BROWSER_ZONE;
  try {
    const { text, filename, mime, rows, notes = [], notedPosts = {}, zone: used } = await call('export.run', msg);
    status.dataset.format = format;
    // A CSV with no rows is no file worth saving: say why instead.
    if (rows === 0) {
      status.dataset.filename = '';
      status.textContent = t('dashExportNothing');
    } else {
      download(text, filename, mime);
      status.dataset.filename = filename ?? '';
      status.textContent = t('dashExported', filename ?? format, text.length);
    }
    renderExportNotes(rows, notes, used, notedPosts);
  } catch (err) {
    status.textContent = describeError(err);
    renderExportNotes(undefined, []);
  }
}

// Kinds of CSV export note (the core's ExportNoteKind), in the order shown.
const NOTE_KEYS = [
  ['skippedEmpty', 'dashExportSkippedEmpty'],
  ['skippedUndated', 'dashExportSkippedUndated'],
  ['skippedTooLong', 'dashExportSkippedTooLong'],
  ['undated', 'dashExportUndated'],
  ['otherZone', 'dashExportOtherZone'],
  ['textFromVariant', 'dashExportFromVariant'],
  ['partsLeftOut', 'dashExportPartsLeftOut'],
];

/** One post a note is about: its time (or "no date") and first line, as text. */
function notedPost(note, noted) {
  const post = noted[note.postId] ?? postById(note.postId);
  if (!post) return el('li', { text: note.postId });
  const when = post.scheduledAt ? formatDateTime(post.scheduledAt, zoneOf(post)) : t('dashNoDate');
  const line = String(post.text ?? '').split('\n').find((l) => l.trim()) ?? '';
  const extra = note.kind === 'otherZone' ? ` · ${note.zone}` : '';
  return el('li', { dataset: { id: note.postId }, text: `${when}${extra} · ${line.trim() ? (line.length > 80 ? `${line.slice(0, 79)}…` : line) : t('dashEmptyText')}` });
}

/** One group per kind of note: how many posts, and which (expandable). */
function renderExportNotes(rows, notes, used, noted = {}) {
  const list = clear($('export-notes'));
  list.hidden = rows === undefined;
  if (rows === undefined) return;
  list.append(el('li', { testid: 'export-rows', 'data-rows': rows, text: t('dashExportRows', rows) }));
  if (used) list.append(el('li', { testid: 'export-zone', dataset: { zone: used }, text: t('dashExportZone', used) }));
  for (const [kind, key] of NOTE_KEYS) {
    const mine = notes.filter((n) => n.kind === kind);
    if (!mine.length) continue;
    const ids = mine.map((n) => n.postId);
    list.append(el('li', { testid: `export-note-${kind}`, class: kind.startsWith('skipped') ? 'warn' : '', 'data-count': ids.length, 'data-ids': ids.join(' ') },
      el('details', {},
        el('summary', { text: t(key, ids.length) }),
        el('ul', { class: 'noted-posts' }, mine.slice(0, 50).map((n) => notedPost(n, noted))))));
  }
}

export function initTransfer(section) {
  root = section;
  zone = zonePicker({ testid: 'export-zone-input', value: BROWSER_ZONE, label: t('dashExportZoneLabel') });
  section.append(
    importCard(section),
    el('section', { class: 'card', testid: 'export' },
      el('h2', { i18n: 'dashExport' }),
      el('div', { class: 'row' },
        el('label', { class: 'field' }, el('span', { i18n: 'dashExportZoneLabel' }), zone.node),
        el('p', { class: 'muted hint', i18n: 'dashExportZoneHelp' })),
      el('div', { class: 'actions' }, EXPORTS.map(([format, testid, key]) => el('button', { type: 'button', testid, i18n: key, onclick: () => exportAs(format) }))),
      el('p', { testid: 'export-status', class: 'muted', role: 'status' }),
      el('ul', { testid: 'export-notes', class: 'export-notes', hidden: true })));
}
