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
//
// The Markdown parser (micromark, its extensions, acorn for MDX: ~0.9 MB, ~90 ms of CPU to load) is
// loaded only by a run that parses: a warm check or `--staged` whose chapters and contents lists are
// all in the store parses nothing. Its one gateway module (@tongwen/book's `extensions.js`: every
// parse goes through it) is bundled on its own as `dist/tongwen-parser.cjs`, and the command's bundle
// gets a stand-in module in its place whose functions require that file on their first call. CommonJS
// because a parse is synchronous: Node 20 has no synchronous way to load an ES module later (the
// conversion engine's opencc-js is required the same way). The conversion engine as the script rules call it (@tongwen/rules'
// `lib/convert.ts`) is loaded the same way, as `dist/tongwen-convert.cjs`: ~90 KB of compiled code that a run where no script
// rule runs (a warm check, `--staged` on a warm store) does not load.
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The modules loaded on first use, each from `dist/<file>` (see the head of this file): the sources
 * the bundle is made from (the workspace packages' `src`, through tsconfig.json's `paths`).
 */
const lazyModules = [
  { module: fileURLToPath(new URL('../../book/src/lib/extensions.ts', import.meta.url)), file: 'tongwen-parser.cjs' },
  // The conversion engine as the script rules call it (@tongwen/rules' lib/convert.ts): a run where no script rule runs does
  // not load it. The convert command imports @tongwen/convert itself, in its own chunks.
  { module: fileURLToPath(new URL('../../rules/src/lib/convert.ts', import.meta.url)), file: 'tongwen-convert.cjs' },
];

/**
 * The stand-in of a lazy module: each export of its bundle a function that requires the bundle on
 * the first call (`require` is the chunk's own, made beside it by the banner). A lazy module may
 * export functions only (a value would have to be loaded at once): anything else fails the build.
 */
function standIn({ module, file }) {
  const exported = createRequire(import.meta.url)(path.join(dist, file));
  const names = Object.entries(exported).map(([name, value]) => {
    if (typeof value !== 'function') throw new Error(`${module}: export \`${name}\` is not a function, expected only functions in a module loaded on first use`);
    return name;
  });
  const functions = names.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`);
  return [`const load = () => require('./${file}');`, ...functions].join('\n');
}

/** The esbuild plugin that puts the stand-ins in place of the lazy modules (of `modules`: a lazy module's own build stands in for those built before it). */
const lazyPlugin = (modules = lazyModules) => ({
  name: 'tongwen-lazy-modules',
  setup(bundler) {
    if (modules.length === 0) return;
    // Only the lazy modules' own paths reach the callback (every other module is loaded by esbuild itself).
    const filter = new RegExp(`^(?:${modules.map((entry) => entry.module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    bundler.onLoad({ filter }, (args) => {
      const lazy = modules.find((entry) => entry.module === args.path);
      return lazy ? { contents: standIn(lazy), loader: 'js', resolveDir: path.dirname(args.path) } : undefined;
    });
  },
});

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const external = ['opencc-js', '@node-rs/jieba', 'tinypool'];

for (const name of readdirSync(dist)) {
  if (/^(cli|worker|check-worker)\.js$|^bundle-.*\.js$/.test(name) || lazyModules.some((lazy) => lazy.file === name)) rmSync(path.join(dist, name));
}

/**
 * One acorn in the parser: micromark's MDX extensions import its ES module build, acorn-jsx
 * (CommonJS) requires its CommonJS build; both are the same code (0.2 MB each), so the require
 * gets the ES module build too.
 */
const oneAcorn = {
  name: 'tongwen-one-acorn',
  setup(bundler) {
    bundler.onResolve({ filter: /^acorn$/ }, (args) => (args.kind === 'require-call' ? bundler.resolve('acorn', { kind: 'import-statement', resolveDir: args.resolveDir }) : undefined));
  },
};

// Each lazy module as one CommonJS file with everything it imports (but the lazy modules built before it, required as they
// are by the command); `import.meta.url` is the file's own URL (the engine finds its dictionaries and opencc-js beside it).
for (const [index, lazy] of lazyModules.entries()) {
  await build({
    entryPoints: [lazy.module],
    outfile: path.join(dist, lazy.file),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: [...external, ...lazyModules.slice(0, index).map((before) => `./${before.file}`)],
    define: { 'import.meta.url': '__tongwenModuleUrl' },
    banner: { js: "const __tongwenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [oneAcorn, lazyPlugin(lazyModules.slice(0, index))],
    logLevel: 'warning',
  });
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
  // The lazy modules' own files are required beside the chunks at run time.
  external: [...external, ...lazyModules.map((lazy) => `./${lazy.file}`)],
  // Code that asks whether it runs bundled (the cache's code fingerprint).
  define: { TONGWEN_BUNDLE: 'true' },
  // CommonJS dependencies inside an ES module bundle call `require` for Node's built-ins.
  banner: { js: "import { createRequire as __tongwenRequire } from 'node:module'; const require = __tongwenRequire(import.meta.url);" },
  plugins: [lazyPlugin()],
  logLevel: 'warning',
});

// The convert package's build wrote it beside its compiled.js; the bundled chunk reads it beside itself.
copyFileSync(fileURLToPath(new URL('../../convert/dist/lib/tongwen-dictionaries.bin', import.meta.url)), path.join(dist, 'tongwen-dictionaries.bin'));
