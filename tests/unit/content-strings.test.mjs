// The content script's own UI strings (extension/content/strings.js): the
// bundle carries exactly what _locales says, the locale is chosen as the
// browser chooses it, and no content or adapter module goes back to
// i18n.getMessage (its first call loads the whole catalogue into the page).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { contentStrings } from '../../scripts/content-bundle.mjs';
import { CONTENT_KEYS, pickLocale } from '../../extension/content/strings.js';

const EXT = path.resolve(import.meta.dirname, '../../extension');

test('the bundled table is _locales, key for key, for every locale', async () => {
  const { fallback, locales } = await contentStrings();
  assert.equal(fallback, 'en');
  const dirs = fs.readdirSync(path.join(EXT, '_locales')).sort();
  assert.deepEqual(Object.keys(locales).sort(), dirs);
  for (const loc of dirs) {
    const messages = JSON.parse(fs.readFileSync(path.join(EXT, '_locales', loc, 'messages.json'), 'utf8'));
    for (const key of CONTENT_KEYS) {
      assert.equal(locales[loc][key], messages[key]?.message, `${loc}/${key}`);
      assert.ok(locales[loc][key], `${loc} translates ${key}`);
    }
  }
});

test('locale choice: exact UI language, then its base, then the default', () => {
  const table = { en: { k: 'en' }, vi: { k: 'vi' }, ru: { k: 'ru' }, pt_BR: { k: 'pt_BR' } };
  assert.equal(pickLocale(table, 'vi').k, 'vi');
  assert.equal(pickLocale(table, 'ru-RU').k, 'ru');
  assert.equal(pickLocale(table, 'pt-BR').k, 'pt_BR');
  assert.equal(pickLocale(table, 'de-DE').k, 'en');
  assert.equal(pickLocale(table, undefined).k, 'en');
});

test('content and adapter modules take strings from content/strings.js only', () => {
  const offenders = [];
  for (const dir of ['content', 'adapters', 'adapters/lib']) {
    for (const f of fs.readdirSync(path.join(EXT, dir)).filter((f) => f.endsWith('.js'))) {
      const src = fs.readFileSync(path.join(EXT, dir, f), 'utf8');
      if (f === 'strings.js' && dir === 'content') continue;
      if (/import\s*\{[^}]*\bt\b[^}]*\}\s*from\s*'[./]*shared\/api\.js'/.test(src) || /i18n\.getMessage/.test(src)) offenders.push(`${dir}/${f}`);
      for (const [, key] of src.matchAll(/\bct\('([A-Za-z0-9_]+)'\)/g)) assert.ok(CONTENT_KEYS.includes(key), `${dir}/${f}: ct('${key}') is not in CONTENT_KEYS`);
    }
  }
  assert.deepEqual(offenders, []);
});
