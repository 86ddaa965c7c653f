// Visible feedback: a polite status line for successes and a persistent,
// dismissible error banner (with details, e.g. rule conflicts) for failures.
import { t } from '../../shared/api.js';
import { byTestId, clear, el } from './dom.js';
import { describeError } from './errors.js';

let toastTimer = 0;

/** A short success message in the status line. */
export function toast(message) {
  const node = byTestId('toast');
  if (!node) return;
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 4000);
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
