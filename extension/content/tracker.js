// Tracks the site's composer across SPA navigation: finds it, watches it
// through the adapter, and tears everything down with one AbortSignal when
// the composer goes away or the URL changes. With no composer it tracks the
// site's opener of a closed composer dialog, if the page has one.
import { composedContains, deepActiveElement } from '../adapters/lib/dom.js';

// How long a page that should have a composer may go without one before we
// tell the user the adapter needs an update (sites render lazily).
const NEEDS_UPDATE_AFTER_MS = 8000;

export class ComposerTracker {
  constructor(adapter, { onChange, onPublished, onStatus }) {
    this.adapter = adapter;
    this.callbacks = { onChange, onPublished, onStatus };
    this.composer = null;
    this.watch = null; // AbortController of the current composer's watchers
    this.href = location.href;
    this.since = Date.now();
    this.needsUpdate = false;
    this.opener = null;
    this.pending = false;
  }

  start() {
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener('focusin', () => this.schedule(), true);
    this.timer = setInterval(() => this.schedule(), 1000);
    this.rescan();
  }

  /** Coalesce bursts of mutations into one scan per frame. */
  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.rescan();
    });
  }

  current() {
    return this.composer && this.composer.isConnected ? this.composer : null;
  }

  status() {
    const count = this.adapter.findComposers(document).length;
    const composer = this.current();
    return { composer, opener: composer ? null : this.adapter.findOpener?.(document) ?? null, count, needsUpdate: this.needsUpdate };
  }

  rescan() {
    if (location.href !== this.href) {
      this.href = location.href;
      this.since = Date.now();
      this.needsUpdate = false;
    }
    const found = this.adapter.findComposers(document);
    // Prefer the composer the user is typing in (replies, dialogs), else the first.
    const focused = deepActiveElement(document);
    const active = found.find((el) => focused && composedContains(el, focused)) ?? found[0] ?? null;
    // A closed dialog composer: the site's opener is there, Glider can open it (not "needs update").
    const opener = active ? null : this.adapter.findOpener?.(document) ?? null;
    const url = new URL(location.href);
    const needsUpdate = !active && !opener && this.adapter.expectsComposer(url) && Date.now() - this.since > NEEDS_UPDATE_AFTER_MS;
    if (active === this.composer && opener === this.opener && needsUpdate === this.needsUpdate) return active;
    this.needsUpdate = needsUpdate;
    this.opener = opener;
    if (active !== this.composer) this.attach(active);
    this.callbacks.onStatus({ composer: active, opener, count: found.length, needsUpdate });
    return active;
  }

  attach(composer) {
    this.watch?.abort();
    this.watch = null;
    this.composer = composer;
    if (!composer) return;
    this.watch = new AbortController();
    const { onChange, onPublished } = this.callbacks;
    this.adapter.watch(composer, { signal: this.watch.signal, onChange, onPublished });
    // The text a composer appears with (empty, or a draft the site restored), as opposed to typing.
    onChange(this.adapter.read(composer), { initial: true });
  }
}
