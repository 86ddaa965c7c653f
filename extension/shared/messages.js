// The one catalogue of runtime messages. Every receiver validates the
// sender and the shape with `checkMessage` before acting: a page, another
// extension or a stale tab must never change state by sending a look-alike.
//
// Field specs: 'string' (≤ 1 MiB), 'file' (a whole import, ≤ 64 MiB), 'number', 'boolean', 'object', 'array', 'any';
// a trailing '?' makes the field optional. Unknown fields are rejected so
// that a typo is an error rather than a silently ignored option.

/** Where a message may come from. */
export const FROM = Object.freeze({
  CONTENT: 'content', // a content script in a tab (sender.tab set, sender.url an http(s) page)
  EXTENSION: 'extension', // an extension page: panel, popup, dashboard (sender.url chrome-extension://...)
  WORKER: 'worker', // the background worker (no sender.tab, extension origin)
});

/** type -> { from: FROM[], fields: { name: spec } } */
export const MESSAGES = Object.freeze({
  // --- to the content script (from panel / worker, via tabs.sendMessage) ---
  'composer.read': { from: [FROM.EXTENSION, FROM.WORKER], fields: {} },
  // postId: the stored post being filled (Open & fill), so a panel on the page knows which post it holds.
  // title: Reddit's post title (else the draft's first line fills an empty title field).
  'composer.insert': { from: [FROM.EXTENSION, FROM.WORKER], fields: { text: 'string', replace: 'boolean?', postId: 'string?', title: 'string?' } },
  'page.posts': { from: [FROM.EXTENSION, FROM.WORKER], fields: {} },
  'adapter.status': { from: [FROM.EXTENSION, FROM.WORKER], fields: {} },
  'panel.toggle': { from: [FROM.EXTENSION, FROM.WORKER], fields: { open: 'boolean?' } },

  // --- from the content script (broadcast with runtime.sendMessage) ---
  // initial: the text a composer appeared with (opened, restored by the site), not an edit.
  'composer.changed': { from: [FROM.CONTENT], fields: { network: 'string', text: 'string', postId: 'string?', initial: 'boolean?' } },
  'composer.published': { from: [FROM.CONTENT], fields: { network: 'string', text: 'string', url: 'string?' } },
  // canOpen: no composer, but the site's opener of a closed composer dialog is there (Insert opens it).
  // limits: the site's own limits when the page states them (Mastodon: { maxCharacters, … , source }).
  'content.ready': { from: [FROM.CONTENT], fields: { network: 'string', composers: 'number', needsUpdate: 'boolean', canOpen: 'boolean?', limits: 'object?' } },
  // Panel open/closed and side, remembered per site (the worker stores it; the host comes from the sender).
  'panel.prefs.get': { from: [FROM.CONTENT], fields: {} },
  'panel.prefs.save': { from: [FROM.CONTENT], fields: { open: 'boolean', side: 'string' } },
  'panel.side': { from: [FROM.EXTENSION], fields: { side: 'string' } },
  // A framed extension page's own tab, and a message to it through the worker: Firefox gives the
  // panel iframe no `tabs` API (background/relay.js).
  'tab.current': { from: [FROM.EXTENSION], fields: {} },
  'tab.relay': { from: [FROM.EXTENSION], fields: { message: 'object' } },

  // --- to the worker (from extension pages) ---
  'core.count': { from: [FROM.EXTENSION], fields: { text: 'string', network: 'string', options: 'object?' } },
  'state.get': { from: [FROM.EXTENSION], fields: {} },
  // from/to: only posts whose plan time (shared/plan.js) is in [from, to), e.g. the calendar's weeks.
  'posts.list': { from: [FROM.EXTENSION], fields: { status: 'array?', projectId: 'string?', query: 'string?', limit: 'number?', from: 'number?', to: 'number?' } },
  // Writes carry the revision they were based on; a stale one is a Conflict, never an overwrite.
  'post.save': { from: [FROM.EXTENSION], fields: { post: 'object', baseRevision: 'number?' } },
  'post.delete': { from: [FROM.EXTENSION], fields: { id: 'string', baseRevision: 'number' } },
  // anyway: break the project's rules knowingly (recorded on the post); never the past or the expiry.
  'post.schedule': { from: [FROM.EXTENSION], fields: { id: 'string', at: 'number', baseRevision: 'number', anyway: 'boolean?' } },
  'post.get': { from: [FROM.EXTENSION], fields: { id: 'string' } },
  // "May this (possibly unsaved) post take this time?" with the next allowed time; writes nothing.
  'schedule.check': { from: [FROM.EXTENSION], fields: { post: 'object', at: 'number' } },
  // Content scripts report publication as composer.published; only our pages may name a post id.
  'post.markPublished': { from: [FROM.EXTENSION], fields: { id: 'string', url: 'string?' } },
  'queue.preview': { from: [FROM.EXTENSION], fields: { post: 'object' } },
  'queue.add': { from: [FROM.EXTENSION], fields: { id: 'string', baseRevision: 'number' } },
  // Many posts at once (dashboard: spread, shuffle, next free slots) and the undo of that.
  'posts.reschedule': { from: [FROM.EXTENSION], fields: { changes: 'array' } },
  'posts.restore': { from: [FROM.EXTENSION], fields: { records: 'array' } },
  'project.save': { from: [FROM.EXTENSION], fields: { project: 'object', baseRevision: 'number?' } },
  'project.delete': { from: [FROM.EXTENSION], fields: { id: 'string', baseRevision: 'number' } },
  'reminder.openFill': { from: [FROM.EXTENSION], fields: { id: 'string' } },
  'reminder.snooze': { from: [FROM.EXTENSION], fields: { id: 'string', option: 'string' } },
  'uniqueness.check': { from: [FROM.EXTENSION], fields: { text: 'string', excludeId: 'string?', pagePosts: 'array?' } },
  'settings.save': { from: [FROM.EXTENSION], fields: { settings: 'object' } },
  // Mastodon instances granted at runtime: list (with their limits), register after a grant, give back.
  'instances.list': { from: [FROM.EXTENSION], fields: { limits: 'boolean?' } },
  'instances.sync': { from: [FROM.EXTENSION], fields: {} },
  'instances.remove': { from: [FROM.EXTENSION], fields: { host: 'string' } },
  'import.run': {
    from: [FROM.EXTENSION],
    fields: { format: 'string', text: 'file', keepValid: 'boolean?', zone: 'string?', projectId: 'string?', networks: 'array?', dateOrder: 'string?' },
  },
  'export.run': { from: [FROM.EXTENSION], fields: { format: 'string', zone: 'string?' } },
  // worker → dashboard broadcast while an import is written
  'import.progress': { from: [FROM.WORKER, FROM.EXTENSION], fields: { done: 'number', total: 'number' } },
});

