// The single writer of storage.local.
//
// The worker keeps a mirror of every Glider record in memory. A write asks
// the core for a plan (revision check, index update), hands the plan to
// storage.local in one `set`, and only then updates the mirror and resolves:
// an acknowledged write is on disk, so killing the worker loses nothing that
// was acknowledged. Writes run one at a time through a promise chain, so
// each plan is computed against the state the previous write left.
//
// Every `set` that touches a post also stores a new random stamp
// (STAMP_KEY). Whatever is derived from the posts and kept between wakes
// (the uniqueness index, extension/background/snapshot.js) is tagged with
// the stamp it was made from, and is used only while the stamp still matches.
import { api } from '../shared/api.js';
import { GliderError } from '../shared/errors.js';

/** An error with a stable variant (shared/errors.js), as every worker failure is. */
export class StoreError extends GliderError {}

/** Changes whenever any post record changes; not a Glider record itself (the core ignores it). */
export const STAMP_KEY = 'cache:postsStamp';

/** What a wake reads before anything else: enough to answer "state" without the posts. */
const HEAD_KEYS = ['schema', 'settings', 'index:project', STAMP_KEY];

const isPostKey = (key) => key.startsWith('post:');
const newStamp = () => crypto.randomUUID();

/** Core errors carry `variant`; storage.local quota errors become QuotaExceeded. */
function asStoreError(err) {
  if (err instanceof StoreError) return err;
  const message = String(err?.message ?? err);
  if (/quota/i.test(message)) return new StoreError('QuotaExceeded', message);
  return new StoreError(err?.variant ?? 'Internal', message);
}

export class Store {
  constructor(core, area = api.storage.local) {
    this.core = core;
    this.area = area;
    this.items = new Map();
    this.tail = Promise.resolve();
    /** False until `load()`: only the head (schema, settings, projects) is in the mirror. */
    this.postsLoaded = false;
    /** The stamp of the posts as stored (null: none stored yet). */
    this.stamp = null;
    this.commitListeners = new Set();
  }

  /** Read the head records (one small `get`; no core needed). */
  static readHead(area = api.storage.local) {
    return area.get(HEAD_KEYS);
  }

  /**
   * Take the head read by `readHead`, plus the projects it lists. Returns
   * false (and keeps nothing) when storage is not at this build's schema:
   * then only `load()`, which migrates, may read it.
   */
  async loadHead(head) {
    if (head?.schema?.version !== this.core.schemaVersion()) return false;
    const ids = head['index:project']?.ids;
    const keys = Array.isArray(ids) ? ids.filter((id) => typeof id === 'string').map((id) => `project:${id}`) : [];
    const projects = keys.length ? await this.area.get(keys) : {};
    for (const [key, value] of Object.entries({ ...head, ...projects })) {
      if (key !== STAMP_KEY) this.items.set(key, value);
    }
    this.stamp = head[STAMP_KEY] ?? null;
    return true;
  }

  /**
   * Load everything. Older schemas are migrated forward first; at the
   * current schema the core's migration is not run at all (it would decode
   * every record only to change nothing).
   */
  async load() {
    const all = await this.area.get(null);
    let stamp = all[STAMP_KEY] ?? null;
    delete all[STAMP_KEY];
    let migrated = null;
    if (all.schema?.version !== this.core.schemaVersion()) {
      migrated = this.core.migrateStorage(all);
      if (migrated.fromVersion !== migrated.toVersion) {
        stamp = newStamp();
        await this.area.set({ ...migrated.items, [STAMP_KEY]: stamp });
        if (migrated.remove.length) await this.area.remove(migrated.remove);
      }
      // `migrated.items` holds only the new or changed keys: the mirror is
      // everything stored, overlaid with them (else a restarted worker would
      // see an empty store and overwrite records it no longer knows about).
      Object.assign(all, migrated.items ?? {});
      for (const key of migrated.remove ?? []) delete all[key];
    }
    // Posts stored without a stamp (first run of this version, or storage
    // cleared by hand): stamp them now, so nothing derived from an earlier
    // set of posts can ever match them.
    if (stamp === null) {
      stamp = newStamp();
      await this.area.set({ [STAMP_KEY]: stamp });
    }
    this.items = new Map(Object.entries(all));
    this.stamp = stamp;
    this.postsLoaded = true;
    return migrated;
  }

  get(key) {
    return this.items.get(key);
  }

  /**
   * The records at `keys` (missing ones left out): from the mirror once every
   * post is loaded, else read from storage. For the light path, which may
   * need a few posts (the one being edited, the matched ones) but must not
   * wait for all of them. Before `load()` nothing writes, so storage is current.
   */
  async peek(keys) {
    if (!keys.length) return {};
    if (this.postsLoaded) return Object.fromEntries(keys.filter((k) => this.items.has(k)).map((k) => [k, this.items.get(k)]));
    return this.area.get(keys);
  }

