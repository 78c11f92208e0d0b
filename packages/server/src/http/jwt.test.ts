import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jwtAuthenticator, signToken } from './jwt.js';
import { VerifiedTokens } from './verified-tokens.js';

const SECRET = 'okrkit-jwt-test-secret-at-least-32-characters';
const MO = { id: 'mo', role: 'member' } as const;
const bearer = (token: string) =>
  new Request('http://okrkit.test/v1/sessions', { headers: { authorization: `Bearer ${token}` } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('jwtAuthenticator', () => {
  it('accepts a token again from what it verified, and refuses it once it has expired', async () => {
    const authenticate = jwtAuthenticator({ secret: SECRET, clockTolerance: 0 });
    const token = await signToken(MO, { secret: SECRET, expiresIn: 1 });
    assert.deepEqual(await authenticate(bearer(token)), MO);
    assert.deepEqual(await authenticate(bearer(token)), MO);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    await sleep(exp * 1000 - Date.now() + 50);
    assert.equal(await authenticate(bearer(token)), null);
  });

  it('never accepts a forged token for a verified one’s person', async () => {
    const authenticate = jwtAuthenticator({ secret: SECRET });
    assert.deepEqual(await authenticate(bearer(await signToken(MO, { secret: SECRET }))), MO);
    const forged = await signToken(MO, { secret: 'another-secret-that-is-at-least-32-chars' });
    assert.equal(await authenticate(bearer(forged)), null);
  });
});

describe('VerifiedTokens', () => {
  const at = Date.parse('2026-11-10T09:00:00Z');
  const exp = at / 1000 + 30;

  it('trusts a token until its exp, give or take the tolerance, and no longer', () => {
    const tokens = new VerifiedTokens(5);
    tokens.add('t', { sub: 'mo', exp }, at);
    assert.deepEqual(tokens.get('t', at + 34_999), { sub: 'mo', exp });
    assert.equal(tokens.get('t', at + 35_000), undefined);
  });

  it('trusts a verification for a minute at most, even of a token that never expires', () => {
    const tokens = new VerifiedTokens(0);
    tokens.add('t', { sub: 'mo' }, at);
    assert.ok(tokens.get('t', at + 59_999));
    assert.equal(tokens.get('t', at + 60_000), undefined);
  });

  it('does not keep a token that has expired already', () => {
    const tokens = new VerifiedTokens(0);
    tokens.add('t', { sub: 'mo', exp }, at + 31_000);
    assert.equal(tokens.get('t', at + 31_000), undefined);
  });
});
