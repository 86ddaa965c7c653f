// What the dashboard knows: the worker's state and every post. Pages never
// write storage; they ask the worker and re-read. A change made elsewhere
// (another tab, the popup, the panel, a reminder) shows up through
// storage.onChanged, which we only *read* to know when to refresh.
import { api } from '../../shared/api.js';
import { call } from '../../shared/rpc.js';
import { BROWSER_ZONE } from './time.js';

const listeners = new Set();

export const store = {
  coreVersion: '',
  projects: [],
  settings: {},
  counts: null,
  posts: [],
  loaded: false,
  error: null,
};

/** Call `fn(store)` after every refresh; returns an unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

let inflight = null;
let again = false;

/** Re-read state and posts from the worker, then notify views. Coalesces bursts. */
export function refresh() {
  if (inflight) {
    again = true;
    return inflight;
  }
  inflight = (async () => {
    try {
      do {
        again = false;
        const [state, posts] = await Promise.all([call('state.get'), call('posts.list', {})]);
        store.coreVersion = state?.coreVersion ?? '';
        store.projects = Array.isArray(state?.projects) ? state.projects : [];
        store.settings = state?.settings ?? {};
        store.counts = state?.counts ?? null;
        store.posts = Array.isArray(posts) ? posts : [];
        store.loaded = true;
        store.error = null;
      } while (again);
    } catch (err) {
      store.error = err;
    } finally {
      inflight = null;
    }
    for (const fn of listeners) {
      try {
        fn(store);
      } catch (err) {
        console.error('Glider dashboard view failed to render', err);
      }
    }
  })();
  return inflight;
}

let changeTimer = 0;
/** Refresh (debounced) whenever the worker writes storage. */
export function watchStorage() {
  api.storage?.onChanged?.addListener((_changes, area) => {
    if (area !== 'local') return;
    clearTimeout(changeTimer);
    changeTimer = setTimeout(refresh, 150);
  });
}

export function projectById(id) {
  return store.projects.find((p) => p.id === id) ?? null;
}

export function postById(id) {
  return store.posts.find((p) => p.id === id) ?? null;
}

/** The zone a post's times are shown in: its planned zone, its project's, or the browser's. */
export function zoneOf(post) {
  return post?.plannedZone || projectById(post?.projectId)?.timeZone || BROWSER_ZONE;
}

/** The project a new post goes to: the default from settings, else the first one. */
export function defaultProjectId() {
  const wanted = store.settings?.defaultProjectId;
  if (wanted && projectById(wanted)) return wanted;
  return store.projects[0]?.id ?? '';
}

/** When the post is (or was) on the plan, for sorting and the calendar. */
export function planTime(post) {
  if (post.status === 'published' || post.status === 'expired' || post.status === 'archived') {
    return post.publishedAt ?? post.scheduledAt ?? null;
  }
  return post.scheduledAt ?? null;
}

/** A new id for a post or project. */
export function newId(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}
