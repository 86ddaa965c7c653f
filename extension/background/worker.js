// Background worker: the single writer of storage and the keeper of
// reminders. Every listener is registered synchronously at the top level so
// an event that wakes the worker is never missed (MV3), and every handler
// first awaits `boot()` (load core + storage, reconcile reminders) or, when
// it needs no post records, `bootLight()` (see boot.js).
import { api } from '../shared/api.js';
import { wasmMemoryBytes } from '../shared/core.js';
import { FROM, checkMessage, senderKind } from '../shared/messages.js';
import { boot, settled } from './boot.js';
import { handlers } from './handlers.js';
import { ALARM, reconcile } from './reminders.js';
import { onNotificationButton, onNotificationClick } from './actions.js';
import { createMenus, onMenuClick } from './menus.js';
import { syncInstances } from './instances.js';
import { forwardToPanels, onPanelConnect } from './panel-ports.js';
import { onAccessAdded, onInstalledAccess, updateAccessBadge } from './access.js';

const EXTENSION_ORIGIN = api.runtime.getURL('');

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const from = senderKind(sender, api.runtime.id, EXTENSION_ORIGIN);
  const check = checkMessage(msg, from, Object.keys(handlers));
  // A content script's broadcast for its tab's panel, where the browser doesn't deliver it there itself.
  if (from === FROM.CONTENT && checkMessage(msg, from).ok) forwardToPanels(msg, sender);
  // Not ours (e.g. composer.changed is for the panel) or not valid: stay
  // silent, change nothing, let the real receiver answer.
  if (!check.ok) return false;
  Promise.resolve()
    .then(() => handlers[check.type](msg, sender))
    .then(
      (result) => sendResponse({ ok: true, result }),
      (err) =>
        sendResponse({
          ok: false,
          error: { variant: err?.variant ?? 'Internal', message: String(err?.message ?? err), details: err?.details },
        }),
    );
  return true; // the response is asynchronous
});

api.runtime.onInstalled.addListener((details) => {
  createMenus();
  onInstalledAccess(details).catch((err) => console.error('Glider: site access', err));
  syncInstances().catch((err) => console.error('Glider: instance scripts', err));
  boot().catch((err) => console.error('Glider: start failed', err));
});

api.runtime.onStartup.addListener(() => {
  updateAccessBadge().catch((err) => console.error('Glider: site access', err));
  syncInstances().catch((err) => console.error('Glider: instance scripts', err));
  boot().catch((err) => console.error('Glider: start failed', err));
});

api.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== ALARM) return;
  const ctx = await boot();
  await reconcile(ctx.store, ctx.core);
});

api.runtime.onConnect.addListener(onPanelConnect);
api.notifications.onButtonClicked.addListener((id, button) => onNotificationButton(id, button));
api.notifications.onClicked.addListener((id) => onNotificationClick(id));
api.contextMenus.onClicked.addListener((info, tab) => onMenuClick(info, tab));
// A Mastodon instance granted or revoked (our pages or the browser's own settings): its content script follows.
const resync = () => syncInstances().catch((err) => console.error('Glider: instance scripts', err));
api.permissions.onAdded.addListener(resync);
api.permissions.onRemoved.addListener(resync);
// A built-in site allowed or taken back: the badge follows, a newly allowed site's open tabs get Glider.
api.permissions.onAdded.addListener((p) => onAccessAdded(p).catch((err) => console.error('Glider: site access', err)));
api.permissions.onRemoved.addListener(() => updateAccessBadge().catch((err) => console.error('Glider: site access', err)));

api.commands?.onCommand.addListener((command, tab) => {
  if (command === 'toggle-panel' && tab?.id !== undefined) {
    api.tabs.sendMessage(tab.id, { type: 'panel.toggle' }, { frameId: 0 }).catch(() =>
      // No content script (not a supported site): inject it on this user gesture (activeTab).
      api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] }).catch(() => {}),
    );
  }
});

// Waking for any reason (browser start, update, wake from sleep) reconciles:
// reminders that came due meanwhile are shown once, the alarm is re-armed.
boot().catch((err) => console.error('Glider: start failed', err));

// Diagnostics for the test-suite, the benchmark and "inspect service worker".
// `click`/`button` are the notification listeners themselves: no test can click a system notification.
globalThis.__glider = {
  boot,
  settled,
  reconcile: async (now) => {
    const ctx = await boot();
    return reconcile(ctx.store, ctx.core, now);
  },
  /** JS heap and WASM memory in bytes (the benchmark's worker memory figure). */
  memory: async () => {
    await boot();
    return { wasm: wasmMemoryBytes(), heap: globalThis.performance?.memory?.usedJSHeapSize ?? null };
  },
  click: onNotificationClick,
  button: onNotificationButton,
};
