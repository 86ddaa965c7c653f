// `./build.sh demo`: Glider on the demo network pages.
// With a display it opens a visible Chromium and waits for Ctrl+C; without
// one it runs headless and saves screenshots to demo/out/.
import fs from 'node:fs';
import path from 'node:path';
import { startFixtureServer, ROOT } from '../tests/e2e/lib/server.mjs';
import { launchWithExtension } from '../tests/e2e/lib/browser.mjs';
import { openPanel } from '../tests/e2e/support/panel.mjs';

const OUT = path.join(ROOT, 'demo/out');
// The README's picture: the first demo (X), regenerated with every run.
const README_SHOT = path.join(ROOT, 'docs/screenshot.png');
const visible = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

// Each demo: a page under its real hostname, the composer, and what to type.
const DEMOS = [
  { name: 'x', url: 'https://x.com/home', composer: '[data-testid="tweetTextarea_0"]', text: 'Shipping Glider today: drafts, queues and reminders right on x.com https://example.com/glider 🚀' },
  { name: 'bluesky', url: 'https://bsky.app/', open: '[data-testid="composeFAB"]', composer: '.ProseMirror', text: 'Xin chào Bluesky! Soạn bài ngay tại đây 👋🏽' },
  { name: 'mastodon', url: 'https://mastodon.social/home', composer: 'textarea', text: 'Привет, Mastodon! Черновик из Glider.' },
  { name: 'linkedin', url: 'https://www.linkedin.com/feed/', open: '#start-post', composer: '.ql-editor', text: 'Three lessons from a year of local-first tooling.' },
];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ port: server.port, headless: !visible });
  const shots = [];
  for (const demo of DEMOS) {
    const page = await browser.context.newPage();
    try {
      await page.goto(demo.url);
      if (demo.open) await page.locator(demo.open).first().click();
      const composer = page.locator(demo.composer).first();
      await composer.waitFor({ timeout: 10000 });
      await composer.click();
      await page.keyboard.type(demo.text, { delay: visible ? 20 : 0 });
      const panel = await openPanel(page, browser.worker, browser.extensionId);
      await panel.waitForFunction(() => document.querySelector('[data-testid="counter"]')?.dataset.count, null, { timeout: 10000 });
      await page.waitForTimeout(300);
      const file = path.join(OUT, `${demo.name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      if (demo.name === 'x') fs.copyFileSync(file, README_SHOT);
      console.log(`  ${demo.name}: ${path.relative(ROOT, file)}`);
    } catch (err) {
      console.log(`  ${demo.name}: skipped (${err.message.split('\n')[0]})`);
      await page.close();
    }
  }
  if (visible) {
    console.log('Chromium is open with Glider loaded; press Ctrl+C to quit.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
  await browser.close();
  await server.close();
  if (!shots.length) throw new Error('no demo page could be shown');
  console.log(`Screenshots in ${path.relative(process.cwd(), OUT) || OUT}/`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
