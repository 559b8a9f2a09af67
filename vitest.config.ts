import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: [
            'apps/server/test/**/*.test.ts',
            'apps/server/test-jobs/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
          ],
          testTimeout: 60_000, // a busy 2-core machine; a timeout is not a timing assertion
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'multinode',
          include: ['apps/server/multinode/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
