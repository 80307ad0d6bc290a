#!/usr/bin/env node
// The engine alone in one module (`dist/lib/engine-bundle.js`, what `@tongwen/convert/engine`
// loads): a converter's start-up was mostly Node loading the ~16 modules of engine.js's import
// graph one by one (resolution, reads, compilation). Run by `build` after `tsc`. It sits beside
// the compiled dictionaries file, which compiled.ts reads beside itself. opencc-js and
// @node-rs/jieba stay outside (loaded with `require` where a configuration needs them), and so do
// Node's built-in modules (src/lib/node.ts takes `node:fs` without its ES module facade); the
// bundle has no top-level `await` (exports.test.ts), so `require()` of it works on Node 22+.
// Whitespace and comments are left out and names kept (stack traces name the functions): V8
// scans every byte of a module before running it, ~1 ms of a start for this one's comments.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
  logLevel: 'warning',
});
