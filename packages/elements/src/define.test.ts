import { expect } from '@open-wc/testing';
import { defineElement } from './define.js';
import { OkrTree } from './okr-tree/okr-tree.js';

/** Records console.warn while `run` runs. */
function warnings(run: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('defineElement', () => {
  it('defines a tag that is free', () => {
    class First extends HTMLElement {}
    defineElement('okr-define-free', First);
    expect(customElements.get('okr-define-free')).to.equal(First);
    expect(document.createElement('okr-define-free')).to.be.instanceOf(First);
  });

  it('does nothing when the same class is registered again (a module evaluated twice)', () => {
    const seen = warnings(() => defineElement('okr-tree', OkrTree));
    expect(seen).to.deep.equal([]);
    expect(customElements.get('okr-tree')).to.equal(OkrTree);
  });

  it('keeps the first class and warns once when another class takes the same tag (a second copy)', () => {
    class CopyOne extends HTMLElement {}
    class CopyTwo extends HTMLElement {}
    const seen = warnings(() => {
      defineElement('okr-tree', CopyOne);
      defineElement('okr-tree', CopyTwo);
    });
    expect(customElements.get('okr-tree')).to.equal(OkrTree);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('<okr-tree> is already defined by another copy of okrkit');
  });
});
