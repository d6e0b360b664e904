import { defineConfig } from 'vitest/config';

export default defineConfig({
  // NestJS dependency injection reads constructor parameter types from decorator metadata.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.spec.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // On CI (a shared, noisy machine) a test that fails is run once more; a real fault fails twice.
    retry: process.env.CI ? 1 : 0,
  },
});
