// The networks the UI offers, from the core's rules table, with one colour
// each (the calendar colours items by network).
import { loadCore } from '../../shared/core.js';

// Used only if the core cannot be loaded: the ids are the core's stable ids.
const FALLBACK = [
  ['x', 'X'], ['mastodon', 'Mastodon'], ['bluesky', 'Bluesky'], ['threads', 'Threads'], ['linkedin', 'LinkedIn'],
  ['facebook', 'Facebook'], ['instagram', 'Instagram'], ['vk', 'VK'], ['telegram', 'Telegram'], ['reddit', 'Reddit'],
  ['generic', 'Generic'],
];

const COLOURS = {
  x: '#64748b',
  mastodon: '#6364ff',
  bluesky: '#0085ff',
  threads: '#a21caf',
  linkedin: '#0a66c2',
  facebook: '#1877f2',
  instagram: '#e1306c',
  vk: '#4c75a3',
  telegram: '#229ed9',
  reddit: '#ff4500',
  generic: '#10b981',
};

let list = FALLBACK.map(([id, label]) => ({ id, label, limit: null }));

/** Load the rules table once; the fallback stays if the core is unavailable. */
export async function loadNetworks() {
  try {
    const core = await loadCore();
    const rules = core.networkRules?.();
    if (Array.isArray(rules) && rules.length) list = rules.map((r) => ({ id: String(r.id), label: String(r.label ?? r.id), limit: r.limit ?? null }));
  } catch (err) {
    console.warn('Glider: network rules unavailable, using the built-in list', err);
  }
  return list;
}

export function networks() {
  return list;
}

export function networkLabel(id) {
  return list.find((n) => n.id === id)?.label ?? String(id);
}

/** A stable colour for a network id (unknown ids hash to a hue). */
export function networkColour(id) {
  if (COLOURS[id]) return COLOURS[id];
  let h = 0;
  for (const ch of String(id)) h = (h * 31 + ch.codePointAt(0)) % 360;
  return `hsl(${h} 60% 50%)`;
}
