import { defaultStore } from '@okrkit/elements';
import { seedSampleData } from './sample-data.js';

// The page's elements use the default store (stored in this browser); fill it on first visit.
await seedSampleData(defaultStore());
