// Worker message handlers, one per catalogue type the worker accepts.
// Shapes and senders were already checked by checkMessage; records are
// validated again by the core when written.
import { loadCore } from '../shared/core.js';
import { StoreError } from './store.js';
import { boot } from './boot.js';
import { reconcile } from './reminders.js';
import { runImport, runExport } from './interop.js';
import { applyPatch, findPublished } from './posts.js';
import { reschedule, restore } from './rearrange.js';
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

/** Schedule `post` at `at` if the project's rules allow it; else a RuleConflict listing why. */
async function scheduleAt(ctx, post, at, baseRevision) {
  const project = projectOf(ctx, post);
  const others = ctx.store.posts();
  const conflicts = ctx.core.checkSchedule(project, others, post, at, Date.now());
  if (conflicts.length) throw new StoreError('RuleConflict', `${conflicts.length} scheduling rule(s) broken`, conflicts);
  const patch = ctx.core.schedulePatch(project, { postId: post.id, atMs: at });
  const saved = await ctx.store.write(postKey(post.id), { ...applyPatch(post, patch), revision: baseRevision, updatedAt: Date.now() });
  ctx.index.upsert(saved);
  await reconcile(ctx.store, ctx.core);
  return saved;
}

export const handlers = {
  ...relayHandlers,

  async 'core.count'({ text, network, options }) {
    const core = await loadCore();
    return core.countText(text, network, options ?? null);
  },

  async 'state.get'() {
    const ctx = await boot();
    const posts = ctx.store.posts();
    const counts = {};
    for (const p of posts) counts[p.status] = (counts[p.status] ?? 0) + 1;
    return { coreVersion: ctx.core.coreVersion(), projects: ctx.store.projects(), settings: ctx.store.settings(), counts };
  },

  async 'posts.list'({ status, projectId, query, limit }) {
    const ctx = await boot();
    const q = query?.trim().toLowerCase();
    const out = ctx.store
      .posts()
      .filter((p) => (!status || status.includes(p.status)) && (!projectId || p.projectId === projectId))
      .filter((p) => !q || p.text.toLowerCase().includes(q) || Object.values(p.variants ?? {}).some((v) => v.toLowerCase().includes(q)))
      .sort((a, b) => (a.scheduledAt ?? a.updatedAt) - (b.scheduledAt ?? b.updatedAt) || a.id.localeCompare(b.id));
    return limit ? out.slice(0, limit) : out;
  },

  async 'post.save'({ post, baseRevision }) {
    const ctx = await boot();
    const now = Date.now();
    const saved = await ctx.store.write(postKey(post.id), { ...post, revision: baseRevision ?? 0, updatedAt: now, createdAt: post.createdAt ?? now });
    ctx.index.upsert(saved);
    // A change of time or status may change the next alarm.
    await reconcile(ctx.store, ctx.core);
    return saved;
  },

  async 'post.delete'({ id, baseRevision }) {
    const ctx = await boot();
    await ctx.store.remove(postKey(id), baseRevision);
    ctx.index.remove(id);
    await reconcile(ctx.store, ctx.core);
    return { id };
  },

  async 'post.schedule'({ id, at, baseRevision }) {
    const ctx = await boot();
    return scheduleAt(ctx, requirePost(ctx, id), at, baseRevision);
  },

  async 'post.markPublished'({ id, url }) {
    const ctx = await boot();
    const saved = await ctx.store.update(postKey(id), (p) => ({
      ...p,
      status: 'published',
      publishedAt: Date.now(),
      ...(url ? { publishedUrl: url } : {}),
      updatedAt: Date.now(),
    }));
    ctx.index.upsert(saved);
    await ctx.notifications.clearFor(id);
    await reconcile(ctx.store, ctx.core);
    return saved;
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
    if (ctx.store.posts().some((p) => p.projectId === id)) {
      throw new StoreError('InUse', 'the project still has posts: move or delete them first');
    }
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
    const ctx = await boot();
    return ctx.index.check(text, excludeId ?? null, (pagePosts ?? []).filter((p) => typeof p === 'string'));
  },

  async 'settings.save'({ settings }) {
    const ctx = await boot();
    const current = ctx.store.settings();
    return ctx.store.write('settings', { ...current, ...settings, revision: settings.revision ?? current?.revision ?? 0 });
  },

  // The host is taken from the sender, never from the message: a page can't
  // write another site's preferences.
  async 'panel.prefs.get'(_msg, sender) {
    const ctx = await boot();
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
    const post = findPublished(ctx.store.posts(), network, text);
    if (!post) return { matched: null };
    return { matched: (await handlers['post.markPublished']({ id: post.id, url })).id };
  },
};
