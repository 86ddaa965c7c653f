// Bundle the content script (extension/content/main.js and the adapters) into
// one classic script: MV3 content scripts cannot be ES modules. Shared by
// scripts/package.mjs and the browser tests, so both ship the same thing.
//
// The bundle carries its own few UI strings (content/strings.js says why),
// taken from extension/_locales at build time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'extension');

/** `{ fallback, locales: { <locale>: { <key>: text } } }` for the keys content/strings.js names. */
export async function contentStrings() {
  // strings.js loads in node: shared/api.js only reads globals when called.
  const { CONTENT_KEYS } = await import(path.join(EXT, 'content/strings.js'));
  const fallback = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.base.json'), 'utf8')).default_locale;
  const locales = {};
  for (const loc of fs.readdirSync(path.join(EXT, '_locales'))) {
    const messages = JSON.parse(fs.readFileSync(path.join(EXT, '_locales', loc, 'messages.json'), 'utf8'));
    locales[loc] = {};
    for (const key of CONTENT_KEYS) {
      if (messages[key]?.message === undefined) {
        if (loc === fallback) throw new Error(`_locales/${loc} has no "${key}" (content/strings.js needs it)`);
        continue;
      }
      locales[loc][key] = messages[key].message;
    }
  }
  return { fallback, locales };
}

export async function bundleContent(outfile, { target = ['chrome120', 'firefox128'], minify = false } = {}) {
  await esbuild.build({
    entryPoints: [path.join(EXT, 'content', 'main.js')],
    bundle: true,
    format: 'iife',
    target,
    outfile,
    minify,
    define: { __GLIDER_CONTENT_STRINGS__: JSON.stringify(await contentStrings()) },
    legalComments: 'none',
    logLevel: 'warning',
  });
}
