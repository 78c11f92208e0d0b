import { DEV_SECRET, signToken } from '@okrkit/server';
import { PERSONAS } from '../people.js';

/**
 * The demo's sign-in: a token for each persona, signed with the server's public
 * development secret (DEV_SECRET, printed in the docs: anyone can sign with it). It exists
 * for the demo on this machine only; a real host signs its own people in and hands the
 * page a token of its identity provider.
 */
export interface DemoToken {
  readonly token: string;
  /** When the server stops accepting it (ISO): the page then asks for a new one. */
  readonly expiresAt: string;
}

/** How long a demo token lives unless told otherwise: short, so that renewing is exercised. */
export const DEMO_TOKEN_SECONDS = 15 * 60;

/** A token for the persona of this key, or undefined for a key that names none. */
export async function demoToken(key: string, seconds = DEMO_TOKEN_SECONDS): Promise<DemoToken | undefined> {
  const persona = PERSONAS.find((p) => p.key === key);
  if (!persona) return undefined;
  const { id, role, name, teams } = persona.actor;
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + seconds) * 1000).toISOString();
  const token = await signToken(
    { id, role, ...(name ? { name } : {}), ...(teams ? { teams: [...teams] } : {}) },
    { secret: DEV_SECRET, expiresIn: seconds },
  );
  return { token, expiresAt };
}
