// Content script → panel, through the worker, for browsers that deliver no runtime message to an
// extension page framed in a web page. Firefox is one: the panel iframe on x.com receives
// neither the content script's broadcasts (composer.changed, content.ready) nor the worker's
// (measured in Firefox ESR 153). Such a panel connects a port named "glider-panel"
// (shared/tabs.js); the worker forwards the broadcasts of the panel's own tab to it, with the
// original sender's URL and frame, so the panel checks them exactly as it checks a broadcast.
import { api } from '../shared/api.js';

const PANEL_PORT = 'glider-panel';
const FORWARDED = new Set(['composer.changed', 'content.ready', 'composer.published']);
const ports = new Map(); // tabId -> Set<Port>

export function onPanelConnect(port) {
  if (port.name !== PANEL_PORT) return;
  const sender = port.sender ?? {};
  const tabId = sender.tab?.id;
  if (sender.id !== api.runtime.id || !sender.url?.startsWith(api.runtime.getURL('')) || typeof tabId !== 'number') {
    port.disconnect();
    return;
  }
  if (!ports.has(tabId)) ports.set(tabId, new Set());
  ports.get(tabId).add(port);
  port.onDisconnect.addListener(() => {
    ports.get(tabId)?.delete(port);
    if (!ports.get(tabId)?.size) ports.delete(tabId);
  });
}

/** Forward a content script's broadcast (already checked as FROM.CONTENT) to its tab's panels. */
export function forwardToPanels(msg, sender) {
  const tabId = sender?.tab?.id;
  if (!FORWARDED.has(msg?.type) || !ports.has(tabId)) return;
  for (const port of ports.get(tabId)) {
    try {
      port.postMessage({ message: msg, sender: { tab: { id: tabId }, url: sender.url, frameId: sender.frameId } });
    } catch {
      // A port closing right now: its onDisconnect cleans up.
    }
  }
}
