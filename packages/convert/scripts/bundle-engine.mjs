#!/usr/bin/env node
// The engine alone in one module (`dist/lib/engine-bundle.js`, what `@tongwen/convert/engine`
// loads): a converter's start-up was mostly Node loading the ~16 modules of engine.js's import
// graph one by one (resolution, reads, compilation). Run by `build` after `tsc`. It sits beside
// the compiled dictionaries file, which compiled.ts reads beside itself. opencc-js and
// @node-rs/jieba stay outside (loaded with `require` where a configuration needs them).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

await build({
  entryPoints: [fileURLToPath(new URL('../dist/lib/engine.js', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/lib/engine-bundle.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['opencc-js', '@node-rs/jieba'],
  logLevel: 'warning',
});
