// packages/elements/custom-elements.json is what editors, Storybook and framework wrappers
// read: it must be valid against the Custom Elements Manifest schema, name only the public
// API (typed okr-* events, no internal state), point at files the package ships, and be the
// manifest of the code as it is (a fresh generation of the same tree gives the same file).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';

const root = new URL('..', import.meta.url).pathname;
const elements = join(root, 'packages/elements');
const committedText = readFileSync(join(elements, 'custom-elements.json'), 'utf8');
const manifest = JSON.parse(committedText);
const schema = JSON.parse(readFileSync(join(root, 'node_modules/custom-elements-manifest/schema.json'), 'utf8'));

const customElements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement).map((declaration) => ({ module, declaration })),
);

/** Every string under a `path` or `module` key. */
function pathsIn(value, found = []) {
  if (Array.isArray(value)) for (const item of value) pathsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof item === 'string') found.push(item);
      else pathsIn(item, found);
    }
  }
  return found;
}

describe('custom-elements.json', () => {
  it('is valid against the custom-elements-manifest schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
    assert.equal(manifest.schemaVersion, '1.0.0');
  });

  it('is up to date: generating it again from the same tree gives the committed file', () => {
    const out = mkdtempSync(join(tmpdir(), 'okrkit-cem-'));
    try {
      execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
          'analyze',
          '--quiet',
          '--outdir',
          relative(elements, out),
        ],
        { cwd: elements, stdio: 'pipe' },
      );
      const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
      assert.ok(
        fresh === committedText,
        'packages/elements/custom-elements.json is stale: run `npm run manifest --workspace @okrkit/elements` (or `npm run build`) and commit it',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('describes each element with its tag', () => {
    const tags = customElements.map(({ declaration }) => declaration.tagName).sort();
    assert.deepEqual(tags, [
      'okr-access-editor',
      'okr-check-in',
      'okr-detail',
      'okr-list',
      'okr-next-session',
      'okr-provider',
      'okr-session-drawer',
      'okr-sessions',
      'okr-snapshot',
      'okr-tree',
    ]);
  });

  it('lists only okr-* events, each typed by the event class that exists in the package', () => {
    let count = 0;
    for (const { declaration } of customElements) {
      for (const event of declaration.events ?? []) {
        count += 1;
        assert.match(event.name ?? '', /^okr-[a-z-]+$/, `${declaration.tagName}: ${JSON.stringify(event)}`);
        const type = event.type?.text;
        assert.match(type ?? '', /^Okr\w+Event$/, `${declaration.tagName} ${event.name} has a type`);
        const module = event.type.references?.[0]?.module ?? '';
        const source = join(elements, module.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
        assert.match(readFileSync(source, 'utf8'), new RegExp(`export class ${type}\\b`), `${type} in ${module}`);
        assert.ok(event.description, `${declaration.tagName} ${event.name} is described`);
      }
    }
    assert.ok(count >= 29, `${count} events`);
  });

  it('leaves out internal state and private members', () => {
    for (const { module, declaration } of customElements) {
      const source = readFileSync(
        join(elements, module.path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')),
        'utf8',
      );
      const state = [...source.matchAll(/^\s+(\w+): \{[^}\n]*\bstate: true/gm)].map((m) => m[1]);
      for (const member of declaration.members ?? []) {
        assert.ok(!member.name.startsWith('#'), `${declaration.tagName}.${member.name}`);
        assert.ok(!state.includes(member.name), `${declaration.tagName}.${member.name} is internal state`);
      }
    }
  });

  it('points at the files the package ships (dist/*.js built from an existing source), never at src/', () => {
    const paths = pathsIn(manifest);
    assert.ok(paths.length > 50);
    for (const path of paths) {
      assert.match(path, /^dist\/[\w/.-]+\.js$/, path);
      assert.ok(existsSync(join(elements, path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'))), path);
    }
    const pkg = JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8'));
    assert.ok(pkg.files.includes('dist') && pkg.files.includes('custom-elements.json'));
    assert.equal(pkg.customElements, 'custom-elements.json');
  });
});
