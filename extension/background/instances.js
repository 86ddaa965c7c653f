// Mastodon instances besides the built-in mastodon.social (README: "any other instance once you
// grant it"). The grant itself is the browser's optional host permission for that origin, asked
// by the popup or the dashboard on a user gesture (permissions.request needs one). The worker
// keeps a content script registered for every granted instance — scripting.registerContentScripts,
// persisted across sessions — and removes it when the permission goes away, however it went
// (our dashboard, the browser's own extension settings). Re-checked at every start, so a
// browser that dropped persisted scripts, or a grant made while the worker slept, still ends right.
import { api } from '../shared/api.js';
import { DEFAULT_LIMITS, hostOfOrigin, instanceHost, limitsFromInstance, originFor } from '../shared/mastodon.js';

const PREFIX = 'glider-instance:';

/** Hosts the user granted beyond the manifest's own host permissions, sorted. */
export async function grantedInstances() {
  const builtIn = new Set(api.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await api.permissions.getAll();
  return [...new Set(origins.filter((o) => !builtIn.has(o)).map(hostOfOrigin).filter(Boolean))].sort();
}

async function reconcile() {
  const hosts = await grantedInstances();
  const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  const registered = new Set(ours.map((s) => s.id.slice(PREFIX.length)));
  const stale = ours.filter((s) => !hosts.includes(s.id.slice(PREFIX.length))).map((s) => s.id);
  if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
  const missing = hosts.filter((h) => !registered.has(h)).map((h) => ({
    id: PREFIX + h,
    matches: [originFor(h)],
    js: ['content.js'],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  }));
  if (missing.length) await api.scripting.registerContentScripts(missing);
  return hosts;
}

let chain = Promise.resolve();
/** Register the content script on every granted instance and nowhere else; resolves with the hosts. */
export function syncInstances() {
  // One at a time: permissions.onAdded and a page's instances.sync arrive together.
  const run = chain.then(reconcile);
  chain = run.catch(() => {});
  return run;
}

/** An instance's limits from its public API (the worker has its host permission), else the defaults. */
async function limitsOf(host) {
  try {
    const res = await fetch(`https://${host}/api/v2/instance`, { credentials: 'omit', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return limitsFromInstance(await res.json());
  } catch {
    return { ...DEFAULT_LIMITS, source: 'default' };
  }
}

/** `[{ host, registered, limits? }]` for every granted instance. */
export async function listInstances({ limits = false } = {}) {
  const hosts = await syncInstances();
  const ids = new Set((await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
  return Promise.all(hosts.map(async (host) => ({
    host,
    registered: ids.has(PREFIX + host),
    ...(limits ? { limits: await limitsOf(host) } : {}),
  })));
}

/** Give the permission back (the onRemoved listener unregisters the script; we also sync here). */
export async function removeInstance(host) {
  const clean = instanceHost(host);
  if (!clean || clean !== host) throw Object.assign(new Error(`not an instance host: ${host}`), { variant: 'BadInput' });
  const builtIn = new Set(api.runtime.getManifest().host_permissions ?? []);
  if (builtIn.has(originFor(host))) throw Object.assign(new Error(`${host} is built in`), { variant: 'BadInput' });
  await api.permissions.remove({ origins: [originFor(host)] });
  await syncInstances();
  return { host };
}
