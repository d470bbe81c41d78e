import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './harness/test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['harness/test/**/*.test.ts', 'suites/**/*.test.ts'],
    reporters: ['default', new SummaryReporter()],
    // Plugin runs spawn their own workers; keep vitest's pool small on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
