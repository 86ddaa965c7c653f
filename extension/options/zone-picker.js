// A searchable time-zone picker (ARIA combobox with a listbox popup). The
// zones come from the core (`timeZones`), the only names a project can be
// scheduled in, with their current UTC offset; a zone the browser's Intl
// cannot format is left out, since the dashboard shows times through Intl.
// Typing filters ("new york", "berlin", "+05:30"); arrows, Enter and Escape
// work as in any combobox; a name not in the list is reported invalid.
import { loadCore } from '../shared/core.js';
import { t } from '../shared/api.js';
import { clear, el } from './lib/dom.js';
import { allZones, validZone } from './lib/time.js';

const SHOWN = 60;
let zones = null; // [{name, offsetMinutes, label, key}]
let seq = 0;

function offsetLabel(minutes) {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone list, once per page: the core's, else (core unavailable) the browser's without offsets. */
export async function zoneList() {
  if (zones) return zones;
  let list;
  try {
    list = (await loadCore()).timeZones(Date.now());
  } catch (err) {
    console.warn('Glider: zone list from the core unavailable, using the browser list', err);
    list = allZones().map((name) => ({ name, offsetMinutes: null }));
  }
  zones = list.filter((z) => validZone(z.name)).map((z) => {
    const offset = z.offsetMinutes === null ? '' : offsetLabel(z.offsetMinutes);
    const words = z.name.replaceAll('_', ' ').toLowerCase();
    return { ...z, label: offset ? `${z.name} (${offset})` : z.name, key: `${words} ${z.name.toLowerCase()} ${offset.toLowerCase().replace('−', '-')}` };
  });
  return zones;
}

/** True when `name` is a zone the picker offers. */
export async function isKnownZone(name) {
  return (await zoneList()).some((z) => z.name === name);
}

function matches(query) {
  const q = query.trim().toLowerCase().replace('−', '-');
  if (!q) return zones;
  const words = q.split(/[\s/_]+/).filter(Boolean);
  // Exact and prefix hits first, then every zone whose name holds all the words.
  const hits = zones.filter((z) => words.every((w) => z.key.includes(w)));
  const rank = (z) => (z.name.toLowerCase() === q ? 0 : z.name.toLowerCase().split('/').some((p) => p.startsWith(words[0])) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b));
}

/**
 * `zonePicker({testid, value, label, onchange})` → `{node, input, value()}`.
 * `onchange(name)` runs when a listed zone is chosen or typed exactly.
 */
export function zonePicker({ testid, value, label, onchange = () => {} }) {
  const id = `zone-picker-${++seq}`;
  const list = el('ul', { id: `${id}-list`, role: 'listbox', class: 'zone-list', testid: `${testid}-options`, hidden: true, 'aria-label': label });
  const input = el('input', {
    type: 'text', testid, value, spellcheck: 'false', autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': list.id, 'aria-label': label,
  });
  const node = el('span', { class: 'zone-picker' }, input, list);
  let shown = [];
  let active = -1;

  function setActive(i) {
    active = shown.length ? (i + shown.length) % shown.length : -1;
    const items = [...list.querySelectorAll('[role="option"]')];
    for (const [n, li] of items.entries()) li.setAttribute('aria-selected', String(n === active));
    const li = items[active];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  async function open() {
    await zoneList();
    const found = matches(input.value === value ? '' : input.value);
    shown = found.slice(0, SHOWN);
    clear(list).append(...shown.map((z, i) => el('li', {
      id: `${id}-${i}`, role: 'option', testid: `${testid}-option`, dataset: { zone: z.name }, text: z.label, 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(), // keep focus in the input
      onclick: () => choose(z.name),
    })));
    if (!shown.length) list.append(el('li', { class: 'muted', role: 'presentation', text: t('dashZoneNoMatch') }));
    else if (found.length > SHOWN) list.append(el('li', { class: 'muted', role: 'presentation', text: t('dashZoneMore', found.length - SHOWN) }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(Math.max(0, shown.findIndex((z) => z.name === input.value)));
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function choose(name) {
    input.value = name;
    value = name;
    input.removeAttribute('aria-invalid');
    close();
    onchange(name);
  }

  input.addEventListener('focus', () => input.select());
  input.addEventListener('input', () => open());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) open();
      else setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && !list.hidden && shown[active]) {
      e.preventDefault();
      choose(shown[active].name);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  // Typed (or pasted) exactly: accept it without a click; anything else is flagged.
  input.addEventListener('change', async () => {
    const typed = input.value.trim();
    const known = await isKnownZone(typed);
    if (known) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    if (known && typed !== value) {
      value = typed;
      onchange(typed);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { node, input, value: () => input.value.trim() };
}
