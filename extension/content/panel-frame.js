// The panel is an extension page in an iframe, so the host page can neither
// read it nor see its keystrokes. The frame lives in a closed shadow root
// attached to our own host element at the end of the document: the page's CSS
// cannot restyle it and its scripts cannot reach it through `shadowRoot`. The
// launcher (launcher.js) has a host of its own beside the composer, so the
// keyboard reaches it.
import { api, t } from '../shared/api.js';
import { Launcher } from './launcher.js';

const STYLE = `
  :host { all: initial; }
  .frame[hidden] { display: none; }
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
    this.launcher = new Launcher(() => this.toggle());
    this.frame = null;
    root.append(style);
    this.root = root;
    document.documentElement.append(this.host);
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
    this.launcher.setExpanded(open);
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
    this.launcher.setMount(mount);
  }
}
