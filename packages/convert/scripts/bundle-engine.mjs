#!/usr/bin/env node
// The engine alone in one module (`dist/lib/engine-bundle.js`, what `@tongwen/convert/engine`
// loads): a converter's start-up was mostly Node loading the ~16 modules of engine.js's import
// graph one by one (resolution, reads, compilation). Run by `build` after `tsc`. It sits beside
// the compiled dictionaries file, which compiled.ts reads beside itself. opencc-js and
// @node-rs/jieba stay outside (loaded with `require` where a configuration needs them).
// Whitespace and comments are left out and names kept (stack traces name the functions): V8
// scans every byte of a module before running it, ~1 ms of a start for this one's comments.
// `node:module` (for `createRequire`) is taken with `process.getBuiltinModule` where Node has it
// (20.16): importing it makes its ES module facade, another ~0.5 ms.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** `node:module`'s `createRequire` without importing the module where Node can give it directly. */
const builtinModule = {
  name: 'builtin-node-module',
  setup(context) {
    context.onResolve({ filter: /^node:module$/ }, (args) => (args.kind === 'dynamic-import' ? { path: 'node:module', external: true } : { path: 'node:module', namespace: 'builtin' }));
    context.onLoad({ filter: /.*/, namespace: 'builtin' }, () => ({
      contents: "export const { createRequire } = process.getBuiltinModule?.('node:module') ?? (await import('node:module'));",
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('../dist/lib/engine.js', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/lib/engine-bundle.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['opencc-js', '@node-rs/jieba'],
  plugins: [builtinModule],
  logLevel: 'warning',
});
