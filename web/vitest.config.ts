import { defineConfig } from 'vitest/config';

// Unit tests of the UI's pure helpers. Kept apart from vite.config.ts, which pins `root`
// to web/ for the app build; run with `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
  },
});
