import { defineConfig } from 'vitest/config';

// One run over every workspace, so `npm test` prints one summary.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', root: 'packages/core', include: ['test/**/*.test.ts'] } },
      { test: { name: 'checker', root: 'packages/checker', include: ['test/**/*.test.ts'] } },
      { test: { name: 'cli', root: 'apps/cli', include: ['test/**/*.test.ts'], passWithNoTests: true } },
      { test: { name: 'e2e', root: 'test', include: ['**/*.test.ts'], exclude: ['fixtures/**', 'node_modules/**'] } },
    ],
  },
});
