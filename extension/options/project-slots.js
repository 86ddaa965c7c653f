// Weekly slots of a project: rows of (network, weekday, local time). The
// model keeps them as `{ [network]: [{weekday, minute}] }`.
import { t } from '../shared/api.js';
import { clear, el, options } from './lib/dom.js';
import { networkLabel } from './lib/networks.js';
import { hmToMinute, minuteToHm } from './lib/time.js';

const WEEKDAYS = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];

function slotRow(nets, { network, weekday, minute }) {
  const row = el('div', { testid: 'slot-row', class: 'slot-row' },
    el('select', { testid: 'slot-network', 'aria-label': t('networkLabel') }, options(nets.map((n) => [n, networkLabel(n)]), network)),
    el('select', { testid: 'slot-weekday', 'aria-label': t('dashWeekday') }, options(WEEKDAYS.map((k, i) => [i, t(k)]), weekday)),
    el('input', { type: 'time', testid: 'slot-time', 'aria-label': t('dashTime'), value: minuteToHm(minute), required: true }),
    el('button', { type: 'button', testid: 'slot-remove', class: 'icon', title: t('dashRemove'), text: '×', onclick: () => row.remove() }));
  return row;
}

/**
 * The slots editor. `networksOf()` returns the project's checked networks.
 * @returns {{ node: HTMLElement, set(slots: object): void, get(): object, syncNetworks(): void }}
 */
export function slotsEditor(networksOf) {
  const rows = el('div', { testid: 'slot-list', class: 'slot-list' });
  const add = el('button', {
    type: 'button', testid: 'slot-add', i18n: 'dashAddSlot',
    onclick: () => {
      const nets = networksOf();
      if (nets.length) rows.append(slotRow(nets, { network: nets[0], weekday: 0, minute: 9 * 60 }));
    },
  });
  const node = el('fieldset', { testid: 'project-slots' }, el('legend', { i18n: 'dashSlots' }),
    el('p', { class: 'muted', i18n: 'dashSlotsHelp' }), rows, add);

  function get() {
    const slots = {};
    for (const row of rows.querySelectorAll('[data-testid="slot-row"]')) {
      const network = row.querySelector('[data-testid="slot-network"]').value;
      const minute = hmToMinute(row.querySelector('[data-testid="slot-time"]').value);
      if (!network || minute === null) continue;
      (slots[network] ??= []).push({ weekday: Number(row.querySelector('[data-testid="slot-weekday"]').value), minute });
    }
    for (const list of Object.values(slots)) list.sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);
    return slots;
  }

  function set(slots) {
    const nets = networksOf();
    clear(rows);
    for (const [network, list] of Object.entries(slots ?? {})) {
      const choices = nets.includes(network) ? nets : [...nets, network];
      for (const s of list) rows.append(slotRow(choices, { network, weekday: s.weekday, minute: s.minute }));
    }
  }

  return {
    node,
    get,
    set,
    /** Networks changed: rebuild the rows, dropping slots of unchecked networks. */
    syncNetworks() {
      const nets = new Set(networksOf());
      set(Object.fromEntries(Object.entries(get()).filter(([n]) => nets.has(n))));
      add.disabled = nets.size === 0;
    },
  };
}
