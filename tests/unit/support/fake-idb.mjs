// Just enough IndexedDB for extension/background/snapshot.js: open with an
// upgrade, one object store, get and put in transactions that complete
// asynchronously. Values are structured-cloned, as the real one does.

const databases = new Map();

function later(fn) {
  setTimeout(fn, 0);
}

function request(run) {
  const req = { result: undefined, error: null, onsuccess: null, onerror: null };
  later(() => {
    try {
      req.result = run();
      req.onsuccess?.({ target: req });
    } catch (err) {
      req.error = err;
      req.onerror?.({ target: req });
    }
  });
  return req;
}

class FakeDatabase {
  constructor() {
    this.stores = new Map();
  }

  createObjectStore(name) {
    this.stores.set(name, new Map());
  }

  transaction(name) {
    const store = this.stores.get(name);
    if (!store) throw new Error(`no object store ${name}`);
    const tx = { oncomplete: null, onerror: null, onabort: null, error: null };
    let pending = 0;
    const done = () => later(() => pending === 0 && tx.oncomplete?.());
    const track = (run) => {
      pending += 1;
      return request(() => {
        try {
          return run();
        } finally {
          pending -= 1;
          done();
        }
      });
    };
    tx.objectStore = () => ({
      get: (key) => track(() => structuredClone(store.get(key))),
      put: (value, key) => track(() => store.set(key, structuredClone(value))),
      delete: (key) => track(() => store.delete(key)),
    });
    return tx;
  }
}

export function installFakeIndexedDB() {
  databases.clear();
  globalThis.indexedDB = {
    open(name) {
      const req = { result: null, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
      later(() => {
        let db = databases.get(name);
        if (!db) {
          db = new FakeDatabase();
          databases.set(name, db);
          req.result = db;
          req.onupgradeneeded?.({ target: req });
        }
        req.result = db;
        req.onsuccess?.({ target: req });
      });
      return req;
    },
  };
  return databases;
}
