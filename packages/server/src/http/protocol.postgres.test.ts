import { pgDatabase } from '../pg-database.js';
import { testDatabaseUrl } from '../testing/test-database.js';
import { describeGroupCommit } from './testing/group-commit-suite.js';
import { describeProtocol } from './testing/protocol-suite.js';

describeProtocol('PostgreSQL', () => pgDatabase({ connectionString: testDatabaseUrl() }));
describeGroupCommit('PostgreSQL', () => pgDatabase({ connectionString: testDatabaseUrl() }));
