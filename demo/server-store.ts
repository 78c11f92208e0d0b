import { createOkrStore, type OkrStore, syncStorage } from '@okrkit/core';
import type { Persona } from './people.js';

/** What the demo server's `/demo/tokens/<persona>` answers. */
interface DemoToken {
  readonly token: string;
  readonly expiresAt: string;
  /** Which data folder the server runs on: the local copy is named after it. */
  readonly data: string;
}

/** Where the page remembers which data folder the server ran on when it last answered. */
const DATA_KEY = 'okrkit-demo-server-data';

async function fetchToken(persona: Persona): Promise<DemoToken> {
  const response = await fetch(`/demo/tokens/${encodeURIComponent(persona.key)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The demo server gave no token for ${persona.key} (${response.status}).`);
  return response.json() as Promise<DemoToken>;
}

/**
 * The demo as an organisation runs it: a store on the demo's okrkit server (same origin),
 * signed in as the persona with a demo token. The server checks every change as the
 * token's person, so a viewer's change is refused there whatever the page does. `getToken`
 * is asked again whenever the server refuses a token (it expires after minutes): the page
 * carries on with a new one. The outbox and the confirmed sessions stay in IndexedDB, one
 * copy per data folder and person.
 */
export async function serverStore(persona: Persona): Promise<OkrStore> {
  // Out of reach (the server stopped, the network gone), the page still opens on its local
  // copy of the data folder it saw last, and its changes wait in the outbox.
  const asking = fetchToken(persona).catch(() => undefined);
  const remembered = localStorage.getItem(DATA_KEY);
  // A returning visitor's local copy opens while the token is on its way (a cold load
  // waits for one round trip less); a first visit needs the answer to name its copy.
  const first = remembered === null ? await asking : undefined;
  const data = first?.data ?? remembered ?? 'unknown';
  if (first) localStorage.setItem(DATA_KEY, first.data);
  void asking.then((answer) => {
    if (!answer || answer.data === data) return;
    // The server now runs on another data folder (a fresh sample company): its own copy.
    localStorage.setItem(DATA_KEY, answer.data);
    location.reload();
  });
  let unused: Promise<DemoToken | undefined> | undefined = asking;
  const storage = syncStorage({
    url: location.origin,
    getToken: async () => {
      const token = (await unused) ?? (await fetchToken(persona));
      unused = undefined;
      return token.token;
    },
    name: `okrkit-demo-server-${data}-${persona.key}`,
  });
  return createOkrStore({ storage, actor: persona.actor });
}
