// The panel is an extension page in an iframe, so the host page can neither
// read it nor see its keystrokes. The frame and its slim tab live in a
// closed shadow root attached to our own host element at the end of the
// document: the page's CSS cannot restyle them and its scripts cannot reach
// them through `shadowRoot`. The launcher (launcher.js) has a host of its own
// beside the composer, so the keyboard reaches it.
//
// Where the open panel sits is decided by placement.js against the boxes the
// user must keep reaching (keep-clear.js): a free column at the preferred
// edge, else the page narrowed to dock beside it, else a slim tab. It is
// re-decided when the page changes (a dialog opens, the window resizes).
import { api } from '../shared/api.js';
import { ct } from './strings.js';
import { Launcher } from './launcher.js';
import { MARGIN, dockWidth, floatColumn, freeBand, tabSpot } from './placement.js';

const STYLE = `
  :host { all: initial; }
  .frame[hidden], .tab[hidden] { display: none; }
  .frame { position: fixed; z-index: 2147483647; border: 0; border-radius: 12px; box-shadow: 0 8px 32px #0005;
    background: transparent; color-scheme: normal; }
  .tab { position: fixed; z-index: 2147483647; border: 0; margin: 0; padding: 8px 0; cursor: pointer; color: #fff;
    background: #2563eb; box-shadow: 0 1px 6px #0005; font: 600 12px/1 system-ui, sans-serif; writing-mode: vertical-rl;
    display: flex; align-items: center; justify-content: center; gap: 6px; }
  .tab.right { border-radius: 8px 0 0 8px; } .tab.left { border-radius: 0 8px 8px 0; }
  .tab:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;

// Re-check this often while open: a site may show a dialog by toggling a class.
const RECHECK_MS = 500;

export class PanelFrame {
  /** `protect()` returns `{ hard, soft }` viewport boxes to keep clear of (keep-clear.js). */
  constructor(network, onChange = () => {}, protect = () => ({ hard: [], soft: [] })) {
    this.network = network;
    this.onChange = onChange;
    // The site's boxes, plus our own launcher: the way back to the panel stays reachable too.
    this.protect = () => {
      const boxes = protect();
      const own = this.launcher.rect();
      return own ? { ...boxes, hard: [...boxes.hard, own] } : boxes;
    };
    this.side = 'right';
    this.wantOpen = false;
    this.forced = false; // the user opened it from the tab although it covers something
    this.layout = null;
    this.docked = null; // { prop, before } while the page is narrowed for the panel
    // The iframe is made the first time the panel opens (ensureFrame): a page where the user
    // never opens Glider never loads the panel. Our host and its tab are made at once: the tests
    // and the security checks find the content script by its host.
    this.host = null;
    this.root = null;
    this.tab = null;
    this.frame = null;
    this.launcher = new Launcher(() => this.toggle());
    this.abort = new AbortController();
    const { signal } = this.abort;
    const soon = () => this.schedule();
    this.soon = soon;
    // The launcher follows its anchor by itself (launcher.js); the panel re-places on page changes.
    addEventListener('scroll', soon, { passive: true, capture: true, signal });
    addEventListener('resize', () => {
      this.undock();
      this.layout = null;
      soon();
    }, { passive: true, signal });
    this.observer = new MutationObserver(soon);
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearInterval(this.timer);
      this.launcher.destroy();
      this.host?.remove();
    });
    this.ensureRoot();
  }

  /** Our host at the end of the document, with the slim tab in its closed shadow root. */
  ensureRoot() {
    if (this.root) return this.root;
    this.host = document.createElement('glider-root');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.tab = document.createElement('button');
    this.tab.className = 'tab';
    this.tab.hidden = true;
    this.tab.textContent = 'Glider';
    this.tab.title = ct('panelTabLabel');
    this.tab.setAttribute('aria-label', ct('panelTabLabel'));
    this.tab.addEventListener('click', () => this.peek(), { signal: this.abort.signal });
    root.append(style, this.tab);
    this.root = root;
    document.documentElement.append(this.host);
    // Leaving the panel may let it step aside it was kept from while typing.
    this.host.addEventListener('focusout', this.soon, { signal: this.abort.signal });
    return root;
  }

  /** Take everything of ours off the page and stop listening. */
  destroy() {
    this.undock();
    this.abort.abort();
  }

  /** Show the panel although it covers part of the page: the user asked for it from the tab. */
  peek() {
    this.forced = true;
    this.layout = null;
    this.relayout();
    this.frame?.focus();
  }

  isOpen() {
    return this.wantOpen;
  }

  /** Create the iframe lazily: pages where the user never opens Glider pay nothing. */
  ensureFrame() {
    if (this.frame) return this.frame;
    this.ensureRoot();
    const frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.src = api.runtime.getURL(`panel/panel.html#network=${encodeURIComponent(this.network)}&side=${this.side}`);
    frame.allow = 'clipboard-write';
    frame.title = ct('panelTitle');
    frame.hidden = true;
    this.root.append(frame);
    this.frame = frame;
    return frame;
  }

  /** Show or hide the panel; `remember` = false when restoring saved state. */
  toggle(open, remember = true) {
    if (open === undefined) {
      // The shortcut or launcher on a panel waiting as a tab shows it rather than closing it.
      if (this.wantOpen && this.layout?.mode === 'tab') {
        this.peek();
        return true;
      }
      open = !this.wantOpen;
    }
    if (open) this.ensureFrame();
    this.wantOpen = open;
    this.forced = false;
    this.layout = null;
    this.launcher.setExpanded(open);
    if (open) {
      this.observer.observe(document.documentElement, { childList: true, subtree: true });
      this.timer ??= setInterval(() => this.relayout(), RECHECK_MS);
    } else {
      this.observer.disconnect();
      clearInterval(this.timer);
      this.timer = null;
    }
    this.relayout();
    if (remember) this.onChange();
    return open;
  }

  setSide(side, remember = true) {
    if (side !== 'left' && side !== 'right') return;
    this.side = side;
    this.undock();
    this.layout = null;
    this.relayout();
    if (remember) this.onChange();
  }

  /** Coalesce bursts of page changes into one layout per frame. */
  schedule() {
    if (!this.wantOpen || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.relayout();
    });
  }

  /** What the panel currently is, for the tests and the status reply. */
  state() {
    const l = this.layout;
    return { open: this.wantOpen, mode: l?.mode ?? 'closed', side: l?.side ?? this.side, rect: l ? { left: l.left, top: l.top, width: l.width, height: l.height } : null };
  }

  relayout() {
    if (!this.wantOpen) {
      this.undock();
      this.layout = null;
      return this.apply();
    }
    // Never move the panel away from under the user's keystrokes.
    if (this.layout && this.layout.mode !== 'tab' && document.activeElement === this.host) return;
    const view = { vw: document.documentElement.clientWidth || innerWidth, vh: innerHeight, side: this.side };
    if (this.layout && this.stillFree(this.layout, { ...view, rects: this.protect().hard })) return;
    let next = this.place(view);
    if (!next) {
      next = this.forced
        ? { mode: 'peek', side: this.side, left: this.side === 'right' ? view.vw - MARGIN - 380 : MARGIN, top: MARGIN, width: Math.min(380, view.vw - 2 * MARGIN), height: Math.min(760, view.vh - 2 * MARGIN) }
        : tabSpot({ ...view, rects: this.protect().hard });
    } else {
      this.forced = false;
    }
    this.layout = next;
    this.apply();
  }

  /**
   * Beside the page's reading column if possible (floating in a free margin,
   * else docked with the page narrowed), else over the column but never over
   * a control; null when neither fits (the caller makes a tab).
   */
  place(view) {
    this.undock();
    const width = dockWidth(view.vw);
    for (const which of ['all', 'hard']) {
      const boxes = this.protect();
      const rects = which === 'all' ? [...boxes.hard, ...boxes.soft] : boxes.hard;
      const float = floatColumn({ ...view, rects });
      if (float) return float;
      if (!width) continue;
      this.dock(width + 2 * MARGIN);
      const docked = this.protect();
      const dock = this.dockColumn(view, width, which === 'all' ? [...docked.hard, ...docked.soft] : docked.hard);
      if (dock) return dock;
      this.undock();
    }
    return freeBand({ ...view, rects: this.protect().hard });
  }

  /** The current layout still meets nothing (keeps the panel from jumping about). */
  stillFree(l, view) {
    if (l.mode === 'peek') return this.forced;
    if (l.mode === 'tab') return false; // always look for room to open again
    // A column must stay clear at every height (the page scrolls); a band only where it is.
    const band = l.height < view.vh - 2 * MARGIN;
    const [x0, x1, y0, y1] = [l.left - 8, l.left + l.width + 8, band ? l.top - 8 : 0, band ? l.top + l.height + 8 : view.vh];
    return view.rects.every((r) => !(r.width > 0 && r.height > 0 && r.right > x0 && r.left < x1 && r.bottom > y0 && r.top < y1));
  }

  dockColumn(view, width, rects) {
    const left = view.side === 'right' ? view.vw - MARGIN - width : MARGIN;
    const l = { mode: 'dock', side: view.side, left, top: MARGIN, width, height: Math.min(760, view.vh - 2 * MARGIN) };
    return this.stillFree(l, { ...view, rects }) ? l : null;
  }

  /** Narrow the page by `px` at the panel's side, so the site lays itself out beside it. */
  dock(px) {
    const prop = this.side === 'right' ? 'margin-right' : 'margin-left';
    const html = document.documentElement.style;
    if (this.docked?.prop !== prop) {
      this.undock();
      this.docked = { prop, before: html.getPropertyValue(prop), priority: html.getPropertyPriority(prop) };
    }
    html.setProperty(prop, `${px}px`, 'important');
  }

  undock() {
    if (!this.docked) return;
    const html = document.documentElement.style;
    const { prop, before, priority } = this.docked;
    if (before) html.setProperty(prop, before, priority);
    else html.removeProperty(prop);
    this.docked = null;
  }

  apply() {
    const l = this.layout;
    const showFrame = !!l && l.mode !== 'tab';
    if (this.frame) {
      this.frame.hidden = !showFrame;
      if (showFrame) Object.assign(this.frame.style, { left: `${l.left}px`, top: `${l.top}px`, width: `${l.width}px`, height: `${l.height}px` });
    }
    if (!this.tab) return;
    this.tab.hidden = l?.mode !== 'tab';
    if (l?.mode === 'tab') {
      this.tab.className = `tab ${l.side}`;
      Object.assign(this.tab.style, { left: `${l.left}px`, top: `${l.top}px`, width: `${l.width}px`, height: `${l.height}px` });
    }
  }

  /** `mount` is the adapter's `{ anchor, where }`, or null when there is no composer. */
  setLauncherAnchor(mount) {
    this.launcher.setMount(mount);
    this.schedule();
  }
}
