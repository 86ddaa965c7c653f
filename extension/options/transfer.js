// Import (JSON, CSV) with a progress bar and a per-row error report, and
// export (JSON, Hootsuite/Publer CSV, ICS). Parsing and validation are the
// core's, in the worker; this page reads the file, shows progress and
// renders the report (as text: rows may carry markup).
import { api, t } from '../shared/api.js';
import { checkMessage, senderKind } from '../shared/messages.js';
import { call } from '../shared/rpc.js';
import { byTestId, clear, el, field, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { toast } from './lib/notify.js';
import { refresh } from './lib/store.js';
import { BROWSER_ZONE } from './lib/time.js';

const EXPORTS = [
  ['json', 'export-json', 'dashExportJson'],
  ['csv-hootsuite', 'export-csv-hootsuite', 'dashExportHootsuite'],
  ['csv-publer', 'export-csv-publer', 'dashExportPubler'],
  ['ics', 'export-ics', 'dashExportIcs'],
];
// Reading the file is the first 30% of the bar, the worker's import the rest.
const READ_SHARE = 30;

let root;
let fileText = null;
let running = false;
const $ = (id) => byTestId(id, root);

function setProgress(percent, label) {
  const bar = $('import-progress');
  if (percent === null) bar.removeAttribute('value'); // indeterminate: the worker is busy
  else bar.value = Math.max(0, Math.min(100, percent));
  bar.dataset.state = percent === null ? 'busy' : percent >= 100 ? 'done' : 'running';
  $('import-progress-label').textContent = label;
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) setProgress((e.loaded / e.total) * READ_SHARE, t('dashReading', file.name));
    };
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

async function onFile(e) {
  const file = e.target.files?.[0];
  fileText = null;
  $('import-run').disabled = true;
  clearReport();
  if (!file) return;
  if (/\.csv$/i.test(file.name)) $('import-format').value = 'csv';
  else if (/\.json$/i.test(file.name)) $('import-format').value = 'json';
  try {
    fileText = await readFile(file);
    setProgress(READ_SHARE, t('dashReadyToImport', file.name));
    $('import-run').disabled = false;
  } catch (err) {
    setProgress(0, describeError(err));
  }
}

function clearReport() {
  clear($('import-summary'));
  clear($('import-errors')).hidden = true;
  $('import-errors-download').hidden = true;
}

function renderReport(result, keepValid) {
  const errors = Array.isArray(result?.errors) ? result.errors : [];
  const summary = $('import-summary');
  summary.dataset.imported = String(result?.imported ?? 0);
  summary.dataset.total = String(result?.total ?? 0);
  summary.dataset.errors = String(errors.length);
  clear(summary).append(el('p', { testid: 'import-result', text: t('dashImportResult', result?.imported ?? 0, result?.total ?? 0, errors.length) }));
  if (errors.length && !keepValid && !result?.imported) {
    summary.append(el('p', { class: 'warn', testid: 'import-nothing', i18n: 'dashImportNothing' }),
      el('button', { type: 'button', testid: 'import-retry-keep-valid', i18n: 'dashImportKeepValidRetry', onclick: () => run(true) }));
  }
  const table = $('import-errors');
  clear(table);
  table.hidden = errors.length === 0;
  $('import-errors-download').hidden = errors.length === 0;
  if (!errors.length) return;
  const body = el('tbody');
  const frag = document.createDocumentFragment();
  for (const { line, reason } of errors) {
    frag.append(el('tr', { testid: 'import-error', dataset: { line } },
      el('td', { testid: 'import-error-line', text: String(line) }),
      el('td', { testid: 'import-error-reason', text: String(reason) })));
  }
  body.append(frag);
  table.append(el('caption', { text: t('dashImportErrors', errors.length) }),
    el('thead', {}, el('tr', {}, el('th', { i18n: 'dashLine' }), el('th', { i18n: 'dashReason' }))), body);
  $('import-errors-download').onclick = () => download(
    ['line,reason', ...errors.map((x) => `${x.line},"${String(x.reason).replaceAll('"', '""')}"`)].join('\n'),
    'glider-import-errors.csv', 'text/csv');
}

