// The WebExtension namespace: Firefox's promise-based `browser` when present,
// Chrome's `chrome` otherwise (both return promises in MV3).
export const api = globalThis.browser ?? globalThis.chrome;

/** A localized UI string; falls back to the key so a missing string is visible, not blank. */
export function t(key, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || key;
}

/** Fill every `[data-i18n]` element's text (never innerHTML), and placeholder, title and aria-label attributes. */
export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}
