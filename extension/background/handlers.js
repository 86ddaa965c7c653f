// Worker message handlers, one per catalogue type the worker accepts.
// Shapes and senders were already checked by checkMessage; records are
// validated again by the core when written. Every write goes through the
// store, whose commits keep the uniqueness index in step (boot.js).
// Handlers that need no post records (state, checks, panel prefs) answer
// from `bootLight()`, before a wake has read every post.
import { loadCore } from '../shared/core.js';
import { StoreError } from './store.js';
import { boot, bootLight } from './boot.js';
import { reconcile } from './reminders.js';
import { runImport, runExport } from './interop.js';
import { applyPatch, withThread } from './posts.js';
import { reschedule, restore } from './rearrange.js';
import { planTime } from '../shared/plan.js';
// actions.js imports this module too; the cycle is safe because neither calls the other at load time.
import { openAndFill } from './actions.js';
import { listInstances, removeInstance, syncInstances } from './instances.js';
import { relayHandlers } from './relay.js';

const postKey = (id) => `post:${id}`;
const projectKey = (id) => `project:${id}`;

function projectOf(ctx, post) {
  const project = ctx.store.get(projectKey(post.projectId)) ?? ctx.store.projects()[0];
  if (!project) throw new StoreError('NotFound', 'no project: create one in the dashboard first');
  return project;
}

function requirePost(ctx, id) {
  const post = ctx.store.get(postKey(id));
  if (!post) throw new StoreError('NotFound', `post ${id} does not exist`);
  return post;
}

/**
 * Schedule `post` at `at` if the project's rules allow it (or, `anyway`, if
 * only its rules refuse: the core records that on the post); else a
 * RuleConflict listing why.
 */
async function scheduleAt(ctx, post, at, baseRevision, anyway = false) {
  const project = projectOf(ctx, post);
  const res = ctx.core.schedulePost(project, ctx.store.posts(), post, at, Date.now(), anyway);
  if (!res.ok) throw new StoreError('RuleConflict', `${res.conflicts.length} scheduling rule(s) broken`, res.conflicts);
  const patch = res.patch;
  const saved = await ctx.store.write(postKey(post.id), { ...applyPatch(post, patch), revision: baseRevision, updatedAt: Date.now() });
  await reconcile(ctx.store, ctx.core);
  return saved;
}

/**
 * Name and date each match, so the panel can say which post a fragment comes
 * from and open it. Reads only the matched posts (at most five), so the
 * light path answers before the wake has read every post.
 */
async function describeMatches(ctx, res) {
  const stored = await ctx.store.peek(res.matches.filter((m) => m.kind !== 'page').map((m) => postKey(m.id)));
  const matches = res.matches.map((m) => {
    const post = stored[postKey(m.id)];
    const text = post ? post.text || Object.values(post.variants ?? {})[0] || '' : ctx.index.pageText(m.id) ?? '';
    const title = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!post) return { ...m, title };
    const at = post.publishedAt ?? post.scheduledAt ?? post.updatedAt;
    return { ...m, title, status: post.status, at, networks: post.networks ?? [] };
  });
  return { ...res, matches };
}

/** Store a lifecycle patch from the core (publish, expiry done); an empty one writes nothing. */
async function storePatch(ctx, id, makePatch) {
  let changed = false;
  const saved = await ctx.store.update(postKey(id), (p) => {
    const patch = makePatch(p);
    changed = Object.keys(patch).some((k) => k !== 'postId');
    return changed ? { ...applyPatch(p, patch), updatedAt: Date.now() } : null;
  });
  await ctx.notifications.clearFor(id);
  if (changed) await reconcile(ctx.store, ctx.core);
  return saved;
}

