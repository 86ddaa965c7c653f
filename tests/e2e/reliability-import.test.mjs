// Reliability: an import of 10,000 hostile CSV rows through the worker's
// `import.run` (what the dashboard sends). Every rejected row is reported
// with its physical line; with keepValid false nothing at all is written;
// with keepValid true only the valid rows are added and the data that was
// already there is untouched. Hostile values that are valid text (formulas,
// `__proto__`, markup, control characters) are stored as plain strings.
//
// Invalid UTF-8 bytes can't travel in a runtime message (a JS string): the
// dashboard reads files as text, which turns them into U+FFFD, so rows with
// U+FFFD, lone surrogates and NULs stand in for them here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedKeys, draft, figure, HOUR, useBrowser } from './support/reliability.mjs';

const ROWS = 10_000;

// [template, rejected?]: `i` makes each row unique.
const VALID = [
  (i) => `2099-01-02 10:00,valid row ${i},https://example.org/${i},,,x`,
  (i) => `,"=HYPERLINK(""http://evil.example/${i}"",""click"")",,,,`,
  (i) => `,'=1+${i},,,,`,
  (i) => `,@SUM(${i}+1)*cmd|' /C calc'!A0,,,,`,
  (i) => `,<img src=x onerror=top.__xss=${i}><script>top.__xss=${i}</script>,,,,`,
  (i) => `,__proto__ ${i},,,"__proto__,constructor,prototype",`,
  (i) => `,"multi-line\n""quoted"" cell ${i}",,,,`,
  (i) => `,nul\u0000 repl\uFFFD lone\uD800 rtl\u202Etxet ${i},,,,`,
];
const REJECTED = [
  (i) => `2099-02-30 10:00,not a calendar date ${i},,,,`,
  (i) => `tomorrow,unrecognised date ${i},,,,`,
  (i) => `2001-01-01 10:00,in the past ${i},,,,`,
  (i) => `=NOW(),formula as a date ${i},,,,`,
  (i) => `99/99/2099 10:00,impossible month ${i},,,,`,
  (i) => `,javascript link ${i},javascript:alert(${i}),,,`,
  (i) => `,data media ${i},,data:text/html;base64,PHNjcmlwdD4=,,`,
  (i) => `,bad network ${i},,,,x;<script>`,
  () => '2099-01-02 10:00,,,,,',
];

/** 10,000 rows after a Publer header with a `__proto__` column; returns the text and the expected outcome. */
function hostileCsv() {
  const lines = ['Date,Text,Link,Media URL,Labels,Networks,__proto__'];
  let line = 2;
  const rejected = [];
  let valid = 0;
  for (let i = 0; i < ROWS; i++) {
    let row;
    let bad;
    if (i === 4321) {
      row = `,${'A'.repeat(256 * 1024 + 1)},,,,`; // one cell over the 256 KiB limit
      bad = true;
    } else if (i % 500 === 7) {
      row = `,${'cell,'.repeat(300)}`; // more than 256 cells
      bad = true;
    } else {
      const all = [...VALID.map((f) => [f, false]), ...REJECTED.map((f) => [f, true])];
      const [f, b] = all[i % all.length];
      row = f(i);
      bad = b;
    }
    lines.push(`${row},`);
    if (bad) rejected.push(line);
    else valid += 1;
    line += 1 + (row.match(/\n/g)?.length ?? 0);
  }
  return { text: lines.join('\n'), rejected, valid };
}

const env = useBrowser({ networks: [] });

