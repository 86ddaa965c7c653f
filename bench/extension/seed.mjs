// Posts for the extension benchmark, and seeding them into a browser profile.
//
// The mix follows a writer with a long archive: 70 % published, 12 %
// scheduled (all in the future, so no reminder fires during a run), 15 %
// drafts, 3 % archived; 100-600 characters of words drawn from a fixed
// vocabulary (mulberry32, fixed seed: the same posts every run).

const SEED = 20261203;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'sta', 'vo', 'pri', 'den', 'ul', 'tra', 'gos', 'fi', 'ran', 'be', 'ko', 'zu', 'wel', 'ha', 'ti', 'mor'];

function vocabulary(random, n = 3000) {
  const words = new Set();
  while (words.size < n) {
    const len = 1 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < len; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** `n` post records (schema v3 shape) in project `projectId`, deterministic. */
export function makePosts(n, projectId, now = Date.UTC(2026, 11, 1)) {
  const random = rng(SEED);
  const words = vocabulary(random);
  const posts = [];
  for (let i = 0; i < n; i++) {
    const target = 100 + Math.floor(random() * 500);
    let text = '';
    while (text.length < target) {
      // Zipf-ish: common words come up often, as in real writing.
      const w = words[Math.floor(words.length * random() ** 2)];
      text += (text ? ' ' : '') + w + (random() < 0.08 ? '.' : '');
    }
    const r = random();
    const status = r < 0.7 ? 'published' : r < 0.82 ? 'scheduled' : r < 0.97 ? 'draft' : 'archived';
    const createdAt = now - Math.floor(random() * 400 * 86_400_000);
    const post = { id: `bench-${i.toString(36)}`, projectId, text, networks: ['x'], status, createdAt, updatedAt: createdAt, revision: 0 };
    if (status === 'published' || status === 'archived') {
      post.scheduledAt = createdAt + 3_600_000;
      post.publishedAt = post.scheduledAt;
    }
    if (status === 'scheduled') post.scheduledAt = now + 30 * 86_400_000 + Math.floor(random() * 200 * 86_400_000);
    posts.push(post);
  }
  return posts;
}

/**
 * Store `posts` in the profile's storage.local from an extension page of the
 * extension under test, through the core's own insert plan (the records and
 * index buckets the worker itself would write). Written directly, in large
 * chunks, because importing 100,000 posts through the worker takes minutes;
 * the caller stops the worker afterwards so it reads them like any wake.
 */
export async function seed(page, posts) {
  const CHUNK = 5000;
  for (let i = 0; i < posts.length; i += CHUNK) {
    await page.evaluate(async (chunk) => {
      const { loadCore } = await import(chrome.runtime.getURL('shared/core.js'));
      const core = await loadCore();
      const keys = Array.from({ length: 64 }, (_, b) => `index:post:${b.toString(16).padStart(2, '0')}`);
      const indexes = await chrome.storage.local.get(keys);
      const plan = core.planInsertPosts(chunk, indexes);
      await chrome.storage.local.set(plan.set);
    }, posts.slice(i, i + CHUNK));
  }
}

/** A draft to check while "typing": 500 characters reusing one stored post's words. */
export function draftText(posts) {
  const source = posts.find((p) => p.status === 'published')?.text ?? '';
  return `${source.slice(0, 250)} and then something new entirely, written today for this benchmark run only`.padEnd(500, ' more words here').slice(0, 500);
}
