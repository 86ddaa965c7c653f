// The onboarding page: which of its sites Glider may run on, and a button to allow the missing
// ones (permissions.request, on the click itself: browsers refuse it without the user's
// gesture). Opened on install when a site is missing, and from the popup and the toolbar badge
// whenever one is (background/access.js). Keyboard: every action is a button in Tab order, and
// when a row's button goes away after a grant the focus moves to the next one that is left.
import { api, localize, t } from '../shared/api.js';
import { hostOf, missingOrigins, sites } from '../shared/access.js';
import { call } from '../shared/rpc.js';
import { applyTheme } from '../options/settings.js';
import { clear, el } from '../options/lib/dom.js';

localize();
document.documentElement.lang = api.i18n.getUILanguage?.() || 'en';
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const SITES = sites();
let missing = new Set();

async function request(origins) {
  const status = $('access-status');
  // Called before any await: the request must stay inside the click's user gesture.
  const asked = api.permissions.request({ origins });
  status.textContent = '';
  try {
    if (!(await asked)) status.textContent = t('onboardRefused');
  } catch (err) {
    status.textContent = t('errorGeneric', err.message);
  }
  await render();
}

function stateText(site) {
  const off = site.origins.filter((o) => missing.has(o));
  if (!off.length) return `✓ ${t('onboardGranted')}`;
  // Part of a network allowed (x.com but not twitter.com): name what is left.
  return off.length === site.origins.length ? t('onboardNotGranted') : t('onboardNotGrantedOn', off.map(hostOf).join(', '));
}

function row(site) {
  const ok = site.origins.every((o) => !missing.has(o));
  return el(
    'li',
    { testid: 'site', dataset: { site: site.label, state: ok ? 'granted' : 'missing' } },
    el('span', { class: 'name', text: site.label }),
    el('span', { class: 'hosts muted', text: site.hosts.join(', ') }),
    el('span', { class: `state ${ok ? 'ok' : 'missing'}`, testid: 'site-state', text: stateText(site) }),
    ok
      ? null
      : el('button', { type: 'button', testid: 'allow-site', 'aria-label': t('onboardAllowOn', site.label), onclick: () => request(site.origins.filter((o) => missing.has(o))) }, t('onboardAllow')),
  );
}

async function render() {
  // Keep the keyboard where it was: a row's button that goes away passes the focus on.
  const buttons = [...document.querySelectorAll('[data-testid="allow-site"]')];
  const focusedAt = buttons.indexOf(document.activeElement);
  const hadFocus = focusedAt >= 0 || document.activeElement === $('allow-all');
  missing = new Set(await missingOrigins());
  clear($('site-list')).append(...SITES.map(row));
  const count = SITES.filter((s) => s.origins.some((o) => missing.has(o))).length;
  const summary = $('access-summary');
  summary.textContent = count ? t('onboardMissing', count, SITES.length) : t('onboardAllGranted');
  summary.dataset.missing = String(count);
  $('allow-all').hidden = count === 0;
  if (hadFocus) {
    const left = [...document.querySelectorAll('[data-testid="allow-site"]')];
    (left[Math.max(0, Math.min(focusedAt, left.length - 1))] ?? $('open-dashboard')).focus();
  }
  document.body.dataset.ready = 'true';
}

$('allow-all').addEventListener('click', () => request([...missing]));
$('open-dashboard').addEventListener('click', () => api.runtime.openOptionsPage());
// Allowed or taken back anywhere (the browser's menus, another Glider page): show it.
api.permissions.onAdded.addListener(() => render());
api.permissions.onRemoved.addListener(() => render());
call('state.get').then((s) => applyTheme(s?.settings?.theme), () => {});
render();
