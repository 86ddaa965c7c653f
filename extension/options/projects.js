// Projects: the list (colour, name, zone, networks, counts) and the editor.
import { t } from '../shared/api.js';
import { clear, el } from './lib/dom.js';
import { networkColour, networkLabel } from './lib/networks.js';
import { projectById, store } from './lib/store.js';
import { projectForm } from './project-form.js';

let list;
let pane;
let selected = null; // project id being edited, '' for a new one, null for none
let dirty = false;

function projectRow(p) {
  // Counted by the worker: the dashboard holds only the calendar's weeks of posts.
  const postCount = store.projectCounts?.[p.id] ?? 0;
  return el('li', { testid: 'project-item', class: p.id === selected ? 'project-row selected' : 'project-row', dataset: { id: p.id } },
    el('button', { type: 'button', class: 'link', testid: 'project-open', onclick: () => select(p.id) },
      el('span', { class: 'swatch', style: { '--swatch': p.color } }),
      el('strong', { testid: 'project-item-name', text: p.name })),
    el('span', { class: 'muted', text: p.timeZone }),
    el('span', {}, (p.networks ?? []).map((a) => el('span', {
      class: 'net-chip', dataset: { network: a.network }, style: { '--net': networkColour(a.network) },
      text: [a.premium ? t('xPremiumOn') : networkLabel(a.network), a.label].filter(Boolean).join(' '),
    }))),
    el('span', { class: 'muted', text: t('dashPostCount', postCount) }));
}

function renderPane() {
  clear(pane);
  if (selected === null) {
    pane.append(el('p', { class: 'muted', i18n: store.projects.length ? 'dashPickProject' : 'dashNoProjects' }));
    return;
  }
  const project = selected ? projectById(selected) : null;
  if (selected && !project) {
    selected = null;
    renderPane();
    return;
  }
  const form = projectForm(project, (id) => {
    dirty = false;
    selected = id;
    renderProjects();
  });
  // Don't replace a form the user is typing in when another tab writes.
  form.addEventListener('input', () => {
    dirty = true;
  });
  pane.append(form);
}

function select(id) {
  selected = id;
  dirty = false;
  renderProjects();
}

export function renderProjects() {
  if (!list) return;
  clear(list).append(...store.projects.map(projectRow));
  if (!store.projects.length) list.append(el('li', { class: 'empty', i18n: 'dashNoProjects' }));
  if (!dirty) renderPane();
}

export function initProjects(section) {
  list = el('ul', { testid: 'project-list', class: 'project-list' });
  pane = el('div', { testid: 'project-pane', class: 'project-pane' });
  section.append(
    el('div', { class: 'toolbar' }, el('button', { type: 'button', testid: 'project-new', class: 'primary', i18n: 'dashNewProject', onclick: () => select('') })),
    el('div', { class: 'split' }, list, pane));
}
