// Import and export, run by the worker (the single writer). Parsing and
// validation are the core's; this module chunks the writes and reports
// progress. An import is all-or-nothing unless the user keeps the valid rows.
import { api } from '../shared/api.js';
import { StoreError } from './store.js';

const DATE_ORDERS = new Set(['auto', 'dmy', 'mdy']);

/** The project the rows go to: the one the user chose, else the default, else the first. */
function targetProject(ctx, projectId) {
  if (projectId !== undefined) {
    const chosen = ctx.store.get(`project:${projectId}`);
    if (!chosen) throw new StoreError('NotFound', `project ${projectId} does not exist`);
    return chosen;
  }
  const wanted = ctx.store.settings()?.defaultProjectId;
  return (wanted && ctx.store.get(`project:${wanted}`)) || ctx.store.projects()[0] || null;
}

export async function runImport(ctx, { format, text, keepValid = false, zone, projectId, networks, dateOrder = 'auto' }) {
  const now = Date.now();
  const project = targetProject(ctx, projectId);
  if (networks !== undefined && !(networks.length <= 32 && networks.every((n) => typeof n === 'string'))) {
    throw new StoreError('BadInput', 'networks must be a list of network ids');
  }
  if (!DATE_ORDERS.has(dateOrder)) throw new StoreError('BadInput', `unknown date order ${dateOrder}`);
  let parsed;
  if (format === 'json') parsed = ctx.core.importJson(text);
  // CSV rows have no ids: the core names them `<idPrefix><line>`, so each
  // import needs its own prefix or a second file's rows would be skipped as
  // "already imported" (same line numbers). Rows without a networks column
  // get the networks the user chose, else the project's.
  else if (format === 'csv') {
    parsed = ctx.core.parseCsv(text, {
      zone: zone ?? 'UTC', keepValid, nowMs: now, projectId: project?.id ?? '', dateOrder,
      networks: networks ?? (project?.networks ?? []).map((n) => n.network),
      idPrefix: `csv-${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}-`,
    });
  } else throw new StoreError('BadInput', `unknown import format ${format}`);
  const errors = parsed.errors ?? [];
  const posts = parsed.posts ?? parsed.data?.posts ?? [];
  // Every row of the file counts in the total, whether it passed or not
  // (it was "0 of 1" for a three-row file with one bad row).
  const total = format === 'csv' ? parsed.rows : posts.length + errors.length;
  if (errors.length && !keepValid) return { imported: 0, errors, total };
  // A backup restores its projects first, so the posts have somewhere to live.
  for (const project of parsed.data?.projects ?? []) {
    if (!ctx.store.get(`project:${project.id}`)) await ctx.store.write(`project:${project.id}`, { ...project, revision: 0 });
  }
  // Re-importing a backup skips what is already here instead of failing on it.
  const fresh = posts.filter((p) => !ctx.store.get(`post:${p.id}`)).map((p) => ({ ...p, revision: 0 }));
  const progress = (done, total) => api.runtime.sendMessage({ type: 'import.progress', done, total }).catch(() => {});
  // Each committed chunk reaches the uniqueness index through the store (boot.js).
  await ctx.store.insertPosts(fresh, progress, Infinity);
  return { imported: fresh.length, skipped: posts.length - fresh.length, errors, total };
}

function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export async function runExport(ctx, format, zone = browserZone()) {
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
      // (notes): the page shows them, so nothing goes missing silently. Every
      // date is in one zone, which the file name states too (Hootsuite's
      // layout has no header to hold it).
      const out = ctx.core.exportCsv(posts, format.slice(4), zone);
      const place = out.zone.replace(/[^A-Za-z0-9_-]+/g, '-');
      // The posts the notes name, so the page can show them (it holds only
      // the calendar's weeks, and skipped posts are often undated drafts).
      const noted = {};
      for (const note of out.notes ?? []) {
        const p = ctx.store.get(`post:${note.postId}`);
        if (p) noted[p.id] = { id: p.id, text: p.text, scheduledAt: p.scheduledAt, plannedZone: p.plannedZone, projectId: p.projectId };
      }
      return { ...out, notedPosts: noted, filename: `glider-${format.slice(4)}-${stamp}-${place}.csv`, mime: 'text/csv' };
    }
    case 'ics':
      return { text: ctx.core.exportIcs(posts, projects, Date.now()), filename: `glider-${stamp}.ics`, mime: 'text/calendar' };
    default:
      throw new StoreError('BadInput', `unknown export format ${format}`);
  }
}
