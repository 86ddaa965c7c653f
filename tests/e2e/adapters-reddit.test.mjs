// Reddit adapter against the shreddit fixture: editors inside OPEN shadow roots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inPage, insertionCases, openPage, publishCase, useBrowser } from './adapters-b-cases.mjs';

const env = useBrowser(['reddit']);
const THREAD = 'https://www.reddit.com/r/test/comments/abc123/what_editor/';
const SUBMIT = 'https://www.reddit.com/r/test/submit';

const page = insertionCases(env, { name: 'reddit comment', url: THREAD, adapter: 'reddit' });
// The submit form: Post needs a title, which the user types; the draft goes into the body.
insertionCases(env, {
  name: 'reddit post body',
  url: SUBMIT,
  adapter: 'reddit',
  prepare: (p) => p.evaluate(() => window.__fixture.setTitle('A title')),
});

test('reddit: the composer is found through the shadow root; the title is not a composer', async () => {
  const r = await page().evaluate(() => {
    const a = window.__gliderAdapter;
    const u = (s) => new URL(s);
    const c = a.findComposers(document);
    return {
      matches: a.matches(u('https://www.reddit.com/r/test/')),
      other: a.matches(u('https://old.example.org/')),
      submit: a.expectsComposer(u('https://www.reddit.com/r/test/submit')),
      thread: a.expectsComposer(u('https://www.reddit.com/r/test/comments/x/')),
      count: c.length,
      inShadow: c[0]?.getRootNode() instanceof ShadowRoot,
      host: c[0]?.getRootNode().host.localName,
      button: a.postButton(c[0])?.textContent.trim(),
      mount: a.mountPoint(c[0]).anchor.localName,
    };
  });
  assert.deepEqual(r, {
    matches: true, other: false, submit: true, thread: false, count: 1, inShadow: true,
    host: 'shreddit-composer', button: 'Comment', mount: 'shreddit-composer',
  });
});

test('reddit: visiblePosts reads the post and the comments', async () => {
  const posts = await inPage.posts(page());
  assert.deepEqual(posts.map((p) => p.text), ['Curious what everyone\nuses these days.', 'Vim, obviously.']);
});

test('reddit: Comment click is detected as published, the comment appears', async () => {
  const p = await openPage(env, THREAD, 'reddit');
  await publishCase(p, 'Helix here.\n\nSecond paragraph 👋🏽');
  await p.close();
});

test('reddit: Post (a button inside a shadow root) is detected as published on the submit page', async () => {
  const p = await openPage(env, SUBMIT, 'reddit', (pg) => pg.evaluate(() => window.__fixture.setTitle('My title')));
  const inShadow = await p.evaluate(() => {
    const a = window.__gliderAdapter;
    return a.postButton(a.findComposers(document)[0]).getRootNode() instanceof ShadowRoot;
  });
  assert.equal(inShadow, true);
  await publishCase(p, 'Body of the post\nwith two lines');
  await p.close();
});
