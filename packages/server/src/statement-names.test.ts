import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementNames } from './statement-names.js';

describe('StatementNames', () => {
  it('names a statement with parameters the same each time, and another one otherwise', () => {
    const names = new StatementNames();
    const select = names.nameOf('SELECT $1::int', 1);
    assert.match(select ?? '', /^okrkit_[0-9a-f]{24}$/);
    assert.equal(names.nameOf('SELECT $1::int', 1), select);
    assert.notEqual(names.nameOf('SELECT $1::text', 1), select);
  });

  it('leaves simple queries, long statements and texts beyond the first 200 unnamed', () => {
    const names = new StatementNames();
    assert.equal(names.nameOf('SELECT 1', 0), undefined);
    assert.equal(names.nameOf('INSERT ...', 41), undefined);
    for (let i = 0; i < 200; i++) assert.ok(names.nameOf(`SELECT $1::int + ${i}`, 1));
    assert.equal(names.nameOf('SELECT $1::int + 200', 1), undefined);
    assert.ok(names.nameOf('SELECT $1::int + 0', 1), 'a named text keeps its name');
  });
});
