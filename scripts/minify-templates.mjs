// Minifies the static text of Lit's css`` and html``/svg`` templates in a module's
// JavaScript: the same idea as minify-html-literals, kept small and conservative. Used by
// the library build (rollup.config.mjs), so the shipped dist/ is smaller, and by
// `npm run size`, so the size measured is the size shipped.
//
// Only templates tagged with `css`, `html` or `svg` imported from 'lit' are touched, and
// only their literal text: `${}` expressions, strings, attribute values and the content
// of <pre>, <textarea>, <script> and <style> stay as written. A template whose text the
// rules cannot keep apart from its expressions is left alone.
import { parseAst } from 'rollup/parseAst';

/** Stands for a `${}` expression while a template's text is minified (not valid in source). */
const HOLE = '\u0000';

/** Characters around which CSS needs no whitespace. Never `(`, `+`, `-`, `*`, `/`, `~`. */
const CSS_TIGHT = new Set(['{', '}', ';', ',', '>']);

/**
 * CSS: drops comments, collapses whitespace to one space, and drops it next to `{ } ; , >`
 * and after `:` (never before `:`, where `a :hover` means a descendant). Strings and
 * escapes are copied as they are.
 * @param {readonly string[]} parts the raw text between the expressions
 * @returns {string[] | undefined} the parts minified, or undefined to leave the template alone
 */
export function minifyCss(parts) {
  const text = parts.join(HOLE);
  let out = '';
  let space = false;
  const flush = (next) => {
    if (!space) return;
    space = false;
    const last = out[out.length - 1];
    if (out === '') return;
    // `--x: ;` is a custom property whose value is a space: keep it.
    if (last === ':' && (next === ';' || next === '}')) out += ' ';
    else if (last !== ':' && !CSS_TIGHT.has(last) && !CSS_TIGHT.has(next)) out += ' ';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      if (text.slice(i, end).includes(HOLE)) return undefined;
      i = end + 1;
      space = true;
    } else if (/\s/.test(c)) {
      space = true;
    } else if (c === '"' || c === "'") {
      flush(c);
      const start = i;
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '\\') {
      flush(c);
      out += text.slice(i, i + 2);
      i++;
    } else if (c === ';' && /^\s*}/.test(text.slice(i + 1, i + 64))) {
      // `;` before `}` says nothing.
      space = false;
    } else {
      flush(c);
      out += c;
    }
  }
  const result = out.split(HOLE);
  return result.length === parts.length ? result : undefined;
}

/** Elements whose content is copied as is. */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * HTML (and SVG): collapses each run of whitespace that contains a newline to one space,
 * in text and between attributes. Runs without a newline, quoted attribute values,
 * comments, and the content of <pre>, <textarea>, <script> and <style> stay as written.
 * @param {readonly string[]} parts the raw text between the expressions
 * @returns {string[] | undefined} the parts minified, or undefined to leave the template alone
 */
export function minifyHtml(parts) {
  const text = parts.join(HOLE);
  let out = '';
  let i = 0;
  /** Copies text up to `end`, or to the end when it is not found; returns the index after it. */
  const copyThrough = (end) => {
    const at = text.indexOf(end, i);
    const stop = at < 0 ? text.length : at + end.length;
    out += text.slice(i, stop);
    return stop;
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      const run = text.slice(i, j);
      out += run.includes('\n') ? ' ' : run;
      i = j;
    } else if (text.startsWith('<!--', i)) {
      i = copyThrough('-->');
    } else if (c === '<' && text[i + 1] === '/') {
      i = tag(text, i, (s) => (out += s));
    } else if (c === '<' && /[a-zA-Z]/.test(text[i + 1] ?? '')) {
      const name = /^<([a-zA-Z][\w-]*)/.exec(text.slice(i))?.[1]?.toLowerCase() ?? '';
      i = tag(text, i, (s) => (out += s));
      if (RAW_TEXT.has(name)) i = copyThrough(`</${name}`);
    } else if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  const result = out.split(HOLE);
  return result.length === parts.length ? result : undefined;
}

