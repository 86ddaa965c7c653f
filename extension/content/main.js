// Content script: thin on purpose. It picks the site adapter, tracks the
// composer, mounts the launcher and the panel iframe, and relays messages.
// It never runs WASM (a strict page CSP blocks it here) and never writes
// storage (the worker is the single writer).
import { api } from '../shared/api.js';
import { checkMessage, senderKind } from '../shared/messages.js';
import { pickAdapter } from '../adapters/index.js';
import genericAdapter from '../adapters/generic.js';
import { ComposerTracker } from './tracker.js';
import { PanelFrame } from './panel-frame.js';
import { protectedBoxes } from './keep-clear.js';
import { nextFrame } from '../adapters/lib/insert.js';

const ACCEPTS = ['composer.read', 'composer.insert', 'page.posts', 'adapter.status', 'panel.toggle', 'panel.side'];

function start() {
  // Injected twice (manifest + activeTab on a user gesture)? Keep the first.
  if (globalThis.__gliderContent) return globalThis.__gliderContent;
  const url = new URL(location.href);
  const matched = pickAdapter(url);
  const adapter = matched ?? genericAdapter;
  const send = (msg) => api.runtime.sendMessage(msg).catch(() => {});

  // Remember open/closed and side per site; the worker keeps it (single writer).
  const savePrefs = () => send({ type: 'panel.prefs.save', open: panel.isOpen(), side: panel.side });
  const panel = new PanelFrame(adapter.id, savePrefs, () => protectedBoxes(adapter));
  // The stored post last filled in by Open & fill, while the composer still holds its text:
  // the panel then knows which post it holds (and never judges it against itself).
  let filled = null;
  const filledId = (text) => (filled && filled.text === text ? filled.postId : undefined);
  const tracker = new ComposerTracker(adapter, {
    onChange: (text) => send({ type: 'composer.changed', network: adapter.id, text, ...(filledId(text) ? { postId: filledId(text) } : {}) }),
    onPublished: (text) => send({ type: 'composer.published', network: adapter.id, text, url: location.href }),
    onStatus: (status) => {
      panel.setLauncherAnchor(status.composer ? adapter.mountPoint(status.composer) : null);
      send({ type: 'content.ready', network: adapter.id, composers: status.count, needsUpdate: status.needsUpdate });
    },
  });
  tracker.start();

  const extensionOrigin = api.runtime.getURL('');
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const check = checkMessage(msg, senderKind(sender, api.runtime.id, extensionOrigin), ACCEPTS);
    if (!check.ok) return false;
    handle(msg).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
    return true;
  });

  /** Whether the site's Post control accepts the text now (null: no control found): "Inserted" must not promise more. */
  async function postEnabled(composer) {
    await nextFrame();
    await nextFrame();
    let button = null;
    try {
      button = adapter.postButton(composer);
    } catch {
      button = null;
    }
    if (!button) return null;
    return !(button.disabled || button.getAttribute('aria-disabled') === 'true');
  }

  async function handle(msg) {
    switch (msg.type) {
      case 'composer.read': {
        const composer = tracker.current();
        const text = composer ? adapter.read(composer) : '';
        return { ok: true, found: !!composer, network: adapter.id, text, ...(filledId(text) ? { postId: filledId(text) } : {}) };
      }
      case 'composer.insert': {
        const composer = tracker.current() ?? tracker.rescan();
        if (!composer) return { ok: false, reason: 'noComposer', network: adapter.id };
        const result = await adapter.insert(composer, msg.text, { replace: msg.replace ?? true });
        filled = result.ok && msg.postId ? { postId: msg.postId, text: result.text } : null;
        // The editor reported its change while the text went in, before we knew the post: say it again with the id.
        if (filled) send({ type: 'composer.changed', network: adapter.id, text: result.text, postId: msg.postId });
        return { ...result, network: adapter.id, postEnabled: await postEnabled(composer) };
      }
      case 'page.posts':
        return { ok: true, network: adapter.id, posts: adapter.visiblePosts(document).slice(0, 500) };
      case 'adapter.status': {
        const { composer, count, needsUpdate } = tracker.status();
        return { ok: true, network: adapter.id, found: !!composer, composers: count, needsUpdate, panel: panel.state() };
      }
      case 'panel.toggle':
        panel.toggle(msg.open);
        return { ok: true, open: panel.isOpen() };
      case 'panel.side':
        panel.setSide(msg.side);
        return { ok: true, side: panel.side };
      default:
        return { ok: false };
    }
  }

  // Pages without a dedicated adapter get Glider only on a user gesture
  // (toolbar / shortcut through activeTab), so open the panel right away.
  if (!matched) panel.toggle(true);
  else
    api.runtime
      .sendMessage({ type: 'panel.prefs.get' })
      .then((res) => {
        if (!res?.ok) return;
        panel.setSide(res.result.side, false);
        if (res.result.open && !panel.isOpen()) panel.toggle(true, false);
      })
      .catch(() => {});
  globalThis.__gliderContent = { adapter, tracker, panel };
  return globalThis.__gliderContent;
}

start();
