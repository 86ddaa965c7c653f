// The few UI strings the content script shows on the site's page (the
// launcher's and the panel tab's names, the frame's title).
//
// Why not i18n.getMessage: in Chromium its first call in a content script
// fetches and parses the whole message catalogue (every string of every
// Glider page), 15-20 ms of the page's main thread at load, measured by
// bench/extension/page.mjs. The build (scripts/content-bundle.mjs) puts just
// these keys of every locale into the bundle, and the locale is chosen the
// way the browser chooses it: its UI language, then that language's base,
// then the manifest's default_locale.
import { api, t } from '../shared/api.js';

export const CONTENT_KEYS = ['launcherLabel', 'panelTabLabel', 'panelTitle'];

/* global __GLIDER_CONTENT_STRINGS__ */
const TABLE = typeof __GLIDER_CONTENT_STRINGS__ === 'object' ? __GLIDER_CONTENT_STRINGS__ : null;

let strings = null;

/** This browser's locale's table, by the browser's own fallback order. */
export function pickLocale(table, uiLanguage, fallback = 'en') {
  const ui = String(uiLanguage || fallback).replace('-', '_');
  return table[ui] ?? table[ui.split('_')[0]] ?? table[fallback] ?? {};
}

/** A content-script string: from the bundled table, else (a bundle made without it) from i18n. */
export function ct(key) {
  if (!TABLE) return t(key);
  strings ??= pickLocale(TABLE.locales, api.i18n.getUILanguage?.(), TABLE.fallback);
  return strings[key] ?? t(key);
}
