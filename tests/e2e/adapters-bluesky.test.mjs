// Bluesky adapter on the TipTap (ProseMirror) fixture (https://bsky.app/).
import { adapterSuite } from './lib/adapter-suite.mjs';

adapterSuite({
  network: 'bluesky',
  url: 'https://bsky.app/',
  open: async (page) => {
    await page.click('[data-testid="composeFAB"]');
    await page.waitForSelector('[role="dialog"] .ProseMirror[contenteditable="true"]');
  },
});
