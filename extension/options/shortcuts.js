// Keyboard shortcuts. Single keys only act when the user is not typing;
// Escape always works. `?` lists them.
import { t } from '../shared/api.js';
import { byTestId, el, isTyping } from './lib/dom.js';

export const SHORTCUTS = [
  ['/', 'dashKeySearch'],
  ['n', 'dashKeyNew'],
  ['1 … 7', 'dashKeyTabs'],
  ['← →', 'dashKeyPeriod'],
  ['t / w / m', 'dashKeyCalendarMode'],
  ['↑ ↓', 'dashKeyItems'],
  ['Alt + ← → ↑ ↓', 'dashKeyMove'],
  ['Enter', 'dashKeyOpen'],
  ['?', 'dashKeyHelp'],
];

let help;

function toggleHelp() {
  if (!help) {
    help = el('dialog', { testid: 'shortcuts-help', class: 'help' },
      el('h2', { i18n: 'dashShortcuts' }),
      el('dl', {}, SHORTCUTS.map(([keys, desc]) => [el('dt', {}, el('kbd', { text: keys })), el('dd', { i18n: desc })])),
      el('div', { class: 'actions' }, el('button', { type: 'button', testid: 'shortcuts-close', i18n: 'close', onclick: () => help.close() })));
    document.body.append(help);
  }
  if (help.open) help.close();
  else help.showModal();
}

/**
 * @param {{ tabs: string[], show(tab: string): void, current(): string, search(): void,
 *   newDraft(): void, calendarKey(e: KeyboardEvent): boolean }} app
 */
export function installShortcuts(app) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
    if (isTyping(e) || document.querySelector('dialog[open]:not([data-testid="shortcuts-help"])')) return;
    let handled = true;
    if (e.key === '/') app.search();
    else if (e.key === '?') toggleHelp();
    else if (e.key === 'n' && !e.altKey) app.newDraft();
    else if (/^[1-9]$/.test(e.key) && !e.altKey && app.tabs[Number(e.key) - 1]) app.show(app.tabs[Number(e.key) - 1]);
    else if (app.current() === 'calendar' && !e.altKey) handled = app.calendarKey(e);
    else handled = false;
    if (handled) e.preventDefault();
  });
  byTestId('shortcuts-button')?.addEventListener('click', toggleHelp);
  return { toggleHelp, label: t('dashShortcuts') };
}
