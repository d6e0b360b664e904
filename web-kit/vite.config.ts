/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

// The kit is not built on its own: each SPA's Vite compiles it from source. This config serves its tests.
export default defineConfig({
  plugins: [vue()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  test: { environment: 'happy-dom', include: ['test/**/*.spec.ts'] },
});
