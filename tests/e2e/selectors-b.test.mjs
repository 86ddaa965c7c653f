// Selector tests for LinkedIn, Mastodon, VK, Telegram and Reddit against saved page snapshots
// (tests/fixtures/snapshots/*.html: reduced markup of the live pages, no scripts). Each snapshot
// is served under its real URL by request interception; the adapter module is bundled and
// injected as is. Checked: matches/expectsComposer, the composers found, read(), the Post
// button, visiblePosts and the mount point.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchWithExtension } from './lib/browser.mjs';
import { ROOT } from './lib/server.mjs';

const SNAP = path.join(ROOT, 'tests/fixtures/snapshots');
let browser;
const bundles = new Map();

before(async () => {
  // Every request is answered by route(): no server is needed, the port is never reached.
  browser = await launchWithExtension({ extDir: null, port: 9 });
});
after(async () => {
  await browser?.close();
});

async function adapterSource(name) {
  if (!bundles.has(name)) {
    const { default: esbuild } = await import('esbuild');
    const res = await esbuild.build({
      entryPoints: [path.join(ROOT, 'extension/adapters', `${name}.js`)],
      bundle: true, write: false, format: 'iife', globalName: '__m', target: 'chrome120', logLevel: 'silent',
      footer: { js: 'window.__gliderAdapter = __m.default;' },
    });
    bundles.set(name, res.outputFiles[0].text);
  }
  return bundles.get(name);
}

/** Load `file` at `url`, inject adapter `name`, return the page-side report of `probe`. */
async function probeSnapshot(file, url, name) {
  const page = await browser.context.newPage();
  const html = await fs.readFile(path.join(SNAP, file), 'utf8');
  const wanted = url.replace(/#.*$/, ''); // requests carry no fragment
  await page.route('**/*', (route) =>
    route.request().url() === wanted
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }));
  await page.goto(url);
  await page.addScriptTag({ content: await adapterSource(name) });
  const report = await page.evaluate(() => {
    const a = window.__gliderAdapter;
    const here = new URL(location.href);
    const composers = a.findComposers(document);
    const describe = (el) => el && (el.id ? `#${el.id}` : `${el.localName}.${[...el.classList].join('.')}`);
    return {
      matches: a.matches(here),
      expects: a.expectsComposer(here),
      composers: composers.map(describe),
      texts: composers.map((c) => a.read(c)),
      buttons: composers.map((c) => a.postButton(c)?.textContent.trim() ?? null),
      posts: a.visiblePosts(document),
      mounts: composers.map((c) => { const m = a.mountPoint(c); return !!m.anchor?.isConnected && typeof m.where === 'string'; }),
    };
  });
  await page.close();
  return report;
}

test('linkedin feed with the share box open', async () => {
  const r = await probeSnapshot('linkedin-feed-share-box.html', 'https://www.linkedin.com/feed/', 'linkedin');
  assert.equal(r.matches, true);
  assert.equal(r.expects, false);
  // The share box dialog first (it is on top), then the comment box.
  assert.deepEqual(r.composers, ['div.ql-editor', 'div.ql-editor.ql-blank']);
  assert.deepEqual(r.texts, ['Draft in progress\n\nwith a blank line 👋🏽', '']);
  assert.deepEqual(r.buttons, ['Post', 'Comment']);
  assert.deepEqual(r.posts, [
    { id: 'urn:li:activity:7260000000000000001', text: 'We shipped it! 🎉\n\nDetails in the comments.' },
    { id: 'urn:li:activity:7260000000000000002', text: 'Notes on the #engine,\npart two' },
  ]);
  assert.deepEqual(r.mounts, [true, true]);
});

