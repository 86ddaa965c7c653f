// Facebook adapter on the Lexical rich-text fixture (https://www.facebook.com/).
import { adapterSuite } from './lib/adapter-suite.mjs';

adapterSuite({
  network: 'facebook',
  url: 'https://www.facebook.com/',
  // The composer lives in the "Create post" dialog, opened by a real click.
  open: async (page) => {
    await page.click('.open-composer');
    await page.waitForSelector('[role="dialog"] [data-lexical-editor="true"]');
  },
});
