import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The engine and formats are consumed from source, as in the tests, so the browser runs exactly the code
// the tests check and no stale dist/ can slip in.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@alams/engine': here('../engine/src/index.ts'),
      '@alams/formats': here('../formats/src/index.ts'),
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The SoundFont and the transcription model are large assets; keep them as files, never inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { studio: here('studio/index.html') },
    },
  },
});
