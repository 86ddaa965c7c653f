// Assemble dist/chrome and dist/firefox (+ zips) from extension/ and pkg/.
//
// One base manifest plus a per-browser overlay (uBlock Origin Lite's way).
// Everything is built into a temp folder and moved into place only when
// complete, so a failed build never leaves a half-written dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContent } from './content-bundle.mjs';
import { writeIcons } from './icons.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'extension');
const DIST = path.join(ROOT, 'dist');
const BROWSERS = ['chrome', 'firefox'];

// Sources that are bundled (content script) or merged (manifests), not copied as is.
const NOT_COPIED = new Set(['content', 'adapters', 'manifest.base.json', 'manifest.chrome.json', 'manifest.firefox.json']);

function cargoVersion() {
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const m = toml.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no version in Cargo.toml');
  return m[1];
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(EXT, file), 'utf8'));
}

/** Overlay objects key by key; arrays and scalars from the overlay replace the base. */
function merge(base, overlay) {
  const out = { ...base };
  for (const [k, v] of Object.entries(overlay)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? merge(b, v) : v;
  }
  return out;
}

export function manifestFor(browser) {
  const m = merge(readJson('manifest.base.json'), readJson(`manifest.${browser}.json`));
  m.version = cargoVersion();
  return m;
}

function copyDir(from, to, skip = new Set()) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name) || entry.name.endsWith('.md')) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

async function assemble(browser, out) {
  copyDir(EXT, out, NOT_COPIED);
  await bundleContent(path.join(out, 'content.js'));
  const pkg = path.join(ROOT, 'pkg');
  for (const f of ['glider.js', 'glider_bg.wasm']) {
    if (!fs.existsSync(path.join(pkg, f))) throw new Error(`pkg/${f} is missing: run ./build.sh`);
  }
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  for (const f of ['glider.js', 'glider_bg.wasm']) fs.copyFileSync(path.join(pkg, f), path.join(out, 'pkg', f));
  writeIcons(path.join(out, 'icons'));
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
}

async function main() {
  const version = cargoVersion();
  const tmp = fs.mkdtempSync(path.join(ROOT, '.tmp-dist-'));
  try {
    for (const browser of BROWSERS) {
      const out = path.join(tmp, browser);
      await assemble(browser, out);
      // zip -X: no extra file attributes, so the archive depends only on content and mtimes.
      execFileSync('zip', ['-q', '-r', '-X', path.join(tmp, `glider-${browser}-${version}.zip`), '.'], { cwd: out });
    }
    fs.rmSync(DIST, { recursive: true, force: true });
    fs.renameSync(tmp, DIST);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  for (const f of fs.readdirSync(DIST)) console.log(`  dist/${f}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
