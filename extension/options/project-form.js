// The project editor: name, colour, zone, networks (with the account label),
// weekly slots and frequency rules. Saved through `project.save` with the
// revision it was based on; a stale revision comes back as a Conflict.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { rulesEditor } from './project-rules.js';
import { slotsEditor } from './project-slots.js';
import { byTestId, el, field } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { networkColour, networks } from './lib/networks.js';
import { toast } from './lib/notify.js';
import { newId, refresh, store } from './lib/store.js';
import { BROWSER_ZONE } from './lib/time.js';
import { isKnownZone, zonePicker } from './zone-picker.js';

// Distinct on a white and a dark page, far apart in hue; a new project takes
// the first one no project uses yet (they all started as the same blue).
const PALETTE = ['#2563eb', '#db2777', '#16a34a', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#dc2626', '#4f46e5', '#0d9488', '#9333ea', '#65a30d'];

/** The first palette colour no project uses, else a hue no palette colour is near. */
export function nextColour(projects = store.projects) {
  const used = new Set(projects.map((p) => String(p.color).toLowerCase()));
  const free = PALETTE.find((c) => !used.has(c));
  if (free) return free;
  // Golden-angle hues: every further project still differs from the last ones.
  const hue = Math.round((projects.length * 137.508) % 360);
  const [r, g, b] = hslToRgb(hue, 0.65, 0.45);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function hslToRgb(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

/** Build the form for `project` (null: a new one). `onDone(id|null)` after save or delete. */
export function projectForm(project, onDone) {
  const isNew = !project;
  const now = Date.now();
  const base = project ?? { id: newId('project'), name: '', color: nextColour(), timeZone: BROWSER_ZONE, networks: [], slots: {}, rules: [], createdAt: now, updatedAt: now, revision: 0 };
  const accounts = new Map((base.networks ?? []).map((a) => [a.network, a]));
  // A network with slots is one the project posts to (the first project
  // starts with slots on every network and no network ticked).
  for (const network of Object.keys(base.slots ?? {})) if (!accounts.has(network)) accounts.set(network, { network, label: '' });

  const netList = el('div', { class: 'chip-list', testid: 'project-networks' });
  const checked = () => [...netList.querySelectorAll('[data-testid="project-network"]:checked')].map((i) => i.dataset.network);
  const slots = slotsEditor(checked);
  const rules = rulesEditor(checked);
  let premium = null;
  for (const n of networks()) {
    const chip = el('label', { class: 'chip', style: { '--net': networkColour(n.id) } },
      el('input', {
        type: 'checkbox', testid: 'project-network', dataset: { network: n.id }, checked: accounts.has(n.id),
        onchange: () => {
          slots.syncNetworks();
          rules.syncNetworks();
          if (premium) premium.disabled = !checked().includes('x');
        },
      }),
      el('span', { text: n.label }),
      el('input', { type: 'text', class: 'account', testid: 'project-account', dataset: { network: n.id }, placeholder: t('dashAccount'), value: accounts.get(n.id)?.label ?? '' }));
    if (n.id !== 'x') {
      netList.append(chip);
      continue;
    }
    // X Premium is the account's: its posts may be 25,000 weighted characters (the panel counts and splits with it).
    // Joined to the X chip so it never reads as a network of its own; off while X is not ticked.
    premium = el('input', { type: 'checkbox', testid: 'project-premium', checked: !!accounts.get('x')?.premium, disabled: !accounts.has('x') });
    netList.append(el('span', { class: 'chip-group' }, chip,
      el('label', { class: 'chip sub', title: t('dashXPremiumHint'), style: { '--net': networkColour(n.id) } }, premium, el('span', { i18n: 'dashXPremium' }))));
  }

  const zone = zonePicker({ testid: 'project-zone', value: base.timeZone, label: t('dashTimeZone') });
  const status = el('p', { testid: 'project-status', class: 'status', role: 'status' });
  const form = el('form', { testid: 'project-form', class: 'project-form', novalidate: true, dataset: { id: base.id } },
    el('h2', { i18n: isNew ? 'dashNewProject' : 'dashEditProject' }),
    el('div', { class: 'row' },
      field('dashProjectName', el('input', { type: 'text', testid: 'project-name', required: true, maxlength: 200, value: base.name })),
      field('dashColour', el('input', { type: 'color', testid: 'project-color', value: base.color })),
      el('label', { class: 'field' }, el('span', { i18n: 'dashTimeZone' }), zone.node)),
    el('fieldset', {}, el('legend', { i18n: 'dashNetworks' }), netList),
    slots.node,
    rules.node,
    status,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', testid: 'project-save', class: 'primary', i18n: 'dashSave' }),
      isNew ? null : el('button', { type: 'button', testid: 'project-delete', class: 'danger', i18n: 'dashDelete', onclick: remove })));
  slots.set(base.slots);
  rules.set(base.rules);
  slots.syncNetworks();

  function fail(message) {
    status.textContent = message;
    status.classList.add('warn');
  }

  async function collect() {
    const name = byTestId('project-name', form).value.trim();
    const timeZone = zone.value();
    if (!name) return fail(t('dashNameRequired'));
    // Only zones the core schedules in: the picker's list.
    if (!(await isKnownZone(timeZone))) return fail(t('dashBadZone', timeZone));
    const nets = checked().map((network) => {
      const label = form.querySelector(`[data-testid="project-account"][data-network="${CSS.escape(network)}"]`).value.trim();
      const account = { ...(accounts.get(network) ?? {}), network, label };
      if (network === 'x' && byTestId('project-premium', form).checked) account.premium = true;
      else delete account.premium;
      return account;
    });
    return {
      ...base, name, timeZone, color: byTestId('project-color', form).value.toLowerCase(), networks: nets,
      slots: slots.get(), rules: rules.get(), updatedAt: Date.now(),
    };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.classList.remove('warn');
    const next = await collect();
    if (!next) return;
    try {
      await call('project.save', isNew ? { project: next } : { project: next, baseRevision: base.revision ?? 0 });
      toast(t('saved'));
      await refresh();
      onDone(next.id);
    } catch (err) {
      fail(describeError(err));
      if (err?.variant === 'Conflict') await refresh();
    }
  });

  async function remove(e) {
    const button = e.currentTarget;
    if (button.dataset.confirm !== '1') {
      button.dataset.confirm = '1';
      button.textContent = t('dashConfirmDelete');
      return;
    }
    try {
      await call('project.delete', { id: base.id, baseRevision: base.revision ?? 0 });
      toast(t('dashDeleted'));
      await refresh();
      onDone(null);
    } catch (err) {
      fail(describeError(err));
    }
  }

  return form;
}

