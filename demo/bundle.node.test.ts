// The demo's in-memory bundles (demo/bundle.mjs) on a throw-away repository of two modules:
// an edit shows on the next request, an unchanged bundle keeps its ETag.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoBundler } from './bundle.mjs';

describe('demo bundles', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'okrkit-bundle-'));
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    writeFileSync(join(root, 'demo/main.ts'), "import { word } from './word.js';\nconsole.log(word);\n");
    writeFileSync(join(root, 'demo/word.ts'), "export const word: string = 'first';\n");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('answers the same bundle and ETag while no input changed, and the edited one after an edit', async () => {
    const bundler = demoBundler(root);
    const first = await bundler.answer('/demo/main.ts');
    assert.match(first?.body ?? '', /first/);
    const again = await bundler.answer('/demo/main.ts');
    assert.equal(again?.etag, first?.etag);
    assert.equal(again?.body, first?.body);

    writeFileSync(join(root, 'demo/word.ts'), "export const word: string = 'second';\n");
    // A later modification time, whatever the file system's clock resolution.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'demo/word.ts'), later, later);
    const edited = await bundler.answer('/demo/main.ts');
    assert.match(edited?.body ?? '', /second/);
    assert.notEqual(edited?.etag, first?.etag);

    const map = await bundler.answer('/demo/main.ts.map');
    assert.match(map?.type ?? '', /^application\/json/);
    assert.ok(JSON.parse(map?.body ?? '{}').sources.includes('/demo/word.ts'));
    assert.equal(await bundler.answer('/demo/other.ts'), undefined);
  });
});
