// The popup's offer for a Mastodon instance Glider does not run on yet: when the tab shows the
// Mastodon web app on a host that is not built in and Glider is not running there, one button asks the browser
// for that origin (permissions.request, on this click: it needs the user gesture), has the
// worker register the content script there (background/instances.js), and starts Glider in the
// tab right away. The toolbar popup acts on the active tab (activeTab lets it probe the page);
// opened as a page, `?tab=<id>` names the tab.
import { api, t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { instanceHost, originFor, probeMastodonPage } from '../shared/mastodon.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

async function targetTab() {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return api.tabs.get(named).catch(() => null);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

async function enable(tab, host) {
  const status = $('instance-grant-status');
  const button = $('instance-grant-button');
  const granted = await api.permissions.request({ origins: [originFor(host)] }).catch(() => false);
  if (!granted) {
    status.textContent = t('instanceRefused', host);
    return;
  }
  button.disabled = true;
  try {
    await call('instances.sync');
    // From now on the registered script starts Glider there; in this tab, start it now.
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
    await api.tabs.sendMessage(tab.id, { type: 'panel.toggle', open: true }, { frameId: 0 }).catch(() => null);
    status.textContent = t('instanceGranted', host);
    button.hidden = true;
  } catch (err) {
    button.disabled = false;
    status.textContent = t('errorGeneric', err.message);
  }
}

async function offer() {
  const tab = await targetTab();
  // tab.url is visible with activeTab (the toolbar click) or the host permission.
  if (!tab?.id || !tab.url?.startsWith('https://')) return;
  const host = instanceHost(new URL(tab.url).hostname);
  if (!host || api.runtime.getManifest().host_permissions.includes(originFor(host))) return;
  // Glider already runs in this tab: nothing to offer. (Granted but not running — the page was
  // loaded before the grant, or the browser dropped the registration — is offered: the click
  // registers again and starts it.)
  const running = await api.tabs.sendMessage(tab.id, { type: 'adapter.status' }, { frameId: 0 }).catch(() => null);
  if (running?.ok) return;
  const [probe] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: probeMastodonPage }).catch(() => []);
  if (!probe?.result) return;
  $('instance-grant-text').textContent = t('instanceGrantText', host);
  const button = $('instance-grant-button');
  button.textContent = t('instanceGrantButton', host);
  button.addEventListener('click', () => enable(tab, host));
  $('instance-grant').hidden = false;
  document.body.dataset.instanceOffer = host;
}

offer().finally(() => {
  document.body.dataset.instanceChecked = 'true';
});
