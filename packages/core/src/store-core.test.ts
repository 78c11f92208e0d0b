import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomIds } from './store-core.js';

describe('randomIds', () => {
  it('makes ids of the kind’s prefix and 72 random bits, none twice, across many draws of bytes', () => {
    const makeId = randomIds();
    const ids = Array.from({ length: 1000 }, () => makeId('checkIn'));
    for (const id of ids) assert.match(id, /^ci_[0-9a-z]{18}$/);
    assert.equal(new Set(ids).size, ids.length);
    assert.match(makeId('objective'), /^ob_/);
  });
});