  /** Records whose key starts with `prefix` (e.g. 'post:'), skipping corrupt ones. */
  list(prefix) {
    if (prefix === 'post:' && !this.postsLoaded) {
      // A handler on the fast path read posts: answering from an empty list would be wrong, not slow.
      throw new StoreError('Internal', 'posts read before the store was loaded');
    }
    const out = [];
    for (const [key, value] of this.items) {
      if (key.startsWith(prefix) && value && typeof value === 'object') out.push(value);
    }
    return out;
  }

  posts() {
    return this.list('post:');
  }

  projects() {
    return this.list('project:');
  }

  settings() {
    return this.items.get('settings') ?? null;
  }

  /** How many posts have each status, and how many each project holds. */
  counts() {
    const counts = {};
    const projectCounts = {};
    for (const p of this.posts()) {
      counts[p.status] = (counts[p.status] ?? 0) + 1;
      projectCounts[p.projectId] = (projectCounts[p.projectId] ?? 0) + 1;
    }
    return { counts, projectCounts };
  }

  /**
   * A digest of which posts are stored at which revision (order-free). The
   * stamp says whether *this* worker changed posts; the digest also catches
   * a change made without one (an older Glider after a downgrade, storage
   * edited by hand), so a kept index never outlives the posts it describes.
   */
  postsDigest() {
    let sum = 0;
    let xor = 0;
    let n = 0;
    for (const p of this.posts()) {
      const key = `${p.id}\u0000${p.revision}\u0000${p.updatedAt}\u0000${p.status}`;
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      sum = (sum + h) | 0;
      xor ^= h;
      n += 1;
    }
    return `${n}.${(sum >>> 0).toString(36)}.${(xor >>> 0).toString(36)}`;
  }

  /** Call `fn(plan)` after every commit, once the mirror holds it (keeps derived state in step). */
  onCommit(fn) {
    this.commitListeners.add(fn);
    return () => this.commitListeners.delete(fn);
  }

  /** Queue `fn` after every earlier write; failures don't block later writes. */
  serial(fn) {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => {});
    return run;
  }

  async commit(plan) {
    const touchesPosts = Object.keys(plan.set).some(isPostKey) || plan.remove.some(isPostKey);
    const set = touchesPosts ? { ...plan.set, [STAMP_KEY]: newStamp() } : plan.set;
    try {
      if (Object.keys(set).length) await this.area.set(set);
      if (plan.remove.length) await this.area.remove(plan.remove);
    } catch (err) {
      // Nothing was acknowledged and the mirror is untouched: storage.local
      // applies a `set` atomically, so a quota error leaves the records as they were.
      throw asStoreError(err);
    }
    for (const [k, v] of Object.entries(plan.set)) this.items.set(k, v);
    for (const k of plan.remove) this.items.delete(k);
    if (touchesPosts) this.stamp = set[STAMP_KEY];
    for (const fn of this.commitListeners) fn(plan);
  }

  /** The stored index record that lists `key`'s id (posts, projects), or null. */
  indexOf(key) {
    const indexKey = this.core.indexKeyFor(key);
    return indexKey ? (this.items.get(indexKey) ?? null) : null;
  }

  /** The core's plan for writing `incoming` to `key` against the current mirror (no I/O). */
  plan(key, incoming) {
    try {
      return this.core.planWrite(key, this.items.get(key) ?? null, incoming, this.indexOf(key));
    } catch (err) {
      throw asStoreError(err);
    }
  }

  /** Write one record based on `incoming.revision`; resolves with the stored record. */
  write(key, incoming) {
    return this.serial(async () => {
      const plan = this.plan(key, incoming);
      await this.commit(plan);
      return plan.set[key];
    });
  }

  /**
   * Apply `change(current)` to the stored record and write it (read-modify-write
   * in one turn). When `change` returns null nothing is written and the
   * record is returned as it is.
   */
  update(key, change) {
    return this.serial(async () => {
      const current = this.items.get(key);
      if (!current) throw new StoreError('NotFound', `${key} does not exist`);
      const next = change(structuredClone(current));
      if (next === null) return current;
      const plan = this.plan(key, next);
      await this.commit(plan);
      return plan.set[key];
    });
  }

  remove(key, expectedRevision) {
    return this.serial(async () => {
      let plan;
      try {
        plan = this.core.planDelete(key, expectedRevision ?? null, this.items.get(key) ?? null, this.indexOf(key));
      } catch (err) {
        throw asStoreError(err);
      }
      await this.commit(plan);
    });
  }

  /** Insert new posts in chunks (imports); each chunk is one atomic `set`. */
  insertPosts(posts, onProgress = () => {}, chunk = 500) {
    return this.serial(async () => {
      for (let i = 0; i < posts.length; i += chunk) {
        const slice = posts.slice(i, i + chunk);
        let plan;
        try {
          plan = this.core.planInsertPosts(slice, Object.fromEntries([...this.items].filter(([k]) => k.startsWith('index:post:'))));
        } catch (err) {
          throw asStoreError(err);
        }
        await this.commit(plan);
        onProgress(Math.min(i + chunk, posts.length), posts.length);
      }
    });
  }
}