async function run(forceKeepValid = false) {
  if (fileText === null || running) return;
  running = true;
  const keepValid = forceKeepValid || $('import-keep-valid').checked;
  if (forceKeepValid) $('import-keep-valid').checked = true;
  $('import-run').disabled = true;
  clearReport();
  setProgress(null, t('dashImporting'));
  const msg = { format: $('import-format').value, text: fileText, keepValid };
  const zone = $('import-zone').value.trim();
  if (zone) msg.zone = zone;
  try {
    const result = await call('import.run', msg);
    setProgress(100, t('dashImportDone'));
    renderReport(result, keepValid);
    if (result?.imported) toast(t('dashImportResult', result.imported, result.total ?? 0, result.errors?.length ?? 0));
    await refresh();
  } catch (err) {
    setProgress(0, describeError(err));
    clear($('import-summary')).append(el('p', { class: 'warn', testid: 'import-failed', text: describeError(err) }));
  } finally {
    running = false;
    $('import-run').disabled = fileText === null;
  }
}

function download(text, filename, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime || 'application/octet-stream' }));
  const a = el('a', { href: url, download: filename || 'glider-export' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportAs(format) {
  const status = $('export-status');
  try {
    const { text, filename, mime, rows, notes = [] } = await call('export.run', { format });
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
    renderExportNotes(rows, notes);
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
  ['textFromVariant', 'dashExportFromVariant'],
  ['partsLeftOut', 'dashExportPartsLeftOut'],
];

/** One line per kind of note a CSV export made: how many posts, and which. */
function renderExportNotes(rows, notes) {
  const list = clear($('export-notes'));
  list.hidden = rows === undefined;
  if (rows === undefined) return;
  list.append(el('li', { testid: 'export-rows', 'data-rows': rows, text: t('dashExportRows', rows) }));
  for (const [kind, key] of NOTE_KEYS) {
    const ids = notes.filter((n) => n.kind === kind).map((n) => n.postId);
    if (!ids.length) continue;
    list.append(el('li', { testid: `export-note-${kind}`, 'data-count': ids.length, 'data-ids': ids.join(' '), text: t(key, ids.length) }));
  }
}

// The worker may report progress of a long import. Accepted only if the
// catalogue knows the message and the sender is our own extension.
function onRuntimeMessage(msg, sender) {
  const from = senderKind(sender, api.runtime.id, api.runtime.getURL(''));
  if (!running || !checkMessage(msg, from, ['import.progress']).ok) return false;
  const { done, total } = msg;
  if (total > 0) setProgress(READ_SHARE + ((100 - READ_SHARE) * done) / total, t('dashImportingRows', done, total));
  return false;
}

export function initTransfer(section) {
  root = section;
  section.append(
    el('section', { class: 'card', testid: 'import' },
      el('h2', { i18n: 'dashImport' }),
      el('p', { class: 'muted', i18n: 'dashImportHelp' }),
      el('div', { class: 'row' },
        field('dashFormat', el('select', { testid: 'import-format' }, options([['json', 'JSON'], ['csv', 'CSV']], 'json'))),
        field('dashTimeZone', el('input', { type: 'text', testid: 'import-zone', value: BROWSER_ZONE, spellcheck: false })),
        field('dashFile', el('input', { type: 'file', testid: 'import-file', accept: '.json,.csv,.txt,application/json,text/csv', onchange: onFile }))),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', testid: 'import-keep-valid' }), el('span', { i18n: 'dashKeepValid' })),
      el('div', { class: 'actions' }, el('button', { type: 'button', testid: 'import-run', class: 'primary', i18n: 'dashImportRun', disabled: true, onclick: () => run() })),
      el('progress', { testid: 'import-progress', max: 100, value: 0 }),
      el('span', { testid: 'import-progress-label', class: 'muted', role: 'status' }),
      el('div', { testid: 'import-summary' }),
      el('button', { type: 'button', testid: 'import-errors-download', i18n: 'dashDownloadErrors', hidden: true }),
      el('table', { testid: 'import-errors', class: 'errors', hidden: true })),
    el('section', { class: 'card', testid: 'export' },
      el('h2', { i18n: 'dashExport' }),
      el('div', { class: 'actions' }, EXPORTS.map(([format, testid, key]) => el('button', { type: 'button', testid, i18n: key, onclick: () => exportAs(format) }))),
      el('p', { testid: 'export-status', class: 'muted', role: 'status' }),
      el('ul', { testid: 'export-notes', class: 'muted', hidden: true })));
  api.runtime.onMessage.addListener(onRuntimeMessage);
}
