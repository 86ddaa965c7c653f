// HTTPS fixture server for the browser tests.
//
// Chromium is started with --host-resolver-rules mapping every real network
// hostname to this server, so a fixture page is served under the real origin
// (https://x.com/home) and the extension's host matching, CSP behaviour and
// content-script injection are exercised exactly as on the live site.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../../..');
export const SITES_DIR = path.join(ROOT, 'tests/fixtures/sites');
const ADAPTERS_DIR = path.join(ROOT, 'extension/adapters');

/** hostname -> fixture folder under tests/fixtures/sites/ */
export const HOSTS = Object.freeze({
  'x.com': 'x',
  'twitter.com': 'x',
  'www.facebook.com': 'facebook',
  'www.threads.net': 'threads',
  'www.threads.com': 'threads',
  'bsky.app': 'bluesky',
  'mastodon.social': 'mastodon',
  // A Mastodon instance that is not in the manifest (the grant flow, per-instance limits).
  'fosstodon.org': 'mastodon',
  'www.linkedin.com': 'linkedin',
  'vk.com': 'vk',
  'web.telegram.org': 'telegram',
  'www.reddit.com': 'reddit',
  'example.org': 'generic',
});

// As strict as X's: no inline script, no eval, no WebAssembly compilation.
// Tests therefore prove that the content script never needs WASM in the page.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

function makeCert(dir) {
  const names = [...Object.keys(HOSTS), 'localhost'].map((h) => `DNS:${h}`).join(',');
  const res = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-days', '2', '-subj', '/CN=glider-fixtures', '-addext', `subjectAltName=${names},IP:127.0.0.1`,
  ], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`openssl failed: ${res.stderr}`);
  return { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
}

// The lexical packages may resolve to different copies of `lexical` (the
// top-level one and the ones nested under @lexical/*). Two copies in one
// bundle break the editor (the active-editor state is module-level), so every
// `import 'lexical'` resolves to the copy that @lexical/rich-text uses.
const lexicalDedupe = {
  name: 'lexical-dedupe',
  setup(build) {
    const anchor = path.join(ROOT, 'node_modules/@lexical/rich-text');
    build.onResolve({ filter: /^lexical$/ }, async (args) => {
      if (args.pluginData?.dedupe) return undefined;
      const r = await build.resolve('lexical', { resolveDir: anchor, kind: args.kind, pluginData: { dedupe: true } });
      return r.errors.length ? undefined : { path: r.path };
    });
  },
};

function entryOf(dir) {
  for (const name of ['app.jsx', 'app.js', 'app.tsx', 'app.ts']) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/**
 * Bundle a fixture app into `<network>/dist/` and return its files keyed by URL
 * path. The server answers /dist/* from memory: several test processes may
 * rebundle the same fixture at once, and a half-written file must never be served.
 */
async function bundleFixture(esbuild, network) {
  const dir = path.join(SITES_DIR, network);
  const entry = entryOf(dir);
  if (!entry) return new Map();
  const res = await esbuild.build({
    entryPoints: [entry],
    outfile: path.join(dir, 'dist/app.js'),
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [lexicalDedupe],
    logLevel: 'silent',
  });
  const files = new Map();
  await fsp.mkdir(path.join(dir, 'dist'), { recursive: true });
  for (const f of res.outputFiles) {
    files.set(`/${path.relative(dir, f.path).split(path.sep).join('/')}`, f.contents);
    const tmp = `${f.path}.${process.pid}.tmp`;
    await fsp.writeFile(tmp, f.contents);
    await fsp.rename(tmp, f.path);
  }
  return files;
}

/** Bundle `extension/adapters/<name>.js` as a classic script exposing `window.__gliderAdapter`. */
export async function bundleAdapter(esbuild, name) {
  esbuild ??= (await import('esbuild')).default;
  // "lib" is the shared toolkit itself, exposed as window.__gliderLib.
  const entry = name === 'lib' ? path.join(ADAPTERS_DIR, 'lib/index.js') : path.join(ADAPTERS_DIR, `${name}.js`);
  const footer = name === 'lib' ? 'window.__gliderLib = __gliderAdapterModule;' : 'window.__gliderAdapter = __gliderAdapterModule.default;';
  const res = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__gliderAdapterModule',
    footer: { js: footer },
    target: 'chrome120',
    logLevel: 'silent',
  });
  return res.outputFiles[0].text;
}

/**
 * Start the fixture server.
 * @param {{ networks?: string[] }} [opts] which fixture folders to bundle (default: all with an app entry)
 * @returns {Promise<{ port: number, close(): Promise<void>, errors: Record<string,string> }>}
 */
export async function startFixtureServer(opts = {}) {
  const { default: esbuild } = await import('esbuild');
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'glider-srv-'));
  const { key, cert } = makeCert(tmp);

  const all = [...new Set(Object.values(HOSTS))];
  const wanted = (opts.networks ?? all).filter((n) => fs.existsSync(path.join(SITES_DIR, n)));
  // A fixture being edited by someone else must not take the whole suite down:
  // its host answers 500 with the build error instead.
  const errors = {};
  const bundles = {};
  await Promise.all(
    wanted.map((n) => bundleFixture(esbuild, n).then(
      (files) => { bundles[n] = files; },
      (e) => { errors[n] = String(e.message ?? e); },
    )),
  );
  const adapterCache = new Map();

  const server = https.createServer({ key, cert }, async (req, res) => {
    try {
      const host = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const network = HOSTS[host];
      const url = new URL(req.url ?? '/', 'https://fixture.invalid');
      const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
      if (!network) {
        res.writeHead(404, headers).end(`no fixture for host ${host}`);
        return;
      }
      if (errors[network]) {
        res.writeHead(500, { ...headers, 'content-type': 'text/plain' }).end(`fixture build failed: ${errors[network]}`);
        return;
      }
      // Test-only route: an adapter bundled for injection into the page,
      // served same-origin so the page CSP (script-src 'self') allows it.
      const m = /^\/__glider_test__\/adapters\/([a-z]+)\.js$/.exec(url.pathname);
      if (m) {
        if (!adapterCache.has(m[1])) adapterCache.set(m[1], bundleAdapter(esbuild, m[1]));
        const js = await adapterCache.get(m[1]);
        res.writeHead(200, { ...headers, 'content-type': MIME['.js'] }).end(js);
        return;
      }
      const built = bundles[network]?.get(url.pathname);
      if (built) {
        const type = MIME[path.extname(url.pathname)] ?? 'application/octet-stream';
        res.writeHead(200, { ...headers, 'content-type': type }).end(built);
        return;
      }
      const dir = path.join(SITES_DIR, network);
      const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
      if (file.startsWith(dir + path.sep) && path.extname(file) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const type = MIME[path.extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { ...headers, 'content-type': type }).end(await fsp.readFile(file));
        return;
      }
      // API answers (Mastodon's /api/v2/instance): <path>.<host>.json, else <path>.json.
      if (file.startsWith(dir + path.sep) && !path.extname(file)) {
        for (const json of [`${file}.${host}.json`, `${file}.json`]) {
          if (fs.existsSync(json)) {
            res.writeHead(200, { ...headers, 'content-type': MIME['.json'], 'access-control-allow-origin': '*' }).end(await fsp.readFile(json));
            return;
          }
        }
      }
      // SPA: every other path is the app shell.
      const html = await fsp.readFile(path.join(dir, 'index.html'));
      res.writeHead(200, { ...headers, 'content-type': MIME['.html'] }).end(html);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e?.stack ?? e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    errors,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
      await fsp.rm(tmp, { recursive: true, force: true });
    },
  };
}
