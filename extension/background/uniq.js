// The worker's uniqueness index: every stored post (archive, queue, drafts)
// plus the posts visible on the page the panel is on. Page posts live in the
// same index under `page:` ids, so one check sees every source and the
// percentage counts a shingle once whichever document it came from.

// What a post counts as for "closest matches".
function kindOf(post) {
  if (post.status === 'published' || post.status === 'archived' || post.status === 'expired') return 'archive';
  if (post.status === 'scheduled' || post.status === 'missed') return 'queue';
  return 'draft';
}

// Sites trim and normalise what they post; compare texts the same way.
const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A small stable string hash (FNV-1a) to name page posts without storing their text twice. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36) + text.length.toString(36);
}

export class PostIndex {
  constructor(core) {
    this.core = core;
    this.index = new core.UniquenessIndex();
    this.pageIds = new Set();
    this.pageTexts = new Map();
  }

  rebuild(posts) {
    this.index.free?.();
    this.index = new this.core.UniquenessIndex();
    this.pageIds.clear();
    this.pageTexts.clear();
    for (const p of posts) this.upsert(p);
  }

  upsert(post) {
    // Variants are indexed too: reusing a network variant is still reuse.
    const texts = [post.text, ...Object.values(post.variants ?? {})].filter(Boolean);
    this.index.upsert(post.id, kindOf(post), texts.join('\n\n'));
  }

  remove(id) {
    this.index.remove(id);
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
   * the page shows it too: those page copies are the post itself, not reuse.
   */
  check(text, excludeId, pagePosts, own = null) {
    if (pagePosts) this.setPagePosts(pagePosts);
    const excludeIds = [];
    if (own?.status === 'published') {
      const mine = new Set([own.text, ...Object.values(own.variants ?? {})].filter(Boolean).map(norm));
      for (const [id, t] of this.pageTexts) if (mine.has(norm(t))) excludeIds.push(id);
    }
    // Lower thresholds than the engine's defaults: the panel lists the
    // *closest* posts, so a writer sees a 30% reuse before it becomes 80%.
    return this.index.check(text, { ...(excludeId ? { excludeId } : {}), excludeIds, limit: 5, minJaccard: 0.1, minContainment: 0.2 });
  }
}