test(`import of ${ROWS} hostile rows: every error with its line, existing data untouched`, { timeout: 120_000 }, async () => {
  const { ext } = env.browser;
  const { projects } = await ext.ready();
  // Existing data: a queued post and two drafts.
  const existing = [draft(projects[0].id, 'existing draft one'), draft(projects[0].id, 'existing draft two'), draft(projects[0].id, 'existing queued')];
  for (const p of existing) await ext.call({ type: 'post.save', post: p });
  const q = (await ext.storage())[`post:${existing[2].id}`];
  await ext.call({ type: 'post.schedule', id: q.id, at: Date.now() + 48 * HOUR, baseRevision: q.revision });

  const { text, rejected, valid } = hostileCsv();
  assert.ok(text.length < 1 << 20, `the file fits in one message (${text.length} chars)`);
  const before = await ext.storage();

  // All-or-nothing: one bad row and nothing is written.
  const t0 = Date.now();
  const strict = await ext.call({ type: 'import.run', format: 'csv', text, keepValid: false, zone: 'UTC' });
  const strictMs = Date.now() - t0;
  const reported = strict.errors.map((e) => e.line);
  const missing = rejected.filter((l) => !reported.includes(l));
  const unexpected = reported.filter((l) => !rejected.includes(l));
  figure('hostile import (keepValid=false)', `rows=${ROWS}, errors reported=${strict.errors.length}/${rejected.length} with their line, imported=${strict.imported}, ${strictMs} ms`);
  assert.deepEqual(missing, [], 'every rejected row is reported');
  assert.deepEqual(unexpected, [], 'no valid row is reported');
  assert.equal(strict.errors.length, rejected.length, 'each rejected row reported once');
  for (const e of strict.errors) assert.ok(Number.isInteger(e.line) && typeof e.reason === 'string' && e.reason.length > 0, JSON.stringify(e));
  assert.equal(strict.imported, 0);
  const afterStrict = await ext.storage();
  figure('records changed by the refused import', changedKeys(before, afterStrict).length);
  assert.deepEqual(changedKeys(before, afterStrict), [], 'storage untouched');

  // keepValid: the valid rows are added, nothing that was there changes.
  const kept = await ext.call({ type: 'import.run', format: 'csv', text, keepValid: true, zone: 'UTC' });
  assert.equal(kept.errors.length, rejected.length);
  assert.equal(kept.imported, valid, `imported ${kept.imported} of ${valid} valid rows`);
  const afterKeep = await ext.storage();
  const touched = Object.keys(before).filter((k) => (k.startsWith('post:') || k.startsWith('project:') || k === 'settings') && JSON.stringify(before[k]) !== JSON.stringify(afterKeep[k]));
  const added = Object.keys(afterKeep).filter((k) => k.startsWith('post:') && !(k in before));
  figure('hostile import (keepValid=true)', `imported=${kept.imported}/${valid} valid rows, existing records changed=${touched.length}`);
  assert.deepEqual(touched, [], 'existing posts, projects and settings untouched');
  assert.equal(added.length, valid, 'one new record per valid row');

  // Hostile but valid values are stored as plain data.
  const imported = added.map((k) => afterKeep[k]);
  const proto = imported.find((p) => p.text === '__proto__ 5');
  assert.deepEqual(proto?.tags, ['__proto__', 'constructor', 'prototype']);
  assert.ok(imported.some((p) => p.text === '=HYPERLINK("http://evil.example/1","click")'), 'a formula is kept as text');
  assert.ok(imported.some((p) => p.text === '=1+2'), "an escaped formula ('=) is unescaped once");
  assert.ok(imported.some((p) => p.text === 'multi-line\n"quoted" cell 6'));
  const pollution = await ext.worker().evaluate(() => [({}).polluted, Object.keys(Object.prototype).length, typeof ({}).__proto__]);
  assert.deepEqual(pollution, [undefined, 0, 'object'], 'no prototype pollution in the worker');

  // A second, different file adds its rows: ids from one import must not swallow the next one's rows.
  const second = await ext.call({ type: 'import.run', format: 'csv', text: 'Date,Text\n2099-03-01 09:00,second file row A\n2099-03-01 10:00,second file row B\n', zone: 'UTC' });
  const texts = Object.values(await ext.storage()).map((v) => v?.text);
  assert.equal(second.imported, 2, `the second file's rows are imported, not skipped: ${JSON.stringify(second)}`);
  assert.ok(texts.includes('second file row A') && texts.includes('second file row B'));
});

test('hostile JSON backups are refused with the path of each problem, nothing written', { timeout: 60_000 }, async () => {
  const { ext } = env.browser;
  const docs = [
    '{"__proto__": {"polluted": 1}}',
    '{"format":"glider-backup","version":1,"projects":[],"posts":[{"id":"a","projectId":"p","text":"x","status":"draft","createdAt":1,"updatedAt":1,"__proto__":{"polluted":1}}]}',
    '{"format":"glider-backup","version":1,"projects":[{"id":"p","name":"<img src=x onerror=top.__xss=1>","timeZone":"Mars/Base","createdAt":1,"updatedAt":1}],"posts":[]}',
    '[1,2,3]',
    'not json',
    `{"format":"glider-backup","version":1,"posts":[${'{"id":"x"},'.repeat(2000)}{"id":"y"}]}`,
  ];
  const before = await ext.storage();
  let errors = 0;
  for (const text of docs) {
    const res = await ext.call({ type: 'import.run', format: 'json', text });
    assert.equal(res.imported, 0, text.slice(0, 80));
    assert.ok(res.errors.length > 0, `errors reported for ${text.slice(0, 80)}`);
    for (const e of res.errors) assert.equal(typeof e.path, 'string');
    errors += res.errors.length;
  }
  const changed = changedKeys(before, await ext.storage());
  figure('hostile JSON backups', `docs=${docs.length}, errors reported=${errors}, records changed=${changed.length}`);
  assert.deepEqual(changed, []);
  assert.deepEqual(await ext.worker().evaluate(() => [({}).polluted, Object.keys(Object.prototype).length]), [undefined, 0]);
});
