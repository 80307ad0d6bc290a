import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      // Subpath entries before their package (an alias matches a prefix).
      '@tongwen/book/locale': fileURLToPath(new URL('./packages/book/src/lib/locale.ts', import.meta.url)),
      '@tongwen/convert/engine': fileURLToPath(new URL('./packages/convert/src/lib/engine.ts', import.meta.url)),
      '@tongwen/report/formats': fileURLToPath(new URL('./packages/report/src/lib/formats.ts', import.meta.url)),
      '@tongwen/book': src('book'),
      '@tongwen/convert': src('convert'),
      '@tongwen/rules': src('rules'),
      '@tongwen/linter': src('linter'),
      '@tongwen/report': src('report'),
      '@tongwen/workspace': src('workspace'),
      '@tongwen/test-utils': src('test-utils'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
