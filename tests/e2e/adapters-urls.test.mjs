// Every adapter lists the live pages it was checked on (`testUrls`, Refined GitHub style): at
// least two, all matched by the adapter itself and, for the network adapters, picked for that
// page by pickAdapter. Runs in Node: matching needs no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADAPTERS, pickAdapter } from '../../extension/adapters/index.js';

for (const adapter of ADAPTERS) {
  test(`${adapter.id}: its test URLs are matched and pick it`, () => {
    assert.ok(adapter.testUrls.length >= 2, `${adapter.id} lists at least two test URLs`);
    for (const url of adapter.testUrls) {
      assert.equal(adapter.matches(new URL(url)), true, `${adapter.id} matches ${url}`);
      if (adapter.id !== 'generic') assert.equal(pickAdapter(new URL(url))?.id, adapter.id, `pickAdapter(${url})`);
    }
  });
}

test('no adapter claims another network\'s test URL', () => {
  for (const a of ADAPTERS.filter((x) => x.id !== 'generic')) {
    for (const b of ADAPTERS.filter((x) => x.id !== 'generic' && x !== a)) {
      for (const url of b.testUrls) assert.equal(a.matches(new URL(url)), false, `${a.id} must not match ${url}`);
    }
  }
});
