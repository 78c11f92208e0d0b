import { pgDatabase } from '../pg-database.js';
import { testDatabaseUrl } from '../testing/test-database.js';
import { describeProtocol } from './testing/protocol-suite.js';

describeProtocol('PostgreSQL', () => pgDatabase({ connectionString: testDatabaseUrl() }));
