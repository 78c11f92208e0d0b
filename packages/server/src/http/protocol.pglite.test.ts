import { pgliteDatabase } from '../pglite-database.js';
import { describeGroupCommit } from './testing/group-commit-suite.js';
import { describeProtocol } from './testing/protocol-suite.js';

describeProtocol('PGlite', () => pgliteDatabase());
describeGroupCommit('PGlite', () => pgliteDatabase());
