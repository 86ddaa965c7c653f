// Import and export, run by the worker (the single writer). Parsing and
// validation are the core's; this module chunks the writes and reports
// progress. An import is all-or-nothing unless the user keeps the valid rows.
import { api } from '../shared/api.js';
import { StoreError } from './store.js';

export async function runImport(ctx, { format, text, keepValid = false, zone }) {
  const now = Date.now();
  const projectId = ctx.store.settings()?.defaultProjectId ?? ctx.store.projects()[0]?.id;
  let parsed;
  if (format === 'json') parsed = ctx.core.importJson(text);
  // CSV rows have no ids: the core names them `<idPrefix><line>`, so each
  // import needs its own prefix or a second file's rows would be skipped as
  // "already imported" (same line numbers).
  else if (format === 'csv') parsed = ctx.core.parseCsv(text, { zone: zone ?? 'UTC', keepValid, nowMs: now, projectId, idPrefix: `csv-${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}-` });
  else throw new StoreError('BadInput', `unknown import format ${format}`);
  const errors = parsed.errors ?? [];
  const posts = parsed.posts ?? parsed.data?.posts ?? [];
  if (errors.length && !keepValid) return { imported: 0, errors, total: posts.length + errors.length };
  // A backup restores its projects first, so the posts have somewhere to live.
  for (const project of parsed.data?.projects ?? []) {
    if (!ctx.store.get(`project:${project.id}`)) await ctx.store.write(`project:${project.id}`, { ...project, revision: 0 });
  }
  // Re-importing a backup skips what is already here instead of failing on it.
  const fresh = posts.filter((p) => !ctx.store.get(`post:${p.id}`)).map((p) => ({ ...p, revision: 0 }));
  const progress = (done, total) => api.runtime.sendMessage({ type: 'import.progress', done, total }).catch(() => {});
  // Each committed chunk reaches the uniqueness index through the store (boot.js).
  await ctx.store.insertPosts(fresh, progress, Infinity);
  return { imported: fresh.length, skipped: posts.length - fresh.length, errors, total: posts.length + errors.length };
}

export async function runExport(ctx, format) {
  const posts = ctx.store.posts();
  const projects = ctx.store.projects();
  const stamp = new Date().toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { text: ctx.core.exportJson({ projects, posts, settings: ctx.store.settings() }), filename: `glider-${stamp}.json`, mime: 'application/json' };
    case 'csv-hootsuite':
    case 'csv-publer':
    {
      // The core leaves out rows its own import would refuse and says which
      // (notes): the page shows them, so nothing goes missing silently.
      const { text, rows, notes } = ctx.core.exportCsv(posts, format.slice(4));
      return { text, rows, notes, filename: `glider-${format.slice(4)}-${stamp}.csv`, mime: 'text/csv' };
    }
    case 'ics':
      return { text: ctx.core.exportIcs(posts, projects, Date.now()), filename: `glider-${stamp}.ics`, mime: 'text/calendar' };
    default:
      throw new StoreError('BadInput', `unknown export format ${format}`);
  }
}
