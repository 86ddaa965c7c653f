// The worker's uniqueness index: every stored post (archive, queue, drafts)
// plus the posts visible on the page the panel is on. Page posts live in the
// same index under `page:` ids, so one check sees every source and the
// percentage counts a shingle once whichever document it came from.
//
// A wake does not re-index the posts: the index is kept between wakes as a
// snapshot (snapshot.js) and rebuilt, in one packed bulk load, only when the
// posts changed since it was written. Every commit that touches a post
// updates the index at once (store.onCommit), and a new snapshot is written
// shortly after the writes stop.

// What a post counts as for "closest matches", as the packed load's codes.
const KIND_CODE = { archive: 0, queue: 1, draft: 2, page: 3 };

function kindOf(post) {
  if (post.status === 'published' || post.status === 'archived' || post.status === 'expired') return 'archive';
  if (post.status === 'scheduled' || post.status === 'missed') return 'queue';
  return 'draft';
}

// Sites trim and normalise what they post; compare texts the same way.
const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The text indexed for a post: variants too, since reusing a network variant is still reuse. */
function textOf(post) {
  return [post.text, ...Object.values(post.variants ?? {})].filter((t) => typeof t === 'string' && t).join('\n\n');
}

/** A small stable string hash (FNV-1a) to name page posts without storing their text twice. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36) + text.length.toString(36);
}

export class PostIndex {
  constructor(core, index = new core.UniquenessIndex()) {
    this.core = core;
    this.index = index;
    this.pageIds = new Set();
    this.pageTexts = new Map();
  }

  /** The index a snapshot holds (throws Corrupt / UnsupportedVersion when it is not one). */
  static restore(core, bytes) {
    return new PostIndex(core, core.UniquenessIndex.deserialize(bytes));
  }

  /** Index `posts` from scratch: one packed bulk load, two strings across the boundary. */
  rebuild(posts) {
    this.index.free?.();
    this.index = new this.core.UniquenessIndex();
    this.pageIds.clear();
    this.pageTexts.clear();
    const ids = [];
    const texts = [];
    const kinds = new Uint8Array(posts.length);
    for (const post of posts) {
      if (typeof post.id !== 'string') continue;
      kinds[ids.length] = KIND_CODE[kindOf(post)];
      ids.push(post.id);
      texts.push(textOf(post));
    }
    this.index.upsertPacked(
      ids.join(''),
      Uint32Array.from(ids, (s) => s.length),
      kinds.subarray(0, ids.length),
      texts.join(''),
      Uint32Array.from(texts, (s) => s.length),
    );
  }

  upsert(post) {
    this.index.upsert(post.id, kindOf(post), textOf(post));
  }

  remove(id) {
    this.index.remove(id);
  }

  /** Follow one committed write plan: changed posts re-indexed, removed ones dropped. */
  applyCommit(plan) {
    for (const [key, value] of Object.entries(plan.set)) {
      if (key.startsWith('post:') && value && typeof value === 'object') this.upsert(value);
    }
    for (const key of plan.remove) if (key.startsWith('post:')) this.remove(key.slice(5));
  }

  /**
   * The stored posts' index as bytes. Page posts are dropped first (they
   * belong to one page view, not to storage) and come back with the next check.
   */
  serialize() {
    if (this.pageIds.size) {
      this.index.removeKind('page');
      this.pageIds.clear();
      this.pageTexts.clear();
    }
    return this.index.serialize();
  }

  /** Replace the page's posts with `texts` (only the difference is re-indexed). */
  setPagePosts(texts) {
    const want = new Map(texts.map((t) => [`page:${hash(t)}`, t]));
    for (const id of this.pageIds) {
      if (!want.has(id)) {
        this.index.remove(id);
        this.pageIds.delete(id);
        this.pageTexts.delete(id);
      }
    }
    for (const [id, text] of want) {
      if (!this.pageIds.has(id)) {
        this.index.upsert(id, 'page', text);
        this.pageIds.add(id);
        this.pageTexts.set(id, text);
      }
    }
  }

  /** The text of a page post by its `page:` id (for naming a match). */
  pageText(id) {
    return this.pageTexts.get(id) ?? null;
  }

  /**
   * `own` is the stored post being edited (excludeId). Once it is published
   * the page shows it too: those page copies (its text, a variant, or a part
   * of it posted as a thread) are the post itself, not reuse. They are
   * excluded by id here, so a restored (kept) index honours them the same way.
   */
  check(text, excludeId, pagePosts, own = null) {
    if (pagePosts) this.setPagePosts(pagePosts);
    const excludeIds = [];
    if (own?.status === 'published') {
      const mine = new Set([own.text, ...Object.values(own.variants ?? {}), ...(own.thread?.parts ?? [])].filter((t) => typeof t === 'string' && t).map(norm));
      for (const [id, t] of this.pageTexts) if (mine.has(norm(t))) excludeIds.push(id);
    }
    // Lower thresholds than the engine's defaults: the panel lists the
    // *closest* posts, so a writer sees a 30% reuse before it becomes 80%.
    return this.index.check(text, { ...(excludeId ? { excludeId } : {}), excludeIds, limit: 5, minJaccard: 0.1, minContainment: 0.2 });
  }
}
