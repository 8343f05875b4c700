import net from 'node:net';
import { defineConfig } from 'vitest/config';

/**
 * Files left out of `integration-pg`: they are about SQLite itself (its files, a second handle on
 * them), or they choose their stores themselves (both, or PostgreSQL and Redis on purpose).
 */
const SQLITE_ONLY = [
  'privacy', // the SQLite files in the data directory
  'backpressure', // opens the SQLite store of a stopped server
  'report-compaction', // a second SQLite handle on the same file
  'store-contract', // runs both stores itself (in `integration`)
  'copy-to-postgres', // SQLite into PostgreSQL, itself
  'store-unavailable', // PostgreSQL behind a proxy, itself
  'command-order', // PostgreSQL, itself
  'cluster-presence', // Redis only
  'cluster-limits', // Redis only
].map((f) => `tests/integration/${f}.test.ts`);

/**
 * `integration-pg`: the integration suite on PostgreSQL (OOGST_TEST_STORE=postgres; a fresh
 * database per test server, see tests/helpers/testStore.ts). Not part of `npm test` yet: it is
 * defined only when asked for (`vitest run --project integration-pg`, or OOGST_TEST_PG=1).
 */
const withPg = process.argv.some((a) => a.includes('integration-pg')) || process.env.OOGST_TEST_PG === '1';

/** Whether something listens on 127.0.0.1:`port` (PostgreSQL, for `store-pg`). */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
  });

/**
 * [DEPLOY6] `store-pg`: the authorisation matrix, the fuzz test (20,000 payloads; 100,000 on
 * SQLite) and the export XSS and character tests, again on PostgreSQL, in every `npm test`. On a
 * machine without PostgreSQL it is left out with a warning, unless CI=true (then it fails).
 */
const STORE_PG = ['authz', 'fuzz', 'export-xss', 'export-chars'].map((f) => `tests/integration/${f}.test.ts`);
const pgHere = (await listening(5432)) || process.env.CI === 'true';
if (!pgHere) console.warn('store-pg: no PostgreSQL on 127.0.0.1:5432, so these tests run on SQLite only.');

/**
 * `npm test` runs five projects: unit (pure rules), integration (the real server on port 0 with
 * real clients), store-pg (some of those again on PostgreSQL), cluster (real nodes behind HAProxy
 * on PostgreSQL and Redis), e2e (real Chromium against the built client, one file at a time).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      ...(withPg
        ? [
            {
              test: {
                name: 'integration-pg',
                include: ['tests/integration/**/*.test.ts'],
                // OOGST_TEST_PG_ALL=1: those too (to see which of their tests still need SQLite).
                exclude: process.env.OOGST_TEST_PG_ALL === '1' ? [] : SQLITE_ONLY,
                environment: 'node',
                env: { OOGST_TEST_STORE: 'postgres' },
                globalSetup: ['tests/helpers/pgGlobalSetup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
                pool: 'forks' as const,
              },
            },
          ]
        : []),
      ...(pgHere
        ? [
            {
              test: {
                name: 'store-pg',
                include: STORE_PG,
                environment: 'node',
                env: { OOGST_TEST_STORE: 'postgres', FUZZ_RUNS: '20000' },
                globalSetup: ['tests/helpers/pgGlobalSetup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
                pool: 'forks' as const,
              },
            },
          ]
        : []),
      {
        test: {
          // [DEPLOY1] Real nodes behind HAProxy on PostgreSQL and Redis (tests/helpers/cluster.ts).
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
