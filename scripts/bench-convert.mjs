#!/usr/bin/env node
// Conversion throughput: plain opencc-js vs @tongwen/convert (Markdown-aware),
// on the same bytes, in one process. Run after `pnpm build`:
//   node scripts/bench-convert.mjs [--config s2tw] [--rounds 3]
// Reads ../shared (or TONGWEN_SHARED); prints MB/s (UTF-8 bytes of input) and the ratio.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.TONGWEN_SHARED ?? path.resolve(root, '..', 'shared');
const { values } = parseArgs({ options: { config: { type: 'string', default: 's2tw' }, rounds: { type: 'string', default: '3' } } });
const config = values.config;
const rounds = Number(values.rounds);

const convertDist = path.join(root, 'packages/convert/dist/index.js');
const bookDist = path.join(root, 'packages/book/dist/index.js');
if (!existsSync(convertDist) || !existsSync(bookDist)) {
  process.stderr.write('bench-convert: packages/convert/dist or packages/book/dist missing: run `pnpm build` first\n');
  process.exit(2);
}
if (!existsSync(path.join(shared, 'corpus'))) {
  process.stderr.write(`bench-convert: ${shared}/corpus not found (set TONGWEN_SHARED)\n`);
  process.exit(2);
}
const { createConverters, convertChapter, anchorMaps, fragmentEdits, finishChapter } = await import(pathToFileURL(convertDist).href);
const { parseChapter } = await import(pathToFileURL(bookDist).href);
const require = createRequire(path.join(root, 'packages/convert/package.json'));
// `opencc-js` resolves to its UMD build for require(); the ESM build sits beside it.
const openccDir = path.resolve(path.dirname(require.resolve('opencc-js')), '..', '..');
const OpenCC = await import(pathToFileURL(path.join(openccDir, 'dist/esm/full.js')).href);

const openccNames = { s2t: ['cn', 't'], s2tw: ['cn', 'tw'], s2twp: ['cn', 'twp'], s2hk: ['cn', 'hk'] };
if (!openccNames[config]) {
  process.stderr.write(`bench-convert: --config must be one of ${Object.keys(openccNames).join(', ')}\n`);
  process.exit(2);
}

function markdownFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full, base);
    return entry.name.endsWith('.md') ? [{ path: path.relative(base, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }] : [];
  });
}

const sets = [
  ['docker_practice-2018', markdownFiles(path.join(shared, 'corpus/docker_practice-2018'))],
  ['docker_practice-2026', markdownFiles(path.join(shared, 'corpus/docker_practice-2026'))],
  ['trpl-zh-cn/src', markdownFiles(path.join(shared, 'corpus/trpl-zh-cn/src'))],
  ['zuozhuan.txt', [{ path: 'zuozhuan.md', text: readFileSync(path.join(shared, 'testdata/opencc/zuozhuan.txt'), 'utf8') }]],
];

let started = performance.now();
const plain = OpenCC.Converter({ from: openccNames[config][0], to: openccNames[config][1] });
plain('预热');
const plainSetup = performance.now() - started;
started = performance.now();
const converters = await createConverters();
const engine = converters.get(config);
engine('预热');
const engineSetup = performance.now() - started;

function time(fn) {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function markdownAware(files) {
  const chapters = files.map((file) => parseChapter(file.path, file.text));
  const conversions = chapters.map((chapter) => convertChapter(chapter, { convert: engine }));
  const maps = anchorMaps(conversions);
  return chapters.map((chapter, index) => finishChapter(chapter.source, conversions[index], fragmentEdits(conversions[index], (target) => maps.get(target))));
}

const rows = [];
let totals = { bytes: 0, plain: 0, engine: 0, markdown: 0 };
for (const [name, files] of sets) {
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const tPlain = time(() => files.forEach((file) => plain(file.text)));
  const tEngine = time(() => files.forEach((file) => engine(file.text)));
  const tMarkdown = time(() => markdownAware(files));
  const tParse = time(() => files.forEach((file) => parseChapter(file.path, file.text)));
  totals = { bytes: totals.bytes + bytes, plain: totals.plain + tPlain, engine: totals.engine + tEngine, markdown: totals.markdown + tMarkdown, parse: (totals.parse ?? 0) + tParse };
  rows.push([name, files.length, bytes, tPlain, tEngine, tMarkdown, tParse]);
}
rows.push(['total', rows.reduce((sum, row) => sum + row[1], 0), totals.bytes, totals.plain, totals.engine, totals.markdown, totals.parse]);

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
console.log(`config ${config}; best of ${rounds} rounds; setup: opencc-js Converter ${plainSetup.toFixed(0)} ms, tongwen Converters ${engineSetup.toFixed(0)} ms`);
console.log(['input', 'files', 'MB', 'opencc-js MB/s', 'tongwen text MB/s', 'tongwen markdown MB/s', 'markdown / opencc-js', 'of which parsing (remark) MB/s'].join('\t'));
for (const [name, count, bytes, tPlain, tEngine, tMarkdown, tParse] of rows) {
  console.log([name, count, (bytes / 1e6).toFixed(2), mbps(bytes, tPlain), mbps(bytes, tEngine), mbps(bytes, tMarkdown), `${(tPlain / tMarkdown).toFixed(2)}x`, mbps(bytes, tParse)].join('\t'));
}
