import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config sits in web/ but is usually run from the repository root
// (`vite build --config web/vite.config.ts`), so the root is pinned to this folder.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map, graph and timeline are split out with React.lazy; this only quiets
    // the warning for those lazily loaded chunks, the entry stays small.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});
