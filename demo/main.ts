import { createOkrStore, indexedDbStorage, requestPersistentStorage } from '@okrkit/core';
import '@okrkit/elements';
// German texts for every element, registered for `de`; the header's Language control sets <html lang>.
import '@okrkit/elements/locales/de.js';
import { LANGUAGES } from './demo-app.js';
import { PERSONAS } from './people.js';
import { seedSampleData } from './sample-data.js';

// The demo keeps its data in this browser's IndexedDB, the embedded default storage.
export const DATABASE = 'okrkit-demo';

const seeding = indexedDbStorage({ name: DATABASE });
await seedSampleData(seeding);
await seeding.close();
void requestPersistentStorage();

const persona = PERSONAS.find((p) => p.key === localStorage.getItem('okrkit-demo-persona')) ?? PERSONAS[0];
const store = createOkrStore({
  storage: indexedDbStorage({ name: DATABASE }),
  actor: (persona ?? PERSONAS[0])?.actor ?? { id: 'u-ada', role: 'admin' },
});
const saved = localStorage.getItem('okrkit-demo-lang');
document.documentElement.lang = LANGUAGES.some((l) => l.lang === saved) && saved ? saved : 'en';
const app = document.createElement('demo-app');
app.store = store;
app.persona = persona?.key ?? 'admin';
document.querySelector('#app')?.replaceChildren(app);
