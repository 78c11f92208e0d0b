import { pgliteDatabase } from '../pglite-database.js';
import { describeProtocol } from './testing/protocol-suite.js';

describeProtocol('PGlite', () => pgliteDatabase());
