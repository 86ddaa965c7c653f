// What an import will do, shown before anything is written: the core parses
// the file in this page (a pure call, no storage), and the first rows are
// listed as they will be imported (time in the chosen zone, text, links,
// networks) or with the reason they will be refused. Text only, never HTML.
import { t } from '../shared/api.js';
import { el } from './lib/dom.js';
import { networkLabel } from './lib/networks.js';
import { formatDateTime } from './lib/time.js';

export const PREVIEW_ROWS = 5;
export const PREVIEW_PREFIX = 'preview-';

/** Rows of a CSV parse in file order: `{line, post}` or `{line, error}`. */
function rowsOf(result) {
  const rows = [
    ...(result.posts ?? []).map((post) => ({ line: Number(post.id.slice(PREVIEW_PREFIX.length)), post })),
    ...(result.errors ?? []).map((error) => ({ line: error.line, error })),
  ];
  return rows.sort((a, b) => a.line - b.line);
}

function summaryLines(result) {
  const lines = [t('dashPreviewRows', result.rows, result.validRows, result.errors.length)];
  if (result.format === 'publer') lines.push(t('dashPreviewPubler'));
  else lines.push(t(result.hasHeader ? 'dashPreviewColumns' : 'dashPreviewHootsuite'));
  lines.push(t(result.dateOrder === 'mdy' ? 'dashPreviewMdy' : 'dashPreviewDmy'));
  if (result.timeColumn) lines.push(t('dashPreviewTimeColumn'));
  lines.push(t(result.zoneFromFile ? 'dashPreviewZoneFromFile' : 'dashPreviewZone', result.zone));
  if (result.ignoredColumns?.length) lines.push(t('dashPreviewIgnored', result.ignoredColumns.join(', ')));
  if (result.comments?.length) lines.push(t('dashPreviewComments', result.comments.length));
  return lines;
}

function cellText(text) {
  const line = String(text ?? '');
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function previewRow({ line, post, error }, zone) {
  if (error) {
    return el('tr', { testid: 'import-preview-row', class: 'bad', dataset: { line, status: 'error' } },
      el('td', { text: String(line) }),
      el('td', { colspan: 4, testid: 'import-preview-reason', text: error.column ? `${error.column}: ${error.reason}` : error.reason }),
      el('td', { class: 'warn', i18n: 'dashPreviewRefused' }));
  }
  const when = post.scheduledAt === undefined || post.scheduledAt === null ? t('dashStatus_draft') : formatDateTime(post.scheduledAt, zone);
  return el('tr', { testid: 'import-preview-row', dataset: { line, status: 'ok', at: post.scheduledAt ?? '' } },
    el('td', { text: String(line) }),
    el('td', { testid: 'import-preview-when', text: when }),
    el('td', { testid: 'import-preview-text', class: 'pre', text: cellText(post.text) }),
    el('td', { testid: 'import-preview-links' }, (post.links ?? []).map((url) => el('div', { class: 'url', text: url }))),
    el('td', { testid: 'import-preview-networks', text: (post.networks ?? []).map(networkLabel).join(', ') || '—' }),
    el('td', { class: 'ok', i18n: 'dashPreviewReady' }));
}

/** The preview of a CSV parse (`parseCsv` with keepValid and the preview id prefix). */
export function csvPreview(result) {
  const rows = rowsOf(result);
  const shown = rows.slice(0, PREVIEW_ROWS);
  return [
    el('ul', { class: 'preview-summary', testid: 'import-preview-summary', dataset: { rows: result.rows, valid: result.validRows, errors: result.errors.length } },
      summaryLines(result).map((line) => el('li', { text: line }))),
    el('table', { class: 'preview', testid: 'import-preview-table' },
      el('caption', { text: t('dashPreviewFirst', shown.length, rows.length) }),
      el('thead', {}, el('tr', {}, ['dashLine', 'dashScheduledAt', 'dashText', 'dashLinks', 'dashNetworks', 'dashStatus'].map((key) => el('th', { scope: 'col', i18n: key })))),
      el('tbody', {}, shown.map((row) => previewRow(row, result.zone)))),
  ];
}

/** The preview of a JSON backup (`importJson`). */
export function jsonPreview(result) {
  const errors = result.errors ?? [];
  const data = result.data;
  return [
    el('ul', { class: 'preview-summary', testid: 'import-preview-summary', dataset: { rows: (data?.posts?.length ?? 0) + errors.length, valid: data?.posts?.length ?? 0, errors: errors.length } },
      el('li', { text: data ? t('dashPreviewBackup', data.projects?.length ?? 0, data.posts?.length ?? 0) : t('dashPreviewBackupBad', errors.length) }),
      errors.slice(0, PREVIEW_ROWS).map((e) => el('li', { class: 'warn', text: `${e.path || '/'}: ${e.message}` }))),
  ];
}
