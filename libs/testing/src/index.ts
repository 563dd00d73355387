export { createTestDatabase, createEmptyTestDatabase, openTestOrm, type TestDatabase } from './test-database';
export { createDatabase, dropDatabase, withDatabase, withServerClient, uniqueDatabaseName, quoteIdent } from './server';
