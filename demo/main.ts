import { createOkrStore, indexedDbStorage, type OkrStore, requestPersistentStorage } from '@okrkit/core';
import '@okrkit/elements';
// German texts for every element, registered for `de`; the header's Language control sets <html lang>.
import '@okrkit/elements/locales/de.js';
import { LANGUAGES } from './demo-app.js';
import { PERSONAS, type Persona } from './people.js';
import { seedSampleData } from './sample-data.js';
import { serverStore } from './server-store.js';
import { storageModeOf } from './storage-mode.js';

// In the local mode the demo keeps its data in this browser's IndexedDB, the embedded default storage.
export const DATABASE = 'okrkit-demo';

async function localStore(persona: Persona): Promise<OkrStore> {
  const seeding = indexedDbStorage({ name: DATABASE });
  await seedSampleData(seeding);
  await seeding.close();
  void requestPersistentStorage();
  return createOkrStore({ storage: indexedDbStorage({ name: DATABASE }), actor: persona.actor });
}

const mode = storageModeOf(new URL(location.href));
const persona = PERSONAS.find((p) => p.key === localStorage.getItem('okrkit-demo-persona')) ?? (PERSONAS[0] as Persona);
// On the server, the sample company is seeded by the server on its first start.
const store = mode === 'local' ? await localStore(persona) : await serverStore(persona);
const saved = localStorage.getItem('okrkit-demo-lang');
document.documentElement.lang = LANGUAGES.some((l) => l.lang === saved) && saved ? saved : 'en';
const app = document.createElement('demo-app');
app.store = store;
app.persona = persona.key;
app.mode = mode;
document.querySelector('#app')?.replaceChildren(app);
