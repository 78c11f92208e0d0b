import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderElementsApi } from './elements-api.mjs';

const manifest = JSON.parse(
  readFileSync(new URL('../packages/elements/custom-elements.json', import.meta.url), 'utf8'),
);

describe('the elements API reference (npm run docs)', () => {
  const markdown = renderElementsApi(manifest);

  it('has a section per element with its entry point', () => {
    for (const tag of [
      'okr-sessions',
      'okr-snapshot',
      'okr-list',
      'okr-tree',
      'okr-check-in',
      'okr-session-drawer',
      'okr-provider',
      'okr-next-session',
      'okr-access-editor',
      'okr-detail',
    ]) {
      assert.match(markdown, new RegExp(`^## \`<${tag}>\`$`, 'm'));
      assert.ok(markdown.includes(`import '@okrkit/elements/${tag}.js'`), tag);
    }
  });

  it('lists properties with their attributes, and events with their classes', () => {
    assert.ok(markdown.includes('| `sessionId` | `session-id` | `string \\| undefined` | The session to review'));
    assert.match(markdown, /^\| `okr-week-change` \| `OkrWeekChangeEvent` \| A person moved to another week/m);
  });

  it('leaves out internal state', () => {
    assert.doesNotMatch(markdown, /^\| `loadError` /m);
  });
});
