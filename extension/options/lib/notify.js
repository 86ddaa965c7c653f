// Visible feedback: a polite status line for successes and a persistent,
// dismissible error banner (with details, e.g. rule conflicts) for failures.
import { t } from '../../shared/api.js';
import { byTestId, clear, el } from './dom.js';
import { describeError } from './errors.js';

let toastTimer = 0;

/**
 * A short success message in the status line. With `undo` (an async
 * function) the message carries an Undo button for 15 seconds; `focus`
 * moves focus to it (after a dialog closed, so the keyboard can reach it).
 */
export function toast(message, { undo, focus = false } = {}) {
  const node = byTestId('toast');
  if (!node) return;
  clear(node).append(el('span', { testid: 'toast-text', text: message }));
  if (undo) {
    const button = el('button', {
      type: 'button', testid: 'toast-undo', class: 'link-button', i18n: 'dashUndo',
      onclick: async () => {
        button.disabled = true;
        try {
          await undo();
          toast(t('dashUndone'));
        } catch (err) {
          node.hidden = true;
          showError(err);
        }
      },
    });
    node.append(' ', button);
    if (focus) queueMicrotask(() => button.focus());
  }
  node.hidden = false;
  clearTimeout(toastTimer);
  // Kept while focus is on it: the user is about to press Undo.
  const hide = () => {
    if (node.contains(document.activeElement)) toastTimer = setTimeout(hide, 4000);
    else node.hidden = true;
  };
  toastTimer = setTimeout(hide, undo ? 15000 : 4000);
}

/** Show an error until dismissed. `details` are extra lines (strings). */
export function showError(errOrMessage, details = []) {
  const banner = byTestId('error');
  if (!banner) return;
  const message = typeof errOrMessage === 'string' ? errOrMessage : describeError(errOrMessage);
  banner.dataset.variant = typeof errOrMessage === 'string' ? '' : String(errOrMessage?.variant ?? '');
  clear(banner).append(
    el('p', { testid: 'error-message', text: message }),
    details.length ? el('ul', { testid: 'error-details' }, details.map((d) => el('li', { testid: 'error-detail', text: d }))) : null,
    el('button', { type: 'button', testid: 'error-dismiss', class: 'icon', title: t('close'), text: '×', onclick: hideError }),
  );
  banner.hidden = false;
}

export function hideError() {
  const banner = byTestId('error');
  if (banner) {
    banner.hidden = true;
    clear(banner);
  }
}
