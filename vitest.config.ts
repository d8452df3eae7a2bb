import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests beside the core code, integration tests
// through the real app on a real database, the reliability suite, and browser
// tests (npm run test:e2e).
export default defineConfig({
  test: {
    // 2 cores: two files at once keeps PGlite instances (~0.5 GB each) in check.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
          // Property-based tests run a few hundred cases each.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Fuzzing, authorisation matrix, racing processes, crashes and outages
          // (npm run test:reliability); one file at a time: files start servers.
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-database.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
