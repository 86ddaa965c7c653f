// Dashboard section "Mastodon instances" (in Settings): add an instance by name — the browser asks
// for that origin (permissions.request needs this click) and the worker registers the content
// script there (background/instances.js) — see each instance's own limits, remove one (the
// permission is given back and the script unregistered). Self-contained: it mounts itself into
// the Settings view and talks only to the worker.
import { api, t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { instanceHost, originFor } from '../shared/mastodon.js';
import { byTestId, clear, el } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { toast } from './lib/notify.js';

let list;
let status;

function say(text, warn = false) {
  status.textContent = text;
  status.classList.toggle('warn', warn);
}

function limitsLine(limits) {
  if (!limits) return '';
  return limits.source === 'instance'
    ? t('dashInstanceLimits', limits.maxCharacters, limits.maxMediaAttachments)
    : t('dashInstanceLimitsDefault', limits.maxCharacters);
}

async function render() {
  let items;
  try {
    items = await call('instances.list', { limits: true });
  } catch (err) {
    say(describeError(err), true);
    return;
  }
  clear(list);
  if (!items.length) list.append(el('li', { class: 'muted', testid: 'instances-none', i18n: 'dashInstancesNone' }));
  for (const item of items) {
    list.append(el('li', { testid: 'instance-item', dataset: { host: item.host } },
      el('strong', { text: item.host }), ' ',
      el('span', { class: 'muted', testid: 'instance-limits', text: limitsLine(item.limits) }), ' ',
      el('button', { type: 'button', testid: 'instance-remove', text: t('dashInstanceRemove', item.host), onclick: () => remove(item.host) })));
  }
  list.dataset.ready = 'true';
}

async function add(e) {
  e.preventDefault();
  const input = byTestId('instance-name', e.currentTarget);
  const typed = input.value;
  const host = instanceHost(typed);
  if (!host) {
    say(t('dashInstanceBadName', typed.trim()), true);
    return;
  }
  if (api.runtime.getManifest().host_permissions.includes(originFor(host))) {
    say(t('dashInstanceBuiltIn', host));
    return;
  }
  // First thing in the click's turn: the browser only asks on a user gesture.
  const granted = await api.permissions.request({ origins: [originFor(host)] }).catch(() => false);
  if (!granted) {
    say(t('instanceRefused', host), true);
    return;
  }
  try {
    await call('instances.sync');
    input.value = '';
    say('');
    toast(t('dashInstanceAdded', host));
  } catch (err) {
    say(describeError(err), true);
  }
  await render();
}

async function remove(host) {
  try {
    await call('instances.remove', { host });
    toast(t('dashInstanceRemoved', host));
  } catch (err) {
    say(describeError(err), true);
  }
  await render();
}

function mount() {
  const view = byTestId('view-settings');
  if (!view || byTestId('instances-section', view)) return;
  list = el('ul', { testid: 'instances-list', class: 'instances' });
  status = el('p', { testid: 'instances-status', class: 'status', role: 'status' });
  view.append(el('section', { testid: 'instances-section', class: 'card instances-section', 'aria-labelledby': 'instances-title', style: { 'margin-top': '16px' } },
    el('h2', { id: 'instances-title', i18n: 'dashInstancesTitle' }),
    el('p', { class: 'muted', i18n: 'dashInstancesHelp' }),
    el('form', { testid: 'instance-form', class: 'line', onsubmit: add },
      el('label', { class: 'field' }, el('span', { i18n: 'dashInstanceName' }),
        el('input', { type: 'text', testid: 'instance-name', placeholder: 'mastodon.online', autocomplete: 'off', spellcheck: 'false', required: true })),
      el('button', { type: 'submit', testid: 'instance-add', class: 'primary', i18n: 'dashInstanceAdd', style: { 'align-self': 'flex-end' } })),
    status,
    list));
  // After the general settings, which settings.js builds on its own schedule.
  const section = byTestId('instances-section', view);
  const keepLast = () => {
    if (view.lastElementChild !== section) view.append(section);
    if (byTestId('settings-form', view)) mo.disconnect();
  };
  const mo = new MutationObserver(keepLast);
  mo.observe(view, { childList: true });
  keepLast();
  render();
}

mount();
