// What the dashboard knows: the worker's state and the posts on the plan in
// the weeks the calendar shows (`store.window`; loading every post of a
// 10,000-post archive cost a quarter of a second per refresh). Lists ask the
// worker for their own rows. Pages never write storage; they ask the worker
// and re-read. A change made elsewhere
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
  projectCounts: {},
  /** Posts on the plan (calendar statuses) with a plan time in `window`. */
  posts: [],
  /** `{from, to}` (UTC ms) the posts were loaded for, or null before the first load. */
  window: null,
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

/** Statuses the calendar shows (calendar-grid.js SHOWN). */
const PLAN_STATUSES = ['scheduled', 'missed', 'published', 'expired'];
let wantWindow = () => null;

/** The calendar says which plan-time window it needs: `fn() -> {from, to}`. */
export function setPostsWindow(fn) {
  wantWindow = fn;
}

/** Whether the loaded posts cover `[from, to)`. */
export function covers(from, to) {
  return !!store.window && store.window.from <= from && store.window.to >= to;
}

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
        const window = wantWindow();
        const [state, posts] = await Promise.all([call('state.get'), call('posts.list', { status: PLAN_STATUSES, ...(window ?? {}) })]);
        store.coreVersion = state?.coreVersion ?? '';
        store.projects = Array.isArray(state?.projects) ? state.projects : [];
        store.settings = state?.settings ?? {};
        store.counts = state?.counts ?? null;
        store.projectCounts = state?.projectCounts ?? {};
        store.posts = Array.isArray(posts) ? posts : [];
        store.window = window;
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

/** When the post is (or was) on the plan, for sorting and the calendar (shared with the worker). */
export { planTime } from '../../shared/plan.js';

/** A new id for a post or project. */
export function newId(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}