const MAX_TEXT = 1 << 20;
// Whole files (imports) may be larger; the core's CSV limit is 64 MiB.
const MAX_FILE = 64 << 20;

function fieldOk(value, spec) {
  const optional = spec.endsWith('?');
  const type = optional ? spec.slice(0, -1) : spec;
  if (value === undefined) return optional;
  switch (type) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_TEXT;
    case 'file':
      return typeof value === 'string' && value.length <= MAX_FILE;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'any':
      return true;
    default:
      return false;
  }
}

/**
 * Classify a runtime sender. `extensionOrigin` is `api.runtime.getURL('')`.
 * Only our own extension id is trusted at all.
 */
export function senderKind(sender, extensionId, extensionOrigin) {
  if (!sender || sender.id !== extensionId) return null;
  if (sender.tab && typeof sender.url === 'string' && /^https?:/.test(sender.url) && sender.frameId === 0) {
    return FROM.CONTENT;
  }
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) {
    return FROM.EXTENSION;
  }
  if (!sender.tab && !sender.url) return FROM.WORKER;
  return null;
}

/**
 * Validate a message. Returns `{ ok: true, type }` or `{ ok: false, error }`.
 * @param {unknown} msg
 * @param {string|null} from  result of `senderKind`
 * @param {string[]} [accept] the types this receiver handles
 */
export function checkMessage(msg, from, accept) {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return { ok: false, error: 'not an object' };
  const type = msg.type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type)) return { ok: false, error: 'unknown type' };
  if (accept && !accept.includes(type)) return { ok: false, error: 'not handled here' };
  const def = MESSAGES[type];
  if (!from || !def.from.includes(from)) return { ok: false, error: `sender not allowed for ${type}` };
  for (const key of Object.keys(msg)) {
    if (key !== 'type' && !Object.hasOwn(def.fields, key)) return { ok: false, error: `unexpected field ${key}` };
  }
  for (const [key, spec] of Object.entries(def.fields)) {
    if (!fieldOk(msg[key], spec)) return { ok: false, error: `bad field ${key}` };
  }
  return { ok: true, type };
}
