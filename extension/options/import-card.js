// Import (JSON, CSV): choose the file and, for CSV, the project, networks,
// zone and date format of the rows; see a preview of the first rows (parsed
// by the core in this page, nothing written); then import through the
// worker, with a progress bar and a per-row error report.
import { api, t } from '../shared/api.js';
import { loadCore } from '../shared/core.js';
import { checkMessage, senderKind } from '../shared/messages.js';
import { call } from '../shared/rpc.js';
import { byTestId, clear, el, field, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { networkColour, networks } from './lib/networks.js';
import { toast } from './lib/notify.js';
import { defaultProjectId, projectById, refresh, store } from './lib/store.js';
import { BROWSER_ZONE } from './lib/time.js';
import { csvPreview, jsonPreview, PREVIEW_PREFIX } from './import-preview.js';
import { isKnownZone, zonePicker } from './zone-picker.js';

// Reading the file is the first 30% of the bar, the worker's import the rest.
const READ_SHARE = 30;

let root;
let fileText = null;
let running = false;
let previewSeq = 0;
let zone;
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
  clearReport();
  clear($('import-preview'));
  $('import-run').disabled = true;
  if (!file) return;
  if (/\.(csv|txt)$/i.test(file.name)) $('import-format').value = 'csv';
  else if (/\.json$/i.test(file.name)) $('import-format').value = 'json';
  showCsvOptions();
  try {
    fileText = await readFile(file);
    setProgress(READ_SHARE, t('dashReadyToImport', file.name));
    await preview();
  } catch (err) {
    setProgress(0, describeError(err));
  }
}

function isCsv() {
  return $('import-format').value === 'csv';
}

function showCsvOptions() {
  $('import-csv-options').hidden = !isCsv();
}

/** The networks given to rows without a networks column: the checked chips. */
function chosenNetworks() {
  return [...root.querySelectorAll('[data-testid="import-network"]:checked')].map((i) => i.dataset.network);
}

function renderNetworkChips() {
  const project = projectById($('import-project').value);
  const wanted = new Set((project?.networks ?? []).map((n) => n.network));
  clear($('import-networks')).append(...networks().map((n) => el('label', { class: 'chip', style: { '--net': networkColour(n.id) } },
    el('input', { type: 'checkbox', testid: 'import-network', dataset: { network: n.id }, checked: wanted.has(n.id), onchange: preview }),
    el('span', { text: n.label }))));
}

function csvOptions() {
  return {
    zone: zone.value() || BROWSER_ZONE, projectId: $('import-project').value, networks: chosenNetworks(), dateOrder: $('import-date-order').value,
  };
}

