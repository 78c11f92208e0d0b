import { createOkrStore, indexedDbStorage, requestPersistentStorage } from '@okrkit/core';
import '@okrkit/elements';
import { PERSONAS } from './people.js';
import { seedSampleData } from './sample-data.js';
import './demo-app.js';

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
const app = document.createElement('demo-app');
app.store = store;
app.persona = persona?.key ?? 'admin';
document.querySelector('#app')?.replaceChildren(app);
