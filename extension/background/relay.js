// Messages from the panel to its own tab, through the worker, for browsers that give an
// extension page framed inside a web page no `tabs` API. Firefox does so: the panel iframe on
// x.com sees only runtime, storage, i18n and extension (measured in Firefox ESR 153; Chromium
// gives it `tabs`). The worker knows the framing tab from the message's sender and forwards
// only the panel's own message types, only to that tab's top frame, where the content script
// checks them again like any other message.
import { api } from '../shared/api.js';

const PANEL_TO_PAGE = new Set(['composer.read', 'composer.insert', 'page.posts', 'adapter.status', 'panel.toggle', 'panel.side']);

const badInput = (message) => Object.assign(new Error(message), { variant: 'BadInput' });

export const relayHandlers = {
  /** The tab an extension page is shown in (null for the popup, the worker, a window of its own). */
  async 'tab.current'(_msg, sender) {
    return { tabId: sender?.tab?.id ?? null };
  },

  /** Forward `message` to the sender's own tab; the content script's answer, or null when none. */
  async 'tab.relay'({ message }, sender) {
    const tabId = sender?.tab?.id;
    if (typeof tabId !== 'number') throw badInput('tab.relay: the sender is not shown in a tab');
    if (!PANEL_TO_PAGE.has(message.type)) throw badInput(`tab.relay: ${String(message.type)} is not for a page`);
    return (await api.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null)) ?? null;
  },
};
