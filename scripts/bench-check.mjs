#!/usr/bin/env node
// Checking speed, side by side with the peer tools, in one process run.
// Run after `pnpm build`:   node scripts/bench-check.mjs [--rounds 3] [--books docker_practice-2018,docker_practice-2026]
// Every tool gets the same Markdown files of the same books (the chapters, read
// from disk once for the tools that take strings; tongwen reads them itself).
// Prints the median time of each tool and its ratio to tongwen's cold run.
// Tools: tongwen check (cold: no cache; warm: content-hash cache), markdownlint
// (default rules), remark-lint (recommended preset + remark-validate-links),
// @lint-md/core (Chinese rules), zhlint (Chinese typography).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.TONGWEN_SHARED ?? path.resolve(root, '..', 'shared');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, books: { type: 'string', default: 'docker_practice-2018,docker_practice-2026' } } });
const rounds = Number(values.rounds);
const linterDist = path.join(root, 'packages/linter/dist/index.js');
if (!existsSync(linterDist)) {
  process.stderr.write('bench-check: packages/linter/dist missing: run `pnpm build` first\n');
  process.exit(2);
}
if (!existsSync(path.join(shared, 'corpus'))) {
  process.stderr.write(`bench-check: ${shared}/corpus not found (set TONGWEN_SHARED)\n`);
  process.exit(2);
}

const { check, listFiles } = await import(pathToFileURL(linterDist).href);
const { lint: markdownlint } = await import('markdownlint/sync');
const { remark } = await import('remark');
const remarkPresetLintRecommended = (await import('remark-preset-lint-recommended')).default;
const remarkValidateLinks = (await import('remark-validate-links')).default;
const { VFile } = await import('vfile');
const { lintMarkdown } = await import('@lint-md/core');
const zhlint = await import('zhlint');

const books = values.books.split(',').map((name) => path.join(shared, 'corpus', name));
const files = books.flatMap((book) => listFiles(book).filter((file) => /\.md$/i.test(file)).map((file) => path.join(book, file)));
const texts = files.map((file) => readFileSync(file, 'utf8'));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const cacheDir = mkdtempSync(path.join(tmpdir(), 'tongwen-bench-'));

const tools = {
  'tongwen check (cold)': () => check({ paths: books, cwd: root, cache: false }).findings.length,
  'tongwen check (cached)': () => check({ paths: books, cwd: root, cache: cacheDir }).findings.length,
  'markdownlint 0.40 (default rules)': () => {
    const strings = Object.fromEntries(files.map((file, i) => [file, texts[i]]));
    return Object.values(markdownlint({ strings })).reduce((sum, list) => sum + list.length, 0);
  },
  'remark-lint (recommended + validate-links)': async () => {
    const processor = remark().use(remarkPresetLintRecommended).use(remarkValidateLinks, { repository: false });
    let count = 0;
    for (let i = 0; i < files.length; i++) count += (await processor.process(new VFile({ path: files[i], value: texts[i], cwd: path.dirname(files[i]) }))).messages.length;
    return count;
  },
  '@lint-md/core 2.4 (Chinese rules)': () => texts.reduce((sum, text) => sum + lintMarkdown(text).lintResult.length, 0),
  'zhlint 0.8 (default preset)': () => texts.reduce((sum, text) => sum + zhlint.run(text, { rules: { preset: 'default' } }).validations.length, 0),
};

// Warm the cache once so that "cached" measures a run with every chapter unchanged.
check({ paths: books, cwd: root, cache: cacheDir });
const results = [];
for (const [name, run] of Object.entries(tools)) {
  const times = [];
  let findings = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    try {
      findings = await run();
    } catch (error) {
      findings = `failed: ${error.message.split('\n')[0]}`;
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  results.push({ name, ms: times[Math.floor(times.length / 2)], findings });
}
rmSync(cacheDir, { recursive: true, force: true });

const base = results[0].ms;
process.stdout.write(`${files.length} Markdown files, ${(bytes / 1e6).toFixed(2)} MB (${values.books}); median of ${rounds} rounds\n\n`);
process.stdout.write(`| tool | median ms | MB/s | × tongwen cold | findings |\n|---|---:|---:|---:|---:|\n`);
for (const { name, ms, findings } of results) {
  process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} | ${(ms / base).toFixed(2)} | ${findings} |\n`);
}