/** Writes the tag at `i` with whitespace between attributes collapsed; returns the index after it. */
function tag(text, i, write) {
  let j = i;
  while (j < text.length && text[j] !== '>') {
    const c = text[j];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, j + 1);
      const stop = end < 0 ? text.length : end + 1;
      write(text.slice(j, stop));
      j = stop;
    } else if (/\s/.test(c)) {
      let k = j;
      while (k < text.length && /\s/.test(text[k])) k++;
      const run = text.slice(j, k);
      // Before `>` or `/>` the space says nothing.
      write(
        text[k] === '>' || text.startsWith('/>', k) ? (run.includes('\n') ? '' : run) : run.includes('\n') ? ' ' : run,
      );
      j = k;
    } else {
      write(c);
      j++;
    }
  }
  if (j < text.length) write('>');
  return j + 1;
}

const MINIFIERS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Local names of `css`, `html` and `svg` imported from 'lit'. */
function litTags(program) {
  const tags = new Map();
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== 'lit') continue;
    for (const spec of node.specifiers) {
      const imported = spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : undefined;
      if (imported && imported in MINIFIERS) tags.set(spec.local.name, MINIFIERS[imported]);
    }
  }
  return tags;
}

function* taggedTemplates(node) {
  if (Array.isArray(node)) {
    for (const child of node) yield* taggedTemplates(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.type === 'TaggedTemplateExpression') yield node;
  for (const key in node) if (key !== 'type' && typeof node[key] === 'object') yield* taggedTemplates(node[key]);
}

/**
 * Minifies the templates of one module's JavaScript.
 * @param {string} code
 * @param {string} [source] the module's name, for the source map
 * @returns {{ code: string, map: object } | undefined} undefined when nothing changed
 */
export function minifyTemplates(code, source = '') {
  if (!/\b(css|html|svg)\b/.test(code)) return undefined;
  const program = parseAst(code);
  const tags = litTags(program);
  if (tags.size === 0) return undefined;
  const edits = [];
  for (const node of taggedTemplates(program)) {
    const minify = node.tag.type === 'Identifier' ? tags.get(node.tag.name) : undefined;
    if (!minify) continue;
    const quasis = node.quasi.quasis;
    const parts = minify(quasis.map((q) => code.slice(q.start, q.end)));
    if (!parts) continue;
    quasis.forEach((q, n) => {
      if (parts[n] !== code.slice(q.start, q.end)) edits.push({ start: q.start, end: q.end, text: parts[n] });
    });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += code.slice(at);
  return { code: out, map: sourceMap(code, edits, source) };
}

// ---- source map ------------------------------------------------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value) {
  let n = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = n & 31;
    n >>>= 5;
    if (n > 0) digit |= 32;
    s += BASE64[digit];
  } while (n > 0);
  return s;
}

/**
 * A source map from the minified module back to `code`: a segment at each token of the
 * text kept, and one at the start of each minified stretch of template text.
 */
function sourceMap(code, edits, source) {
  const lines = [[]];
  let outCol = 0;
  let line = 0;
  let col = 0;
  const mark = () => lines[lines.length - 1].push([outCol, line, col]);
  const copy = (from, to) => {
    for (let i = from; i < to; i++) {
      const c = code[i];
      if (c === '\n') {
        lines.push([]);
        outCol = 0;
        line++;
        col = 0;
        continue;
      }
      if (i === from || outCol === 0 || (/\w/.test(c) ? !/\w/.test(code[i - 1]) : !/\s/.test(c))) mark();
      outCol++;
      col++;
    }
  };
  let at = 0;
  for (const edit of edits) {
    copy(at, edit.start);
    mark();
    for (const c of edit.text) {
      if (c === '\n') {
        lines.push([]);
        outCol = 0;
        mark();
      } else outCol++;
    }
    for (let i = edit.start; i < edit.end; i++) {
      if (code[i] === '\n') {
        line++;
        col = 0;
      } else col++;
    }
    at = edit.end;
  }
  copy(at, code.length);
  let previousLine = 0;
  let previousCol = 0;
  const mappings = lines
    .map((segments) => {
      let previousOut = 0;
      return segments
        .map(([out, l, c]) => {
          const segment = vlq(out - previousOut) + vlq(0) + vlq(l - previousLine) + vlq(c - previousCol);
          previousOut = out;
          previousLine = l;
          previousCol = c;
          return segment;
        })
        .join(',');
    })
    .join(';');
  return { version: 3, sources: [source], names: [], mappings };
}
