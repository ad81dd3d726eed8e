import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e files drive real browsers; running them in parallel on a 2-core machine only makes them flaky
    fileParallelism: false,
    setupFiles: ['test/setup/fast-check-seed.ts'],
  },
  // Vite 8 transforms TypeScript with oxc (esbuild options are ignored there): Preact's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
