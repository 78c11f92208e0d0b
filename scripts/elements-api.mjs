#!/usr/bin/env node
// The elements' API reference (docs/api/elements.md), rendered from custom-elements.json:
// one section per element with its attributes and properties, events (with their classes),
// slots, CSS parts and custom properties. Part of `npm run docs`; the output is not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return [];
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

/** Markdown for every custom element in `manifest`, sorted by tag. */
export function renderElementsApi(manifest) {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement).map((d) => ({ module, d })))
    .sort((a, b) => a.d.tagName.localeCompare(b.d.tagName));
  const lines = ['# @okrkit/elements API', '', 'Generated from `custom-elements.json` by `npm run docs`.', ''];
  for (const { module, d } of elements) {
    const attributes = new Map((d.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
    lines.push(
      `## \`<${d.tagName}>\``,
      '',
      `\`import '@okrkit/elements/${d.tagName}.js'\` (\`${module.path}\`), class \`${d.name}\`.`,
      '',
    );
    if (d.description) lines.push(d.description, '');
    const fields = (d.members ?? []).filter((m) => m.kind === 'field');
    lines.push(
      ...table(
        ['property', 'attribute', 'type', 'description'],
        fields.map((m) => [code(m.name), code(attributes.get(m.name)), code(m.type?.text), cell(m.description)]),
      ),
    );
    const methods = (d.members ?? []).filter((m) => m.kind === 'method');
    lines.push(
      ...table(
        ['method', 'description'],
        methods.map((m) => [code(`${m.name}()`), cell(m.description)]),
      ),
    );
    lines.push(
      ...table(
        ['event', 'class', 'description'],
        (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
      ),
    );
    lines.push(
      ...table(
        ['slot', 'description'],
        (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ),
    );
    lines.push(
      ...table(
        ['CSS part', 'description'],
        (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
    );
    lines.push(
      ...table(
        ['CSS custom property', 'default', 'description'],
        (d.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8'));
  const out = `${root}docs/api/elements.md`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderElementsApi(manifest));
  console.log(`API reference of the elements: ${out}`);
}
