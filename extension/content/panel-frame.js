// The panel is an extension page in an iframe, so the host page can neither
// read it nor see its keystrokes. Our launcher and the frame live in a
// closed shadow root attached to our own host element: the page's CSS
// cannot restyle them and its scripts cannot reach them through `shadowRoot`.
// Nothing is inserted inside the site's own (React-managed) trees; the
// launcher floats over the composer's mount point instead.
import { api, t } from '../shared/api.js';

const STYLE = `
  :host { all: initial; }
  .launcher { position: fixed; z-index: 2147483646; width: 28px; height: 28px; border-radius: 8px;
    border: 0; padding: 0; cursor: pointer; background: #2563eb center/18px no-repeat; box-shadow: 0 1px 4px #0004; }
  .launcher[hidden], .frame[hidden] { display: none; }
  .frame { position: fixed; z-index: 2147483647; top: 12px; width: 380px; height: min(760px, calc(100vh - 24px));
    border: 0; border-radius: 12px; box-shadow: 0 8px 32px #0005; background: #fff; color-scheme: normal; }
  .frame.right { right: 12px; } .frame.left { left: 12px; }
`;

export class PanelFrame {
  constructor(network, onChange = () => {}) {
    this.network = network;
    this.onChange = onChange;
    this.side = 'right';
    this.host = document.createElement('glider-root');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.launcher = document.createElement('button');
    this.launcher.className = 'launcher';
    this.launcher.hidden = true;
    this.launcher.title = t('launcherLabel');
    this.launcher.setAttribute('aria-label', t('launcherLabel'));
    this.launcher.style.backgroundImage = `url("${api.runtime.getURL('icons/32.png')}")`;
    this.launcher.addEventListener('click', () => this.toggle());
    this.frame = null;
    root.append(style, this.launcher);
    this.root = root;
    this.anchor = null;
    document.documentElement.append(this.host);
    const reposition = () => this.placeLauncher();
    addEventListener('scroll', reposition, { passive: true, capture: true });
    addEventListener('resize', reposition, { passive: true });
  }

  isOpen() {
    return !!this.frame && !this.frame.hidden;
  }

  /** Create the iframe lazily: pages where the user never opens Glider pay nothing. */
  ensureFrame() {
    if (this.frame) return this.frame;
    const frame = document.createElement('iframe');
    frame.className = `frame ${this.side}`;
    frame.src = api.runtime.getURL(`panel/panel.html#network=${encodeURIComponent(this.network)}&side=${this.side}`);
    frame.allow = 'clipboard-write';
    frame.title = t('panelTitle');
    frame.hidden = true;
    this.root.append(frame);
    this.frame = frame;
    return frame;
  }

  /** Show or hide the panel; `remember` = false when restoring saved state. */
  toggle(open = !this.isOpen(), remember = true) {
    const frame = this.ensureFrame();
    frame.hidden = !open;
    if (remember) this.onChange();
    return open;
  }

  setSide(side, remember = true) {
    if (side !== 'left' && side !== 'right') return;
    this.side = side;
    if (this.frame) this.frame.className = `frame ${side}`;
    if (remember) this.onChange();
  }

  /** `mount` is the adapter's `{ anchor, where }`, or null when there is no composer. */
  setLauncherAnchor(mount) {
    this.anchor = mount?.anchor ?? null;
    this.placeLauncher();
  }

  placeLauncher() {
    const anchor = this.anchor?.isConnected ? this.anchor : null;
    this.launcher.hidden = !anchor;
    if (!anchor) return;
    const r = anchor.getBoundingClientRect();
    this.launcher.style.top = `${Math.max(4, r.top + 4)}px`;
    this.launcher.style.left = `${Math.max(4, r.right - 34)}px`;
  }
}
