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
  const send = (msg) => api.runtime.sendMessage(msg).catch(() => {
    // Glider was updated or removed: this copy is orphaned (a new one runs in the page's next load
    // or is injected); take its launcher and panel off the page instead of leaving dead buttons.
    if (!api.runtime?.id) panel.destroy();
  });

  // Remember open/closed and side per site; the worker keeps it (single writer).
  const savePrefs = () => send({ type: 'panel.prefs.save', open: panel.isOpen(), side: panel.side });
  const panel = new PanelFrame(adapter.id, savePrefs, () => protectedBoxes(adapter));
  // The stored post last filled in by Open & fill, while the composer still holds its text:
  // the panel then knows which post it holds (and never judges it against itself).
  let filled = null;
  const filledId = (text) => (filled && filled.text === text ? filled.postId : undefined);
  // The site's own limits when the page states them (a Mastodon instance's character limit):
  // the panel counts against them (the core's instanceLimit).
  let limits = null;
  let lastReady = null;
  const ready = (status) => {
    lastReady = { type: 'content.ready', network: adapter.id, composers: status.count, needsUpdate: status.needsUpdate, canOpen: !!status.opener };
    send(limits ? { ...lastReady, limits } : lastReady);
  };
  // While Glider itself fills the composer (opening it, replacing its text), the editor's changes
  // are ours, not the user's: they are not reported one by one (an empty composer that just
  // opened would empty the panel's draft); the result is reported once, afterwards.
  let filling = 0;
  const changed = (text, { initial = false } = {}) => send({
    type: 'composer.changed', network: adapter.id, text,
    ...(filledId(text) ? { postId: filledId(text) } : {}),
    ...(initial ? { initial: true } : {}),
  });
  const tracker = new ComposerTracker(adapter, {
    onChange: (text, meta) => {
      if (!filling) changed(text, meta);
    },
    onPublished: (text) => send({ type: 'composer.published', network: adapter.id, text, url: location.href }),
    onStatus: (status) => {
      // No composer but the site's opener of a closed composer: the launcher sits by the opener.
      const mount = status.composer ? adapter.mountPoint(status.composer) : status.opener ? { anchor: status.opener, where: 'afterend', beside: true } : null;
      panel.setLauncherAnchor(mount);
      ready(status);
    },
  });
  tracker.start();
  adapter.limits?.().then((l) => {
    limits = l;
    if (lastReady) send({ ...lastReady, limits });
  }, () => {});

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
        // Scans run once per animation frame, which a busy or background tab delays: look now.
        const composer = tracker.current() ?? tracker.rescan();
        const text = composer ? adapter.read(composer) : '';
        return { ok: true, found: !!composer, network: adapter.id, text, ...(filledId(text) ? { postId: filledId(text) } : {}) };
      }
      case 'composer.insert': {
        // Finds the composer, or opens it with the site's own opener (closed dialogs), then
        // inserts and reads back: { ok, technique, text, verified, opened, reason? } (docs/ADAPTERS.md).
        const composer = tracker.current() ?? tracker.rescan();
        const opts = { replace: msg.replace ?? true, composer, ...(msg.title !== undefined ? { title: msg.title } : {}) };
        let result;
        let target;
        filling += 1;
        try {
          result = await adapter.fill(msg.text, opts);
          // The composer that took the text (it may have just been opened).
          target = tracker.rescan() ?? composer;
        } finally {
          filling -= 1;
        }
        filled = result.ok && msg.postId ? { postId: msg.postId, text: result.text } : null;
        // What the composer holds now, with the post it came from (Open & fill); a failed fill
        // reports nothing: the panel keeps its draft and offers the clipboard.
        if (result.ok) changed(result.text);
        return { ...result, network: adapter.id, postEnabled: result.ok && target ? await postEnabled(target) : null };
      }
      case 'page.posts':
        return { ok: true, network: adapter.id, posts: adapter.visiblePosts(document).slice(0, 500) };
      case 'adapter.status': {
        if (!tracker.current()) tracker.rescan();
        const { composer, opener, count, needsUpdate } = tracker.status();
        // Per-site limits the page states (a Mastodon instance's own character limit), if any.
        const limits = (await adapter.limits?.().catch(() => null)) ?? null;
        return { ok: true, network: adapter.id, found: !!composer, composers: count, needsUpdate, canOpen: !!opener, limits, panel: panel.state() };
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
