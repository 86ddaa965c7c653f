// Threads adapter on the Lexical plain-text fixture (https://www.threads.net/).
import { adapterSuite } from './lib/adapter-suite.mjs';

adapterSuite({
  network: 'threads',
  url: 'https://www.threads.net/',
  open: async (page) => {
    await page.click('.open-composer');
    await page.waitForSelector('[role="dialog"] [data-lexical-editor="true"]');
  },
});
