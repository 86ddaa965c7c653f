// An extension page's own tab and messages to it, in every browser. Chromium gives a framed
// extension page (the panel) the `tabs` API; Firefox does not, so there the worker answers and
// relays (background/relay.js). docs/ARCHITECTURE.md, "Firefox".
import { api } from './api.js';
import { call } from './rpc.js';

/** The id of the tab this page is shown in, or null. */
export async function currentTabId() {
  if (api.tabs?.getCurrent) return (await api.tabs.getCurrent())?.id ?? null;
  return (await call('tab.current')).tabId;
}

/** Send `msg` to the top frame of tab `tabId` (which must be this page's own tab without `tabs`). */
export function sendToTab(tabId, msg) {
  if (api.tabs?.sendMessage) return api.tabs.sendMessage(tabId, msg, { frameId: 0 });
  return call('tab.relay', { message: msg });
}

/**
 * Listen to the broadcasts of the content script in this page's tab: runtime.onMessage where
 * the browser delivers them to a framed extension page (Chromium); otherwise a port to the worker,
 * which forwards them (Firefox; background/panel-ports.js). `listener(msg, sender)` gets the
 * original sender's tab, URL and frame either way.
 */
export function listenToOwnTab(listener) {
  api.runtime.onMessage.addListener(listener);
  if (api.tabs) return;
  const connect = () => {
    const port = api.runtime.connect({ name: 'glider-panel' });
    port.onMessage.addListener(({ message, sender }) => listener(message, { ...sender, id: api.runtime.id }));
    // The worker stopped (Firefox suspends an idle event page): connect again, which wakes it.
    port.onDisconnect.addListener(() => setTimeout(connect, 1000));
  };
  connect();
}
