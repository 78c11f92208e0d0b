// The packages' manifests tell bundlers and type-checkers the truth: every entry in an
// `exports` map points at a source that exists and at the dist/ file the build makes from
// it, and `sideEffects` lists exactly the modules that register elements (a bundler drops a
// module that is imported only for its effect when it is not listed, and the element
// silently never registers).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('..', import.meta.url).pathname;
const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

function sourcesOf(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.includes('.test.'))
    .map((e) => relative(join(root, dir), join(e.parentPath, e.name)));
}

for (const dir of ['packages/core', 'packages/elements']) {
  const pkg = read(`${dir}/package.json`);
  describe(`${pkg.name} package.json`, () => {
    it('points every export at an existing source and at the dist/ file built from it, types first', () => {
      for (const [subpath, target] of Object.entries(pkg.exports)) {
        if (typeof target === 'string') {
          assert.ok(existsSync(join(root, dir, target)), `${subpath} → ${target}`);
          continue;
        }
        const keys = Object.keys(target);
        assert.equal(keys[0], 'types', `${subpath}: "types" comes first`);
        const source = target['@okrkit/source'];
        if (source === undefined) continue; // a types-only entry (./vue)
        // A pattern entry (./events/*.js, ./locales/*.js) is checked with one module it matches.
        const sample = subpath.startsWith('./locales/') ? 'de' : 'okr-error-event';
        for (const file of [source.replace('*', sample)]) {
          assert.ok(existsSync(join(root, dir, file)), `${subpath} → ${file} exists`);
        }
        assert.equal(target.types, source.replace('./src/', './dist/').replace(/\.ts$/, '.d.ts'), `${subpath} types`);
        if (subpath !== './bundle') {
          assert.equal(
            target.default,
            source.replace('./src/', './dist/').replace(/\.ts$/, '.js'),
            `${subpath} default`,
          );
        }
      }
    });

    it('has the fields a registry page and an issue tracker need', () => {
      assert.equal(pkg.license, 'MIT');
      assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/okrkit\/okrkit\.git$/);
      assert.equal(pkg.repository?.directory, dir);
      assert.match(pkg.homepage ?? '', /^https:\/\/github\.com\/okrkit\/okrkit/);
      assert.equal(pkg.bugs?.url, 'https://github.com/okrkit/okrkit/issues');
    });
  });
}

describe('@okrkit/elements sideEffects', () => {
  const pkg = read('packages/elements/package.json');
  const registering = sourcesOf('packages/elements/src')
    .filter((file) => /^defineElement\(/m.test(readFileSync(join(root, 'packages/elements/src', file), 'utf8')))
    .sort();

  it('finds the modules that register elements, all through the defineElement guard', () => {
    assert.ok(registering.length >= 7, registering.join(', '));
    const direct = sourcesOf('packages/elements/src').filter(
      (file) =>
        file !== 'define.ts' &&
        /customElements\.define\(/.test(readFileSync(join(root, 'packages/elements/src', file), 'utf8')),
    );
    assert.deepEqual(direct, [], 'register with defineElement(tag, Class) from define.ts, not customElements.define');
  });

  it('lists exactly those modules (as sources and as built), the entry that imports them all, the locales and the bundle', () => {
    const expected = [
      './dist/index.js',
      './src/index.ts',
      './dist/okrkit.bundle.js',
      // Each locale module registers its texts on import (registerStrings): a side effect too.
      './dist/locales/*.js',
      './src/locales/*.ts',
      ...registering.map((file) => `./src/${file}`),
      ...registering.map((file) => `./dist/${file.replace(/\.ts$/, '.js')}`),
    ].sort();
    assert.deepEqual([...pkg.sideEffects].sort(), expected);
  });

  it('has locale modules that each register their texts, and nothing else in locales/', () => {
    const locales = sourcesOf('packages/elements/src/locales');
    assert.ok(locales.includes('de.ts'), locales.join(', '));
    for (const file of locales) {
      const code = readFileSync(join(root, 'packages/elements/src/locales', file), 'utf8');
      assert.match(code, /^registerStrings\('[a-z-]+', /m, `locales/${file} registers its texts`);
    }
  });

  it('offers each registering module as its own entry point', () => {
    for (const file of registering) {
      const name = file.split('/').pop()?.replace(/\.ts$/, '.js');
      assert.equal(pkg.exports[`./${name}`]?.['@okrkit/source'], `./src/${file}`, `./${name}`);
    }
  });
});

describe('@okrkit/core sideEffects', () => {
  it('declares none: the core registers nothing and touches no global', () => {
    assert.equal(read('packages/core/package.json').sideEffects, false);
  });
});

describe('framework bindings follow the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8'));
  const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));
  const types = readFileSync(join(root, 'packages/elements/src/element-types.ts'), 'utf8');
  const react = readFileSync(join(root, 'packages/elements/src/react/index.ts'), 'utf8');
  const vue = readFileSync(join(root, 'packages/elements/src/vue.ts'), 'utf8');

  /** The text of `'tag': {` up to the next tag's entry (element-types.ts), or of `eventsOf<'tag'>([...])`. */
  const typesOf = (tag) => types.match(new RegExp(`\\n  '${tag}': \\{([\\s\\S]*?)(?=\\n  '|\\n\\})`))?.[1] ?? '';
  const reactEventsOf = (tag) => react.match(new RegExp(`eventsOf<'${tag}'>\\(\\[([^\\]]*)\\]`))?.[1] ?? '';
  const names = (text) => [...text.matchAll(/'(okr-[a-z-]+)'/g)].map((m) => m[1]).sort();

  it('types, wraps and declares every element for React and Vue', () => {
    for (const element of elements) {
      assert.ok(typesOf(element.tagName), `${element.tagName} in element-types.ts`);
      assert.match(react, new RegExp(`tagName: '${element.tagName}'`), `${element.tagName} has a React wrapper`);
      assert.match(vue, new RegExp(`'${element.tagName}': OkrVueComponent<'${element.tagName}'>`), element.tagName);
    }
  });

  it('gives each element exactly the events and the properties the manifest documents', () => {
    for (const element of elements) {
      const documented = (element.events ?? []).map((e) => e.name).sort();
      assert.deepEqual(names(typesOf(element.tagName)), documented, `${element.tagName} events in element-types.ts`);
      if (documented.length > 0) {
        assert.deepEqual(names(reactEventsOf(element.tagName)), documented, `${element.tagName} React events`);
      }
      const props = typesOf(element.tagName).match(/props: ([^;]+);/)?.[1] ?? '';
      const listed = [...props.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
      const settable = (element.members ?? [])
        .filter((m) => m.kind === 'field' && !m.readonly && m.description)
        .map((m) => m.name)
        .sort();
      assert.deepEqual(listed, settable, `${element.tagName} props in element-types.ts`);
    }
  });
});
