// Site access in the worker (shared/access.js says why it can be missing): the toolbar badge
// says so whenever a built-in site is not allowed, the onboarding page opens on install (always
// in Firefox, in Chromium when a site is missing), and a site allowed later gets Glider in its
// open tabs at once instead of after a reload.
import { api, t } from '../shared/api.js';
import { missingOrigins, siteOrigins } from '../shared/access.js';
import { IS_FIREFOX } from '../shared/platform.js';

export const ONBOARDING = 'onboarding/onboarding.html';

/** Badge "!" and a title that says why while a built-in site is missing; resolves with the missing origins. */
export async function updateAccessBadge() {
  const missing = await missingOrigins();
  await api.action.setBadgeText({ text: missing.length ? '!' : '' });
  if (missing.length) await api.action.setBadgeBackgroundColor({ color: '#b45309' });
  await api.action.setTitle({ title: missing.length ? t('accessBadgeTitle', missing.length) : t('extName') });
  return missing;
}

/**
 * On first install, the page that shows which sites Glider may use. In Firefox always: site
 * access there has been opt-in (before Firefox 127, or with grantByDefault off) and users take
 * it back in about:addons, so they should know where to give it. In Chromium, which grants the
 * sites at install, only when one is missing (the user restricted site access): no extra tab
 * for nothing.
 */
export async function onInstalledAccess(details) {
  const missing = await updateAccessBadge();
  if (details?.reason === 'install' && (IS_FIREFOX || missing.length)) await api.tabs.create({ url: api.runtime.getURL(ONBOARDING) });
}

/** A built-in site was allowed (the onboarding page, the browser's own menus): start Glider in its open tabs. */
export async function onAccessAdded(permissions) {
  await updateAccessBadge();
  const builtIn = new Set(siteOrigins());
  const added = (permissions?.origins ?? []).filter((o) => builtIn.has(o));
  if (!added.length) return;
  const tabs = await api.tabs.query({ url: added });
  // content.js keeps the first copy when it is already there.
  await Promise.all(tabs.map((tab) => api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] }).catch(() => {})));
}
