#!/usr/bin/env node
// The command's bundle: `dist/cli.js` (what bin/tongwen.js runs) and `dist/worker.js` (the
// conversion worker), made from the compiled `dist/main.js` and `dist/convert/worker.js` with
// every @tongwen package and pure-JS dependency inside. Start-up was dominated by loading ~380
// modules one by one (resolution, reads, compilation); the bundle loads a handful of files.
// Each command stays a chunk of its own (`check` never loads `convert`), and the chunks sit in
// `dist/` itself so that `new URL('./worker.js', import.meta.url)` and `../package.json` resolve
// as they do from the unbundled files. The library entry (`dist/index.js`) is not bundled.
//
// Files the bundled code reads beside itself are copied into `dist/`: the conversion engine's
// compiled dictionaries (`new URL('./tongwen-dictionaries.bin', import.meta.url)` in
// @tongwen/convert's compiled.ts, which the bundle places in `dist/`).
//
// Left outside: packages that load files of their own at run time (opencc-js dictionaries,
// @node-rs/jieba's native binary, worker-pool libraries whose workers are their own files).
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const external = ['opencc-js', '@node-rs/jieba', 'tinypool'];

for (const name of readdirSync(dist)) {
  if (/^(cli|worker|check-worker)\.js$|^bundle-.*\.js$/.test(name)) rmSync(path.join(dist, name));
}

await build({
  // `check-worker.js`: the check's chapter pass on the pool (parallel.ts of @tongwen/linter asks for
  // `./check-worker.js` beside itself, which in the bundle is here).
  entryPoints: { cli: path.join(dist, 'main.js'), worker: path.join(dist, 'convert/worker.js'), 'check-worker': fileURLToPath(new URL('../../linter/dist/lib/check-worker.js', import.meta.url)) },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ESM builds first (jsonc-parser's UMD build requires files by computed names).
  mainFields: ['module', 'main'],
  chunkNames: 'bundle-[name]-[hash]',
  external,
  // Code that asks whether it runs bundled (the cache's code fingerprint).
  define: { TONGWEN_BUNDLE: 'true' },
  // CommonJS dependencies inside an ES module bundle call `require` for Node's built-ins.
  banner: { js: "import { createRequire as __tongwenRequire } from 'node:module'; const require = __tongwenRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The convert package's build wrote it beside its compiled.js; the bundled chunk reads it beside itself.
copyFileSync(fileURLToPath(new URL('../../convert/dist/lib/tongwen-dictionaries.bin', import.meta.url)), path.join(dist, 'tongwen-dictionaries.bin'));
