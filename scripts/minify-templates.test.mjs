import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from './minify-templates.mjs';

const css = (text) => minifyCss([text])?.[0];
const html = (text) => minifyHtml([text])?.[0];

describe('minifyCss', () => {
  it('drops comments and whitespace around braces, semicolons, commas, > and after colons', () => {
    assert.equal(
      css(`
  /* the host */
  :host {
    display: block;
  }
  .a > .b,
  .c {
    margin: 0 auto;
    font-family: a, 'b c';
  }
`),
      ":host{display:block}.a>.b,.c{margin:0 auto;font-family:a,'b c'}",
    );
  });

  it('keeps descendant spaces, including before a pseudo-class', () => {
    assert.equal(css('.row .cell {}'), '.row .cell{}');
    assert.equal(css('.row :focus-visible { outline: 0 }'), '.row :focus-visible{outline:0}');
    assert.equal(
      css("[part~='base'][aria-busy='true']  [part~='table'] {}"),
      "[part~='base'][aria-busy='true'] [part~='table']{}",
    );
    assert.equal(css(':host( .open ) ::slotted(p) {}'), ':host( .open ) ::slotted(p){}');
  });

  it('keeps the spaces calc() needs around + and -, and those of * and /', () => {
    assert.equal(
      css('a { inset: calc(50% - 2px) calc(var(--x) + 1px); width: calc(var(--r) * 1.5); }'),
      'a{inset:calc(50% - 2px) calc(var(--x) + 1px);width:calc(var(--r) * 1.5)}',
    );
  });

  it('keeps the space before ( in media queries and the value of an empty custom property', () => {
    assert.equal(
      css('@media (min-width: 600px) and (prefers-color-scheme: dark) { a { --x: ; } }'),
      '@media (min-width:600px) and (prefers-color-scheme:dark){a{--x: }}',
    );
  });

  it('copies strings and escapes as they are', () => {
    assert.equal(
      css(".e::before { content: '⚠  /* not a comment */ ;  }'; }"),
      ".e::before{content:'⚠  /* not a comment */ ;  }'}",
    );
    assert.equal(css('.q::before { content: "a \\" ,  b"; }'), '.q::before{content:"a \\" ,  b"}');
    assert.equal(css('.a\\:b , .c {}'), '.a\\:b,.c{}');
  });

  it('keeps expressions apart from the text around them', () => {
    assert.deepEqual(minifyCss(['\n  .a {\n    margin: ', ' ', ';\n  }\n  ', '\n']), ['.a{margin:', ' ', '}', '']);
    assert.deepEqual(minifyCss(['a { color: ', '; }']), ['a{color:', '}']);
  });

  it('leaves a template alone when a comment holds an expression', () => {
    assert.equal(minifyCss(['a { /* ', ' */ color: red }']), undefined);
  });
});

describe('minifyHtml', () => {
  it('collapses whitespace with a newline to one space, in text and between attributes', () => {
    assert.equal(
      html(`<div
        part="base"
        class="a"
      >
        <span>One</span>
        <span>Two</span>
      </div
      >`),
      '<div part="base" class="a"> <span>One</span> <span>Two</span> </div>',
    );
  });

  it('keeps whitespace without a newline as written', () => {
    assert.equal(html('<b>a</b>  <i> b </i> <path d="M0 0" />'), '<b>a</b>  <i> b </i> <path d="M0 0" />');
  });

  it('keeps quoted attribute values, comments, <pre> and <textarea> content as written', () => {
    const text = `<p title="two
      lines" class='x
      y'><!-- a
      comment --></p>
    <pre>
  keep
    this</pre>
    <textarea>
  and this
</textarea>`;
    assert.equal(
      html(text),
      `<p title="two
      lines" class='x
      y'><!-- a
      comment --></p> <pre>
  keep
    this</pre> <textarea>
  and this
</textarea>`,
    );
  });

  it('keeps expressions in text, attributes and attribute values', () => {
    assert.deepEqual(minifyHtml(['\n  <button\n    class="b ', '"\n    @click=', '\n  >\n    ', '\n  </button>\n']), [
      ' <button class="b ',
      '" @click=',
      '> ',
      ' </button> ',
    ]);
  });
});

/** Decodes a source map's mappings to [generated line, column, source line, column] per segment. */
function decode(mappings) {
  const values = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const segments = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  mappings.split(';').forEach((line, generatedLine) => {
    let column = 0;
    for (const segment of line.split(',').filter(Boolean)) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = values.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if (!(digit & 32)) {
          fields.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      segments.push([generatedLine, column, sourceLine, sourceColumn]);
    }
  });
  return segments;
}

describe('minifyTemplates', () => {
  const module = `import { css as style, html } from 'lit';
const other = (s) => s;
export const a = style\`
  :host {
    display: block;
  }
\`;
export const b = (x) => html\`<ul>
  \${x.map((i) => html\`<li>
    \${i}
  </li>\`)}
</ul>\`;
export const c = other\`
  untouched
\`;
export const after = 1;
`;

  it('minifies css and html templates tagged with imports from lit, nested ones included', () => {
    const result = minifyTemplates(module, 'm.js');
    assert.ok(result);
    assert.match(result.code, /style`:host\{display:block\}`/);
    assert.match(result.code, /html`<ul> \$\{x\.map\(\(i\) => html`<li> \$\{i\} <\/li>`\)\} <\/ul>`/);
    assert.match(result.code, /other`\n {2}untouched\n`/);
  });

  it('leaves modules without lit templates alone', () => {
    assert.equal(minifyTemplates("import { css } from './not-lit.js';\nexport const a = css`\n  a { }\n`;"), undefined);
    assert.equal(minifyTemplates('export const a = 1;'), undefined);
  });

  it('maps the code after a template back to where it was', () => {
    const result = minifyTemplates(module, 'm.js');
    assert.ok(result);
    assert.deepEqual(result.map.sources, ['m.js']);
    const generated = result.code.split('\n');
    const line = generated.findIndex((l) => l.startsWith('export const after'));
    const column = generated[line].indexOf('after');
    const segment = decode(result.map.mappings).find(([l, c]) => l === line && c === column);
    const original = module.split('\n');
    assert.ok(segment);
    assert.equal(original[segment[2]].slice(segment[3], segment[3] + 'after'.length), 'after');
  });
});
