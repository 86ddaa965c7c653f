// Weekly slots of a project. The model keeps them per network and day
// (`{ [network]: [{weekday, minute}] }`); the editor shows one row per time
// with the days it takes ("weekdays 09:00" is one row, not five) and its
// network, or every network of the project at once.
import { t } from '../shared/api.js';
import { clear, el, options } from './lib/dom.js';
import { networkLabel } from './lib/networks.js';
import { hmToMinute, minuteToHm } from './lib/time.js';

const DAY_KEYS = ['dashMonShort', 'dashTueShort', 'dashWedShort', 'dashThuShort', 'dashFriShort', 'dashSatShort', 'dashSunShort'];
const DAY_NAMES = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];
const ALL = '*';
const WEEKDAYS = [0, 1, 2, 3, 4];

function slotRow(nets, { network, days, minute }) {
  const dayBoxes = el('span', { class: 'days', role: 'group', 'aria-label': t('dashDays') },
    DAY_KEYS.map((key, weekday) => el('label', { class: 'day', title: t(DAY_NAMES[weekday]) },
      el('input', { type: 'checkbox', testid: 'slot-day', dataset: { weekday }, checked: days.has(weekday), 'aria-label': t(DAY_NAMES[weekday]) }),
      el('span', { i18n: key, 'aria-hidden': 'true' }))));
  const pick = (list) => () => {
    for (const box of dayBoxes.querySelectorAll('input')) box.checked = list.includes(Number(box.dataset.weekday));
  };
  const choices = [[ALL, t('dashAllNetworksOfProject')], ...nets.map((n) => [n, networkLabel(n)])];
  const row = el('div', { testid: 'slot-row', class: 'slot-row' },
    el('select', { testid: 'slot-network', 'aria-label': t('networkLabel') }, options(choices, network)),
    dayBoxes,
    el('button', { type: 'button', class: 'small', testid: 'slot-weekdays', i18n: 'dashWeekdays', onclick: pick(WEEKDAYS) }),
    el('button', { type: 'button', class: 'small', testid: 'slot-everyday', i18n: 'dashEveryDay', onclick: pick([0, 1, 2, 3, 4, 5, 6]) }),
    el('input', { type: 'time', testid: 'slot-time', 'aria-label': t('dashTime'), value: minuteToHm(minute), required: true }),
    el('button', { type: 'button', testid: 'slot-remove', class: 'icon', title: t('dashRemove'), 'aria-label': t('dashRemove'), text: '×', onclick: () => row.remove() }));
  return row;
}

/** Rows from the model: same time and days on every network → one "all networks" row. */
function group(slots, nets) {
  const byTime = new Map(); // "minute|days" -> {minute, days, networks}
  for (const [network, list] of Object.entries(slots ?? {})) {
    const days = new Map(); // minute -> Set(weekday)
    for (const s of list) {
      if (!days.has(s.minute)) days.set(s.minute, new Set());
      days.get(s.minute).add(s.weekday);
    }
    for (const [minute, set] of days) {
      const key = `${minute}|${[...set].sort().join(',')}`;
      if (!byTime.has(key)) byTime.set(key, { minute, days: set, networks: new Set() });
      byTime.get(key).networks.add(network);
    }
  }
  const rows = [];
  for (const g of [...byTime.values()].sort((a, b) => a.minute - b.minute)) {
    const everyNetwork = nets.length > 1 && nets.every((n) => g.networks.has(n)) && g.networks.size === nets.length;
    if (everyNetwork) rows.push({ network: ALL, days: g.days, minute: g.minute });
    else for (const network of g.networks) rows.push({ network, days: g.days, minute: g.minute });
  }
  return rows;
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
      if (!nets.length) return;
      const row = slotRow(nets, { network: nets.length > 1 ? ALL : nets[0], days: new Set(WEEKDAYS), minute: 9 * 60 });
      rows.append(row);
      row.querySelector('select').focus();
    },
  });
  const node = el('fieldset', { testid: 'project-slots' }, el('legend', { i18n: 'dashSlots' }),
    el('p', { class: 'muted', i18n: 'dashSlotsHelp' }), rows, add);

  function get() {
    const nets = networksOf();
    const slots = {};
    for (const row of rows.querySelectorAll('[data-testid="slot-row"]')) {
      const network = row.querySelector('[data-testid="slot-network"]').value;
      const minute = hmToMinute(row.querySelector('[data-testid="slot-time"]').value);
      const days = [...row.querySelectorAll('[data-testid="slot-day"]:checked')].map((b) => Number(b.dataset.weekday));
      if (!network || minute === null) continue;
      for (const n of network === ALL ? nets : [network]) {
        const list = (slots[n] ??= []);
        for (const weekday of days) if (!list.some((s) => s.weekday === weekday && s.minute === minute)) list.push({ weekday, minute });
      }
    }
    for (const [n, list] of Object.entries(slots)) {
      if (!list.length) delete slots[n];
      else list.sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);
    }
    return slots;
  }

  function set(slots) {
    const nets = networksOf();
    clear(rows);
    for (const row of group(slots, nets)) {
      const choices = row.network === ALL || nets.includes(row.network) ? nets : [...nets, row.network];
      rows.append(slotRow(choices, row));
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