export const handlers = {
  ...relayHandlers,

  async 'core.count'({ text, network, options }) {
    const core = await loadCore();
    return core.countText(text, network, options ?? null);
  },

  async 'state.get'() {
    const ctx = await bootLight();
    const { counts, projectCounts } = ctx.store.postsLoaded ? ctx.store.counts() : ctx.lightCounts;
    return { coreVersion: ctx.core.coreVersion(), projects: ctx.store.projects(), settings: ctx.store.settings(), counts, projectCounts };
  },

  async 'posts.list'({ status, projectId, query, limit, from, to }) {
    const ctx = await boot();
    const q = query?.trim().toLowerCase();
    const inWindow = (p) => {
      if (from === undefined && to === undefined) return true;
      const at = planTime(p);
      return at !== null && (from === undefined || at >= from) && (to === undefined || at < to);
    };
    const out = ctx.store
      .posts()
      .filter((p) => (!status || status.includes(p.status)) && (!projectId || p.projectId === projectId) && inWindow(p))
      .filter((p) => !q || p.text.toLowerCase().includes(q) || Object.values(p.variants ?? {}).some((v) => v.toLowerCase().includes(q)))
      .sort((a, b) => (a.scheduledAt ?? a.updatedAt) - (b.scheduledAt ?? b.updatedAt) || a.id.localeCompare(b.id));
    return limit ? out.slice(0, limit) : out;
  },

  async 'post.save'({ post, baseRevision }) {
    const ctx = await boot();
    const now = Date.now();
    // The store's commit re-indexes the post (thread parts re-split first).
    const saved = await ctx.store.write(postKey(post.id), { ...withThread(ctx.core, post), revision: baseRevision ?? 0, updatedAt: now, createdAt: post.createdAt ?? now });
    // A change of time or status may change the next alarm.
    await reconcile(ctx.store, ctx.core);
    return saved;
  },

  async 'post.delete'({ id, baseRevision }) {
    const ctx = await boot();
    await ctx.store.remove(postKey(id), baseRevision);
    await reconcile(ctx.store, ctx.core);
    return { id };
  },

  async 'post.schedule'({ id, at, baseRevision, anyway }) {
    const ctx = await boot();
    return scheduleAt(ctx, requirePost(ctx, id), at, baseRevision, anyway === true);
  },

  async 'post.get'({ id }) {
    const ctx = await boot();
    return ctx.store.get(postKey(id)) ?? null;
  },

  async 'schedule.check'({ post, at }) {
    const ctx = await boot();
    const draft = { id: 'preview', status: 'draft', text: '', createdAt: 0, updatedAt: 0, ...post };
    return ctx.core.scheduleCheck(projectOf(ctx, draft), ctx.store.posts(), draft, at, Date.now());
  },

  // The transition is the core's (publishPatch): an expired or archived post
  // is refused, and an already published one keeps its first publishedAt.
  async 'post.markPublished'({ id, url }) {
    const ctx = await boot();
    requirePost(ctx, id);
    return storePatch(ctx, id, (p) => ctx.core.publishPatch(p, Date.now(), url ?? null));
  },

  async 'queue.preview'({ post }) {
    const ctx = await boot();
    const draft = { id: 'preview', status: 'draft', text: '', createdAt: 0, updatedAt: 0, ...post };
    const slot = ctx.core.nextFreeSlot(projectOf(ctx, draft), ctx.store.posts(), draft, Date.now());
    return { at: slot.atMs, slot };
  },

  async 'queue.add'({ id, baseRevision }) {
    const ctx = await boot();
    const post = requirePost(ctx, id);
    const slot = ctx.core.nextFreeSlot(projectOf(ctx, post), ctx.store.posts(), post, Date.now());
    return scheduleAt(ctx, post, slot.atMs, baseRevision);
  },

  // Spread / shuffle / next free slots, previewed in the dashboard, and their undo.
  async 'posts.reschedule'(msg) {
    return reschedule(await boot(), msg);
  },

  async 'posts.restore'(msg) {
    return restore(await boot(), msg);
  },

  async 'project.save'({ project, baseRevision }) {
    const ctx = await boot();
    const now = Date.now();
    return ctx.store.write(projectKey(project.id), { ...project, revision: baseRevision ?? 0, updatedAt: now, createdAt: project.createdAt ?? now });
  },

  async 'project.delete'({ id, baseRevision }) {
    const ctx = await boot();
    // Throws InUse (the core's rule) while any post belongs to the project.
    ctx.core.checkProjectDelete(id, ctx.store.posts().map((p) => p.projectId));
    await ctx.store.remove(projectKey(id), baseRevision);
    return { id };
  },

  async 'reminder.snooze'({ id, option }) {
    const ctx = await boot();
    const post = requirePost(ctx, id);
    const options = ctx.core.snoozeOptions(projectOf(ctx, post), post, Date.now());
    const chosen = options.find((o) => o.kind === option);
    if (!chosen) throw new StoreError('BadInput', `unknown snooze option ${option}`);
    const patch = ctx.core.snoozePost(post, chosen.untilMs, Date.now());
    const saved = await ctx.store.write(postKey(id), { ...applyPatch(post, patch), revision: post.revision, updatedAt: Date.now() });
    await ctx.notifications.clearFor(id);
    await reconcile(ctx.store, ctx.core);
    return saved;
  },

  async 'reminder.openFill'({ id }) {
    return openAndFill(id);
  },

  async 'uniqueness.check'({ text, excludeId, pagePosts }) {
    // Light path: the kept index, plus the one post being edited (its
    // published copies on the page are excluded) and the matched posts.
    const ctx = await bootLight();
    const own = excludeId ? ((await ctx.store.peek([postKey(excludeId)]))[postKey(excludeId)] ?? null) : null;
    const res = ctx.index.check(text, excludeId ?? null, (pagePosts ?? []).filter((p) => typeof p === 'string'), own);
    return describeMatches(ctx, res);
  },

  async 'settings.save'({ settings }) {
    const ctx = await boot();
    const current = ctx.store.settings();
    return ctx.store.write('settings', { ...current, ...settings, revision: settings.revision ?? current?.revision ?? 0 });
  },

  // The host is taken from the sender, never from the message: a page can't
  // write another site's preferences.
  async 'panel.prefs.get'(_msg, sender) {
    const ctx = await bootLight();
    const host = new URL(sender.url).host;
    return ctx.store.settings()?.panels?.[host] ?? { open: false, side: 'right' };
  },

  async 'panel.prefs.save'({ open, side }, sender) {
    if (side !== 'left' && side !== 'right') throw new StoreError('BadInput', `unknown side ${side}`);
    const ctx = await boot();
    const host = new URL(sender.url).host;
    const saved = await ctx.store.update('settings', (s) => ({ ...s, panels: { ...(s.panels ?? {}), [host]: { open, side } } })).catch(async (err) => {
      if (err.variant !== 'NotFound') throw err;
      return ctx.store.write('settings', { panels: { [host]: { open, side } }, revision: 0 });
    });
    return saved.panels[host];
  },

  // Mastodon instances granted at runtime (background/instances.js).
  async 'instances.list'({ limits }) {
    return listInstances({ limits: !!limits });
  },

  async 'instances.sync'() {
    await syncInstances();
    return listInstances();
  },

  async 'instances.remove'({ host }) {
    return removeInstance(host);
  },

  async 'import.run'(msg) {
    return runImport(await boot(), msg);
  },

  async 'export.run'({ format, zone }) {
    return runExport(await boot(), format, zone);
  },

  // The content script saw the site publish: mark the matching post published
  // so nothing is posted twice. Broadcast, so no reply is needed.
  async 'composer.published'({ network, text, url }) {
    const ctx = await boot();
    const id = ctx.core.findPublished(ctx.store.posts(), network, text);
    if (!id) return { matched: null };
    return { matched: (await handlers['post.markPublished']({ id, url })).id };
  },
};

/** "Done" on an expiry reminder: the post was taken down (the core's expiryDonePatch; not "published"). */
export async function markExpiryDone(id) {
  const ctx = await boot();
  if (!ctx.store.get(postKey(id))) return null;
  return storePatch(ctx, id, (p) => ctx.core.expiryDonePatch(p));
}
