/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: '/staff/',
  plugins: [vue()],
  // Read @onewindow/shared from its TypeScript source.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { port: 5174, strictPort: true, proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
  build: { chunkSizeWarningLimit: 1500 },
  test: { environment: 'happy-dom', include: ['test/**/*.spec.ts'] },
});
