// Dashboard (options page): calendar, queue, drafts, archive, projects,
// settings, import/export. Every write goes to the worker; views re-render
// from the store after each refresh.
import { api, localize } from '../shared/api.js';
import { initArchive } from './archive.js';
import { calendarKey, initCalendar, renderCalendar } from './calendar.js';
import { initDrafts } from './drafts.js';
import { byTestId } from './lib/dom.js';
import { loadNetworks } from './lib/networks.js';
import { hideError, showError } from './lib/notify.js';
import { refresh, store, subscribe, watchStorage } from './lib/store.js';
import { openEditor } from './post-editor.js';
import { initProjects, renderProjects } from './projects.js';
import { initQueue } from './queue.js';
import { applyTheme, initSettings, renderSettings } from './settings.js';
import { installShortcuts } from './shortcuts.js';
import { initTransfer, renderImportCard } from './transfer.js';

const TABS = ['calendar', 'queue', 'drafts', 'archive', 'projects', 'settings', 'transfer'];
let current = 'calendar';
const lists = {};

function section(tab) {
  return byTestId(`view-${tab}`);
}

function show(tab) {
  if (!TABS.includes(tab)) tab = 'calendar';
  current = tab;
  for (const name of TABS) {
    section(name).hidden = name !== tab;
    const button = byTestId(`tab-${name}`);
    button.setAttribute('aria-selected', String(name === tab));
    button.tabIndex = name === tab ? 0 : -1;
  }
  if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
  renderView(tab);
}

function renderView(tab) {
  if (!store.loaded || !networksLoaded) return;
  if (tab === 'calendar') renderCalendar();
  else if (tab === 'projects') renderProjects();
  else if (tab === 'settings') renderSettings();
  else if (tab === 'transfer') renderImportCard();
  else lists[tab]?.refresh();
}

function focusSearch() {
  if (!lists[current]) show('queue');
  lists[current].focusSearch();
}

// Screen readers pick their voice from it (axe: html-has-lang), as in the panel.
document.documentElement.lang = api.i18n.getUILanguage?.() || 'en';
localize();
for (const tab of TABS) byTestId(`tab-${tab}`).addEventListener('click', () => show(tab));
byTestId('tabs').addEventListener('keydown', (e) => {
  const step = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
  if (!step) return;
  e.preventDefault();
  e.stopPropagation();
  const next = TABS[(TABS.indexOf(current) + step + TABS.length) % TABS.length];
  show(next);
  byTestId(`tab-${next}`).focus();
});

// The core's network table (a WASM compile) and the worker's state don't depend on each other:
// load both at once, and render once both are here (views label and colour by network).
let networksLoaded = false;
const networksReady = loadNetworks().then(() => {
  networksLoaded = true;
});
initCalendar(section('calendar'), openEditor);
lists.queue = initQueue(section('queue'), openEditor);
lists.drafts = initDrafts(section('drafts'), openEditor);
lists.archive = initArchive(section('archive'), openEditor);
initProjects(section('projects'));
initSettings(section('settings'));
initTransfer(section('transfer'));
installShortcuts({ tabs: TABS, show, current: () => current, search: focusSearch, newDraft: () => openEditor(null), calendarKey });

let loadFailed = false;
// After every refresh, once the network table is here too (the first refresh may come first).
subscribe(() => networksReady.then(onStore));
function onStore() {
  const main = byTestId('main');
  if (store.error) {
    showError(store.error);
    loadFailed = true;
    main.dataset.state = 'error';
    return;
  }
  // The worker answers again (it was restarting): drop the stale error.
  if (loadFailed) hideError();
  loadFailed = false;
  main.dataset.state = 'ready';
  applyTheme(store.settings?.theme);
  renderView(current);
}
watchStorage();
window.addEventListener('hashchange', () => show(location.hash.slice(1)));
show(location.hash.slice(1) || 'calendar');
await refresh();
