// The Glider button beside the site's composer (or beside the opener of a closed composer).
//
// Keyboard: it is a real <button> with an accessible name, and its host element sits in the page
// right next to the composer's mount point, so Tab from the composer (or Shift+Tab, for a mount
// point before it) reaches it, Enter and Space press it, and a site dialog's focus trap, which
// only cycles through its own subtree, still includes it. At the end of the document it would
// be dozens of Tab presses away and outside every modal. Nothing of ours is readable there: the
// button lives in a closed shadow root, the host is an empty custom element styled inline.
// Visually it floats (position: fixed) over the mount point's top-right corner.
import { api } from '../shared/api.js';
import { ct } from './strings.js';

const STYLE = `
  :host { all: initial; }
  .launcher { position: fixed; z-index: 2147483646; width: 28px; height: 28px; border-radius: 8px;
    border: 0; padding: 0; cursor: pointer; background: #2563eb center/18px no-repeat; box-shadow: 0 1px 4px #0004; }
  .launcher:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .launcher[hidden] { display: none; }
`;

export class Launcher {
  /** @param {() => void} onPress */
  constructor(onPress) {
    this.host = document.createElement('glider-launcher');
    // Page styles must not size or move the host: it is an empty inline box.
    this.host.style.setProperty('all', 'initial', 'important');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'launcher';
    this.button.hidden = true;
    this.button.title = ct('launcherLabel');
    this.button.setAttribute('aria-label', ct('launcherLabel'));
    this.button.setAttribute('aria-expanded', 'false');
    this.button.style.backgroundImage = `url("${api.runtime.getURL('icons/32.png')}")`;
    // A <button> turns Enter and Space into a click by itself.
    this.button.addEventListener('click', (e) => {
      e.stopPropagation();
      onPress();
    });
    root.append(style, this.button);
    this.mount = null;
    this.placing = false;
    this.again = false;
    this.abort = new AbortController();
    const { signal } = this.abort;
    const reposition = () => this.place();
    addEventListener('scroll', reposition, { passive: true, capture: true, signal });
    addEventListener('resize', reposition, { passive: true, signal });
    // Sites re-render and animate dialogs without scrolling: follow the anchor, put the host back.
    const timer = setInterval(reposition, 1000);
    signal.addEventListener('abort', () => clearInterval(timer));
  }

  /** Stop following the page (the content script is going away). */
  destroy() {
    this.abort.abort();
    this.host.remove();
  }

  /**
   * `mount` is the adapter's `{ anchor, where }` (the button over the anchor's top-right corner),
   * with `beside: true` next to the anchor instead; null when there is nothing to stand by.
   */
  setMount(mount) {
    this.mount = mount?.anchor ? mount : null;
    this.place();
  }

  /** The button's box while it is shown (the panel keeps clear of it), else null. */
  rect() {
    if (this.button.hidden) return null;
    const r = this.button.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? r : null;
  }

  setExpanded(open) {
    this.button.setAttribute('aria-expanded', String(!!open));
  }

  /**
   * Put the host next to the anchor (in tab order) and the button over the anchor's corner.
   *
   * Boxes are read from an IntersectionObserver, which reports them from the
   * layout the browser does for its next frame anyway: getBoundingClientRect
   * right after our own DOM change forced a layout of the whole page in our
   * task (5-9 ms on x.com at load, bench/extension/page.mjs). Calls while a
   * placement is under way fold into one more pass.
   */
  place() {
    const anchor = this.mount?.anchor?.isConnected ? this.mount.anchor : null;
    this.button.hidden = !anchor;
    if (!anchor) return;
    const before = this.mount.where === 'beforebegin' || this.mount.where === 'afterbegin';
    const sibling = before ? anchor.previousSibling : anchor.nextSibling;
    if (sibling !== this.host) {
      if (before) anchor.before(this.host);
      else anchor.after(this.host);
    }
    if (this.placing) {
      this.again = true;
      return;
    }
    this.placing = true;
    this.position(anchor, this.mount).finally(() => {
      this.placing = false;
      if (this.again) {
        this.again = false;
        this.place();
      }
    });
  }

  async position(anchor, mount) {
    // Not shown where it was before it has its place (a new anchor's first frame).
    if (this.placedFor !== anchor) this.button.style.visibility = 'hidden';
    const [r] = await layoutBoxes([anchor]);
    if (!r || this.mount !== mount) return;
    let top = Math.max(4, r.top + 4);
    let left = Math.max(4, r.right - 34);
    if (mount.beside) {
      // Beside a site control (the opener of a closed composer), never over it.
      top = Math.max(4, r.top + (r.height - 28) / 2);
      left = r.right + 34 <= innerWidth ? r.right + 6 : Math.max(4, r.left - 34);
    }
    this.button.style.top = `${top}px`;
    this.button.style.left = `${left}px`;
    // An ancestor with a transform (dialogs animate with one) makes `fixed` relative to it: correct once.
    const [got] = await layoutBoxes([this.button]);
    if (got && got.width > 0 && (Math.abs(got.top - top) > 0.5 || Math.abs(got.left - left) > 0.5)) {
      this.button.style.top = `${2 * top - got.top}px`;
      this.button.style.left = `${2 * left - got.left}px`;
    }
    this.placedFor = anchor;
    this.button.style.visibility = '';
  }
}

/** The boxes of `els` in the browser's next layout, read without forcing one (see place()). */
function layoutBoxes(els) {
  return new Promise((resolve) => {
    const boxes = new Map();
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) boxes.set(e.target, e.boundingClientRect);
      if (boxes.size < els.length) return;
      io.disconnect();
      resolve(els.map((el) => boxes.get(el)));
    });
    for (const el of els) io.observe(el);
    // A node removed meanwhile, or a tab that never renders, reports nothing: give up after a while.
    setTimeout(() => {
      io.disconnect();
      resolve(els.map((el) => boxes.get(el) ?? null));
    }, 1000);
  });
}
