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
    // Each project names its files (an `include` here would be added to each project's).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // The CLI's tests spawn the built bin and kill processes mid-write: one fresh module graph per file, as before.
      { extends: true, test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'] } },
      // Every other package's tests are pure functions over their inputs (no module-level mutable state, STYLE.md):
      // files share their worker's module graph, so the registry, the parser and the dictionaries are imported and
      // transformed once per worker instead of once per file.
      { extends: true, test: { name: 'packages', include: ['packages/!(cli)/test/**/*.test.ts'], isolate: false } },
    ],
  },
});
