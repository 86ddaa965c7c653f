// The single writer of storage.local.
//
// The worker keeps a mirror of every Glider record in memory. A write asks
// the core for a plan (revision check, index update), hands the plan to
// storage.local in one `set`, and only then updates the mirror and resolves:
// an acknowledged write is on disk, so killing the worker loses nothing that
// was acknowledged. Writes run one at a time through a promise chain, so
// each plan is computed against the state the previous write left.
import { api } from '../shared/api.js';

export class StoreError extends Error {
  constructor(variant, message, details) {
    super(message);
    this.variant = variant;
    this.details = details;
  }
}

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
  }

  /** Load everything, migrating older schemas forward first. */
  async load() {
    const all = await this.area.get(null);
    const migrated = this.core.migrateStorage(all);
    if (migrated.fromVersion !== migrated.toVersion) {
      await this.area.set(migrated.items);
      if (migrated.remove.length) await this.area.remove(migrated.remove);
    }
    // `migrated.items` holds only the new or changed keys: the mirror is
    // everything stored, overlaid with them (else a restarted worker would
    // see an empty store and overwrite records it no longer knows about).
    this.items = new Map(Object.entries({ ...all, ...(migrated.items ?? {}) }));
    for (const key of migrated.remove ?? []) this.items.delete(key);
    return migrated;
  }

  get(key) {
    return this.items.get(key);
  }

  /** Records whose key starts with `prefix` (e.g. 'post:'), skipping corrupt ones. */
  list(prefix) {
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

  /** Queue `fn` after every earlier write; failures don't block later writes. */
  serial(fn) {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => {});
    return run;
  }

  async commit(plan) {
    try {
      if (Object.keys(plan.set).length) await this.area.set(plan.set);
      if (plan.remove.length) await this.area.remove(plan.remove);
    } catch (err) {
      // Nothing was acknowledged and the mirror is untouched: storage.local
      // applies a `set` atomically, so a quota error leaves the records as they were.
      throw asStoreError(err);
    }
    for (const [k, v] of Object.entries(plan.set)) this.items.set(k, v);
    for (const k of plan.remove) this.items.delete(k);
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

  /** Apply `change(current)` to the stored record and write it (read-modify-write in one turn). */
  update(key, change) {
    return this.serial(async () => {
      const current = this.items.get(key);
      if (!current) throw new StoreError('NotFound', `${key} does not exist`);
      const plan = this.plan(key, change(structuredClone(current)));
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