test('mastodon 4.3 home on another instance (recognised by its DOM)', async () => {
  const r = await probeSnapshot('mastodon-home-4.3.html', 'https://fosstodon.org/home', 'mastodon');
  assert.equal(r.matches, true);
  assert.equal(r.expects, true);
  assert.deepEqual(r.composers, ['textarea.autosuggest-textarea__textarea']);
  assert.deepEqual(r.texts, ['Half-written toot\nsecond line']);
  assert.deepEqual(r.buttons, ['Post']);
  assert.deepEqual(r.posts, [
    { id: '113400000000000001', text: 'Good morning ☀️\n\nNew paragraph\nwith a break' },
    { id: '113400000000000000', text: 'Plain one-liner' },
  ]);
  assert.deepEqual(r.mounts, [true]);
});

test('mastodon 4.1 /publish (older "Publish!" button)', async () => {
  const r = await probeSnapshot('mastodon-publish-4.1.html', 'https://mastodon.social/publish', 'mastodon');
  assert.deepEqual([r.matches, r.expects, r.composers.length, r.buttons], [true, true, 1, ['Publish!']]);
  assert.deepEqual(r.texts, ['']);
});

test('vk feed', async () => {
  const r = await probeSnapshot('vk-feed.html', 'https://vk.com/feed', 'vk');
  assert.deepEqual([r.matches, r.expects], [true, true]);
  assert.deepEqual(r.composers, ['#post_field']);
  assert.deepEqual(r.texts, ['Черновик\nвторая строка']);
  assert.deepEqual(r.buttons, ['Опубликовать']);
  assert.deepEqual(r.posts, [
    { id: '-29534144_1000', text: 'Первая строка\nВторая строка 🔥' },
    { id: '1_45', text: 'Short post' },
  ]);
});

test('telegram /k chat: the measuring twin is not a composer', async () => {
  const r = await probeSnapshot('telegram-k-chat.html', 'https://web.telegram.org/k/#777', 'telegram');
  assert.deepEqual([r.matches, r.expects], [true, true]);
  assert.deepEqual(r.composers, ['div.input-message-input.scrollable.scrollable-y.no-scrollbar']);
  assert.deepEqual(r.texts, ['See you there\n\nat 10']);
  assert.deepEqual(r.buttons.length, 1);
  assert.deepEqual(r.posts, [
    { id: '4000', text: 'Are you coming?\nReply soon 🙂' },
    { id: '4001', text: 'Yes!' },
  ]);
});

test('telegram /a chat', async () => {
  const r = await probeSnapshot('telegram-a-chat.html', 'https://web.telegram.org/a/#777', 'telegram');
  assert.deepEqual([r.matches, r.expects], [true, true]);
  assert.deepEqual(r.composers, ['#editable-message-text']);
  assert.deepEqual(r.texts, ['On my way\n10 min']);
  assert.deepEqual(r.posts, [
    { id: '301', text: 'Morning all\nCoffee? ☕' },
    { id: '302', text: 'Yes' },
  ]);
});

test('reddit submit: body through the shadow root, the title read with it, Post inside a shadow root', async () => {
  const r = await probeSnapshot('reddit-submit.html', 'https://www.reddit.com/r/test/submit', 'reddit');
  assert.deepEqual([r.matches, r.expects], [true, true]);
  assert.deepEqual(r.composers, ['div.rte']);
  // read() is the whole post there: the title, then the body (the title is not a composer).
  assert.deepEqual(r.texts, ['My title\n\nBody draft\n\nafter a blank line']);
  assert.deepEqual(r.buttons, ['Post']);
  assert.deepEqual(r.mounts, [true]);
});

test('reddit comments: Lexical editor slotted from the light DOM; post and nested comments', async () => {
  const r = await probeSnapshot('reddit-comments-lexical.html', 'https://www.reddit.com/r/test/comments/1abcde/which_editor/', 'reddit');
  assert.deepEqual([r.matches, r.expects], [true, false]);
  assert.deepEqual(r.composers, ['div.']);
  assert.deepEqual(r.texts, ['Lexical draft']);
  assert.deepEqual(r.buttons, ['Comment']);
  assert.deepEqual(r.posts, [
    { id: 't3_1abcde', text: 'Tell me\nyours.\n\nThanks!' },
    { id: 't1_c1', text: 'Emacs.' },
    { id: 't1_c2', text: 'Vim!\n\nObviously.' },
  ]);
});
