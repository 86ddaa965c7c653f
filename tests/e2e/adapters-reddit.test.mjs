// Reddit adapter against the shreddit fixture: editors inside OPEN shadow roots. A post page's
// comment box starts collapsed ("Join the conversation": closed composer) or, on the older page,
// is always there; the submit page has a title besides the body, which a draft fills too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { behaviourCases } from './lib/behaviour.mjs';
import { TEXTS, fill, matrix, openFixture, setUp, waitState } from './lib/matrix.mjs';
import { useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['reddit']);
const THREAD = 'https://www.reddit.com/r/test/comments/abc123/what_editor/';
const SUBMIT = 'https://www.reddit.com/r/test/submit';

matrix(env, { network: 'reddit', variant: 'comment-collapsed', url: THREAD });
matrix(env, { network: 'reddit', variant: 'comment-always-open', url: `${THREAD}?composer=open`, states: ['open'] });
behaviourCases(env, { network: 'reddit', url: THREAD, publish: 'Helix here.\n\nSecond paragraph 👋🏽' });

describe('reddit specifics', () => {
  test('reddit: the comment composer is found through the shadow root, the title is not a composer', async () => {
    const p = await openFixture(env, THREAD, 'reddit');
    const closed = await p.evaluate(() => ({
      composers: window.__gliderAdapter.findComposers(document).length,
      opener: window.__gliderAdapter.findOpener(document)?.textContent.trim(),
    }));
    assert.deepEqual(closed, { composers: 0, opener: 'Join the conversation' });
    await setUp(p, 'open', '');
    const r = await p.evaluate(() => {
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
    const posts = await p.evaluate(() => window.__gliderAdapter.visiblePosts(document));
    assert.deepEqual(posts.map((x) => x.text), ['Curious what everyone\nuses these days.', 'Vim, obviously.']);
    await p.close();
  });

  test('reddit submit: the first line fills the empty title, the rest the body; Post enables', async () => {
    const p = await openFixture(env, SUBMIT, 'reddit');
    assert.equal(await p.evaluate(() => window.__fixture.postEnabled()), false, 'no title, no Post');
    const r = await fill(p, 'My title\n\nThe body\nwith two lines 👋🏽');
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.title, { ok: true, text: 'My title' });
    // read() is the whole post, title first, exactly as the draft had it: the panel and
    // publication detection see the draft, not its body alone.
    assert.equal(r.text, 'My title\n\nThe body\nwith two lines 👋🏽');
    assert.equal(r.read, 'My title\n\nThe body\nwith two lines 👋🏽');
    await waitState(p, 'The body\nwith two lines 👋🏽', 'body');
    assert.equal(await p.evaluate(() => window.__fixture.getTitle()), 'My title');
    assert.equal(await p.evaluate(() => window.__fixture.postEnabled()), true, 'Post enabled for real');
    await p.close();
  });

  test('reddit submit: an explicit title wins; a title typed by the user is never replaced by a guess', async () => {
    const p = await openFixture(env, SUBMIT, 'reddit');
    let r = await fill(p, TEXTS.multiline, { title: 'Explicit title' });
    assert.ok(r.ok);
    assert.equal(await p.evaluate(() => window.__fixture.getTitle()), 'Explicit title');
    await waitState(p, TEXTS.multiline, 'the whole draft in the body');
    await p.evaluate(() => window.__fixture.setTitle('Typed by the user'));
    r = await fill(p, 'A first line\nand more');
    assert.ok(r.ok);
    assert.equal(r.title, undefined, 'title left alone');
    assert.equal(await p.evaluate(() => window.__fixture.getTitle()), 'Typed by the user');
    await waitState(p, 'A first line\nand more', 'the whole draft in the body');
    // A one-line draft is a title-only post.
    await p.evaluate(() => window.__fixture.setTitle(''));
    r = await fill(p, 'Just a title');
    assert.ok(r.ok);
    assert.equal(await p.evaluate(() => window.__fixture.getTitle()), 'Just a title');
    await waitState(p, '', 'empty body');
    assert.equal(await p.evaluate(() => window.__fixture.postEnabled()), true);
    await p.close();
  });

  test('reddit submit: Post (a button inside a shadow root) is detected as published', async () => {
    const p = await openFixture(env, SUBMIT, 'reddit');
    const r = await fill(p, 'Title line\nBody of the post\nwith two lines');
    assert.ok(r.ok);
    const inShadow = await p.evaluate(() => {
      const a = window.__gliderAdapter;
      const b = a.postButton(a.findComposers(document)[0]);
      b.setAttribute('data-glider-test', 'post');
      window.__pub = [];
      a.watch(a.findComposers(document)[0], { signal: new AbortController().signal, onPublished: (t) => window.__pub.push(t) });
      return b.getRootNode() instanceof ShadowRoot;
    });
    assert.equal(inShadow, true);
    await p.click('[data-glider-test="post"]');
    await p.waitForFunction(() => window.__pub.length > 0);
    assert.deepEqual(await p.evaluate(() => window.__pub), ['Title line\nBody of the post\nwith two lines']);
    await p.close();
  });
});
