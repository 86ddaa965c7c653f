// The uniqueness index kept between wakes, in IndexedDB (storage.local holds
// JSON only; the serialised index is binary, 3 MB at 10,000 posts).
//
// It is a cache, never the data: the posts in storage.local are. A snapshot
// is `{ stamp, format, counts, digest, bytes }`: the posts' stamp it was made
// from (store.js), the build that made it (`indexFormat()` plus the browser,
// whose Unicode the tokenizer uses), the status and project counts of those posts, their
// digest (ids and revisions), and the bytes of `UniquenessIndex.serialize()`.
// A wake answers from it only when stamp and format still match, and keeps
// it once every post is read only when the digest matches too; otherwise the
// index is rebuilt from the posts and a new snapshot written. Losing it
// (cleared site data, a failed write) only costs one slower wake.

const DB_NAME = 'glider-cache';
const STORE = 'snapshots';
const KEY = 'uniqueness';

let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function db() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the snapshot database is blocked'));
  }).catch((err) => {
    opening = null;
    throw err;
  });
  return opening;
}

/** The build a snapshot must come from to be used. */
export function snapshotFormat(core) {
  return `${core.indexFormat()} ${globalThis.navigator?.userAgent ?? ''}`;
}

/** The stored snapshot, or null (none, unreadable, or IndexedDB unavailable). */
export async function readSnapshot() {
  try {
    const tx = (await db()).transaction(STORE, 'readonly');
    return (await request(tx.objectStore(STORE).get(KEY))) ?? null;
  } catch {
    return null;
  }
}

/** Replace the snapshot; resolves once the transaction committed. */
export async function writeSnapshot(snapshot) {
  const tx = (await db()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(snapshot, KEY);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('snapshot write aborted'));
  });
}

/** Whether `snapshot` describes the posts stored under `stamp` by this build. */
export function snapshotMatches(snapshot, stamp, format) {
  return !!snapshot && stamp !== null && snapshot.stamp === stamp && snapshot.format === format && snapshot.bytes instanceof Uint8Array;
}