/** Parse in this page (no writes) and show what the import would do. */
async function preview() {
  const mine = ++previewSeq;
  const box = $('import-preview');
  $('import-run').disabled = true;
  if (fileText === null) return;
  let nodes;
  let importable = 0;
  let rows = 0;
  try {
    const core = await loadCore();
    if (isCsv()) {
      const o = csvOptions();
      if (!(await isKnownZone(o.zone))) throw new Error(t('dashBadZone', o.zone));
      const result = core.parseCsv(fileText, { ...o, keepValid: true, nowMs: Date.now(), idPrefix: PREVIEW_PREFIX });
      nodes = csvPreview(result);
      rows = result.rows;
      importable = $('import-keep-valid').checked || !result.errors.length ? result.validRows : 0;
      // All-or-nothing: say so before the click, not after.
      if (result.errors.length && !importable) nodes.push(el('p', { class: 'warn', testid: 'import-preview-strict', text: t('dashPreviewStrict', result.errors.length) }));
      if ((result.posts ?? []).some((p) => !p.networks?.length)) nodes.push(el('p', { class: 'warn', testid: 'import-preview-no-networks', i18n: 'dashPreviewNoNetworks' }));
    } else {
      const result = core.importJson(fileText);
      nodes = jsonPreview(result);
      importable = result.data?.posts?.length ?? 0;
      rows = importable + (result.errors?.length ?? 0);
    }
  } catch (err) {
    nodes = [el('p', { class: 'warn', testid: 'import-preview-failed', text: err?.variant ? describeError(err) : String(err?.message ?? err) })];
  }
  if (mine !== previewSeq) return;
  clear(box).append(el('h3', { i18n: 'dashPreview' }), ...nodes);
  box.dataset.ready = String(mine);
  const run = $('import-run');
  run.textContent = importable ? t('dashImportRunCount', importable) : t('dashImportRun');
  // Enabled with refused rows too: the click gives the full per-line report.
  run.disabled = running || rows === 0;
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
  for (const { line, column, reason } of errors) {
    frag.append(el('tr', { testid: 'import-error', dataset: { line } },
      el('td', { testid: 'import-error-line', text: String(line) }),
      el('td', { testid: 'import-error-reason', text: column ? `${column}: ${reason}` : String(reason) })));
  }
  body.append(frag);
  table.append(el('caption', { text: t('dashImportErrors', errors.length) }),
    el('thead', {}, el('tr', {}, el('th', { i18n: 'dashLine' }), el('th', { i18n: 'dashReason' }))), body);
  $('import-errors-download').onclick = () => download(
    ['line,reason', ...errors.map((x) => `${x.line},"${String(x.column ? `${x.column}: ${x.reason}` : x.reason).replaceAll('"', '""')}"`)].join('\n'),
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
  if (isCsv()) Object.assign(msg, csvOptions());
  try {
    const result = await call('import.run', msg);
    setProgress(100, t('dashImportDone'));
    renderReport(result, keepValid);
    // Imported: the same file again would add the rows twice, so it has to be chosen again.
    if (result?.imported) {
      fileText = null;
      $('import-file').value = '';
    }
    if (result?.imported) toast(t('dashImportResult', result.imported, result.total ?? 0, result.errors?.length ?? 0));
    await refresh();
  } catch (err) {
    setProgress(0, describeError(err));
    clear($('import-summary')).append(el('p', { class: 'warn', testid: 'import-failed', text: describeError(err) }));
  } finally {
    running = false;
    await preview();
  }
}

export function download(text, filename, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime || 'application/octet-stream' }));
  const a = el('a', { href: url, download: filename || 'glider-export' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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

/** Fill the project choice from the store (projects arrive with the first refresh, and may change). */
export function renderImportCard() {
  const select = $('import-project');
  if (!select || !store.loaded) return;
  const ids = store.projects.map((p) => p.id).join('\n');
  if (select.dataset.ids === ids) return;
  const keep = projectById(select.value) ? select.value : defaultProjectId();
  clear(select).append(...options(store.projects.map((p) => [p.id, p.name]), keep));
  select.dataset.ids = ids;
  renderNetworkChips();
}

export function importCard(section) {
  root = section;
  zone = zonePicker({ testid: 'import-zone', value: BROWSER_ZONE, label: t('dashTimeZone'), onchange: preview });
  const card = el('section', { class: 'card', testid: 'import' },
    el('h2', { i18n: 'dashImport' }),
    el('p', { class: 'muted', i18n: 'dashImportHelp' }),
    el('div', { class: 'row' },
      field('dashFormat', el('select', { testid: 'import-format', onchange: () => { showCsvOptions(); preview(); } }, options([['json', 'JSON'], ['csv', 'CSV']], 'json'))),
      field('dashFile', el('input', { type: 'file', testid: 'import-file', accept: '.json,.csv,.txt,application/json,text/csv', onchange: onFile }))),
    el('div', { testid: 'import-csv-options', hidden: true },
      el('div', { class: 'row' },
        field('dashImportProject', el('select', { testid: 'import-project', onchange: () => { renderNetworkChips(); preview(); } })),
        el('label', { class: 'field' }, el('span', { i18n: 'dashTimeZone' }), zone.node),
        field('dashDateFormat', el('select', { testid: 'import-date-order', onchange: preview },
          options([['auto', t('dashDateAuto')], ['dmy', t('dashDateDmy')], ['mdy', t('dashDateMdy')]], 'auto')))),
      el('fieldset', { class: 'chips' }, el('legend', { i18n: 'dashImportNetworks' }), el('div', { testid: 'import-networks', class: 'chip-list' }))),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', testid: 'import-keep-valid', onchange: preview }), el('span', { i18n: 'dashKeepValid' })),
    el('div', { testid: 'import-preview', class: 'import-preview', 'aria-live': 'polite' }),
    el('div', { class: 'actions' }, el('button', { type: 'button', testid: 'import-run', class: 'primary', i18n: 'dashImportRun', disabled: true, onclick: () => run() })),
    el('progress', { testid: 'import-progress', max: 100, value: 0, 'aria-label': t('dashImport') }),
    el('span', { testid: 'import-progress-label', class: 'muted', role: 'status' }),
    el('div', { testid: 'import-summary' }),
    el('button', { type: 'button', testid: 'import-errors-download', i18n: 'dashDownloadErrors', hidden: true }),
    el('table', { testid: 'import-errors', class: 'errors', hidden: true }));
  api.runtime.onMessage.addListener(onRuntimeMessage);
  return card;
}
