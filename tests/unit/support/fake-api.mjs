// A fake WebExtension `api` for the unit tests (node --test): storage.local,
// alarms, notifications, tabs, runtime and i18n in memory, recording what
// the code under test asked for. Installed as `globalThis.chrome` before the
// extension's modules are imported (they read `globalThis.browser ?? chrome`
// once), together with a small in-memory IndexedDB (snapshot.js).
import { installFakeIndexedDB } from './fake-idb.mjs';

/** A listener registry shaped like `chrome.*.onX`. */
function event() {
  const listeners = new Set();
  return {
    addListener: (fn) => listeners.add(fn),
    removeListener: (fn) => listeners.delete(fn),
    hasListener: (fn) => listeners.has(fn),
    async fire(...args) {
      for (const fn of listeners) await fn(...args);
    },
  };
}

const clone = (v) => (v === undefined ? undefined : structuredClone(v));

/** storage.local: values are cloned in and out, as the real area does. */
export function fakeStorage() {
  const data = new Map();
  const calls = [];
  let failNext = null;
  let hold = null;
  return {
    data,
    calls,
    /** Make every get(null) wait until the returned function is called (a slow full read). */
    holdFullReads() {
      let release;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    /** Make the next set/remove reject with `message` (e.g. a quota error). */
    failNextWrite(message) {
      failNext = message;
    },
    async get(keys) {
      calls.push(['get', keys === null || keys === undefined ? null : keys]);
      if ((keys === null || keys === undefined) && hold) await hold;
      const out = {};
      const wanted = keys === null || keys === undefined ? [...data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      for (const k of wanted) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    async set(items) {
      calls.push(['set', Object.keys(items)]);
      if (failNext) {
        const message = failNext;
        failNext = null;
        throw new Error(message);
      }
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(keys) {
      calls.push(['remove', keys]);
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
    async clear() {
      data.clear();
    },
  };
}

export function fakeApi({ now = () => Date.now() } = {}) {
  const alarms = new Map();
  const notifications = new Map();
  const log = { tabsCreated: [], tabMessages: [], runtimeMessages: [], notificationsCleared: [] };
  const api = {
    log,
    storage: { local: fakeStorage(), onChanged: event() },
    alarms: {
      map: alarms,
      async get(name) {
        return clone(alarms.get(name));
      },
      async create(name, { when }) {
        alarms.set(name, { name, scheduledTime: when });
      },
      async clear(name) {
        return alarms.delete(name);
      },
      onAlarm: event(),
    },
    notifications: {
      map: notifications,
      async create(id, options) {
        notifications.set(id, clone(options));
        return id;
      },
      async clear(id) {
        log.notificationsCleared.push(id);
        return notifications.delete(id);
      },
      onButtonClicked: event(),
      onClicked: event(),
    },
    tabs: {
      nextId: 100,
      /** What the content script answers to `tabs.sendMessage` (override per test). */
      reply: async () => ({ ok: true }),
      async create({ url, active }) {
        const tab = { id: api.tabs.nextId++, url, active };
        log.tabsCreated.push(tab);
        return tab;
      },
      async sendMessage(tabId, msg, opts) {
        log.tabMessages.push({ tabId, msg, opts });
        return api.tabs.reply(tabId, msg, opts);
      },
      async query() {
        return [];
      },
      async getCurrent() {
        return null;
      },
    },
    runtime: {
      id: 'glider-test',
      getURL: (p) => `chrome-extension://glider-test/${p}`,
      getManifest: () => ({ version: '0.0.0-test' }),
      async sendMessage(msg) {
        log.runtimeMessages.push(msg);
        return undefined;
      },
      onMessage: event(),
      onInstalled: event(),
      onStartup: event(),
    },
    i18n: { getMessage: (key, subs) => (subs?.length ? `${key}(${subs.join(',')})` : key) },
    contextMenus: { create() {}, removeAll(cb) { cb?.(); }, onClicked: event() },
    commands: { onCommand: event() },
    scripting: { async executeScript() {} },
    now,
  };
  return api;
}

/** Install a fresh fake as `globalThis.chrome` (and IndexedDB); returns it. */
export function installFakeApi(opts) {
  const api = fakeApi(opts);
  globalThis.chrome = api;
  installFakeIndexedDB();
  return api;
}
