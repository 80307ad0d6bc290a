#!/usr/bin/env node
/**
 * Recall benchmark: copies a corpus book into a temporary folder, injects ONE
 * realistic defect of a class at a seeded place (`scripts/recall-inject.mjs`),
 * runs the built CLI (`tongwen check <dir> --format json`) and compares its
 * findings with those of the unmodified copy: a hit is a new finding of an
 * expected rule at the injected place; any other new finding that the defect
 * does not rightly cause is a false alarm. Prints recall per class and
 * overall and the misses (stdout; `--json FILE` writes them as JSON too).
 *
 *   node scripts/recall.mjs [--books a,b] [--classes x,y] [--seeds N] [--first S] [--json FILE] [--no-cache] [--cli DIR]
 *
 * Needs `pnpm build` and ../shared/corpus (or TONGWEN_SHARED). One copy per
 * book: each injection is undone before the next, so the check cache keeps
 * every untouched chapter warm.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { injectors, random, seedOf } from './recall-inject.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI checked: this repository's build, or another clone's (`--cli DIR`, e.g. the main branch, for a before/after). */
let bin = path.join(repo, 'packages/cli/bin/tongwen.js');
const { parseChapter } = await import(pathToFileURL(path.join(repo, 'packages/book/dist/index.js')).href);

/** The corpus books, with the mirror pairs their users would configure. */
export const books = {
  'docker_practice-2018': {},
  'docker_practice-2026': {},
  'trpl-zh-cn': {},
  'hexo-docs-zh': { mirrors: [{ source: 'source/zh-cn', mirror: 'source/zh-tw', kind: 'human' }] },
  'tldr-zh': { mirrors: [{ source: 'pages.zh', mirror: 'pages.zh_TW', kind: 'human' }] },
  'vue-docs-zh-cn': {},
};

export function corpusDir() {
  return path.resolve(process.env.TONGWEN_SHARED ?? path.join(repo, '../shared'), 'corpus');
}

const markdown = /\.(md|mdx|markdown)$/i;

function listFiles(root, folder = '') {
  const files = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, rel));
    else files.push(rel);
  }
  return files;
}

const safeDecode = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The book model the injectors read: chapters parsed once, contents lists, resolution, the baseline. */
function bookModel(root, config, baseline) {
  const files = listFiles(root);
  const fileSet = new Set(files);
  const bookRoot = existsSync(path.join(root, 'book.toml')) ? 'src' : '';
  const contentsNames = new Set([path.posix.join(bookRoot, 'SUMMARY.md'), path.posix.join(bookRoot, 'summary.md')]);
  const parse = (file) => parseChapter(file, readFileSync(path.join(root, file), 'utf8'));
  const contents = files.filter((file) => contentsNames.has(file)).map(parse);
  const chapters = files.filter((file) => markdown.test(file) && !contentsNames.has(file)).map(parse);
  const byPath = new Map(chapters.map((chapter) => [chapter.path, chapter]));
  const resolvePath = (from, url) => {
    const target = safeDecode(url.split(/[?#]/)[0]);
    if (!target || target.startsWith('/')) return undefined;
    return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  };
  const at = new Set(baseline.findings.map((f) => `${f.ruleId}|${f.file}|${f.line}`));
  return {
    chapters,
    contents,
    rootOf: (file) => (bookRoot && file.startsWith(`${bookRoot}/`) ? bookRoot : ''),
    resolves: (from, url) => {
      const to = resolvePath(from, url);
      return to !== undefined && !to.startsWith('..') && (fileSet.has(to) || fileSet.has(`${to}/README.md`));
    },
    chapterAt: (from, url) => {
      const to = resolvePath(from, url);
      return to === undefined ? undefined : byPath.get(to);
    },
    baselineAt: (rule, file, line) => at.has(`${rule}|${file}|${line}`),
    baselineHas: (rule, file) => baseline.findings.some((f) => rule.test(f.ruleId) && f.file === file),
    mirrorPairs: () =>
      (config.mirrors ?? []).flatMap(({ source, mirror }) =>
        chapters.filter((c) => c.path.startsWith(`${source}/`)).flatMap((c) => {
          const twin = byPath.get(`${mirror}/${c.path.slice(source.length + 1)}`);
          return twin ? [[c, twin]] : [];
        }),
      ),
  };
}

function check(root, noCache) {
  const args = [bin, 'check', root, '--format', 'json', ...(noCache ? ['--no-cache'] : [])];
  const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`tongwen check ${root} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Apply an injection to the copy; returns the function that undoes it. */
function apply(root, injection) {
  const saved = [];
  const created = injection.creates ?? [];
  for (const [file, text] of Object.entries(injection.writes)) {
    if (!created.includes(file)) saved.push([file, readFileSync(path.join(root, file), 'utf8')]);
    writeFileSync(path.join(root, file), text);
  }
  for (const [from, to] of injection.moves) {
    mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
    renameSync(path.join(root, from), path.join(root, to));
  }
  return () => {
    for (const [from, to] of injection.moves) renameSync(path.join(root, to), path.join(root, from));
    for (const [file, text] of saved) writeFileSync(path.join(root, file), text);
    for (const file of created) rmSync(path.join(root, file));
  };
}

const keyOf = (f) => `${f.ruleId}|${f.file}|${f.fingerprint}`;
const looseKey = (f) => `${f.ruleId}|${f.file}|${f.message}`;

/** Findings of `after` not in `before` (a finding whose fingerprint moved but whose rule, file and message stayed is not new). */
export function newFindings(before, after, moves = []) {
  const renamed = (file) => moves.find(([from]) => from === file)?.[1] ?? file;
  const count = (list, key) => list.reduce((map, f) => map.set(key(f), (map.get(key(f)) ?? 0) + 1), new Map());
  const old = before.map((f) => ({ ...f, file: renamed(f.file) }));
  const exact = count(old, keyOf);
  const fresh = after.filter((f) => {
    const n = exact.get(keyOf(f)) ?? 0;
    if (n > 0) exact.set(keyOf(f), n - 1);
    return n === 0;
  });
  const gone = old.filter((f) => {
    const k = keyOf(f);
    const n = count(after, keyOf).get(k) ?? 0;
    return n === 0;
  });
  const loose = count(gone, looseKey);
  return fresh.filter((f) => {
    const n = loose.get(looseKey(f)) ?? 0;
    if (n > 0) loose.set(looseKey(f), n - 1);
    return n === 0;
  });
}

/** Judge one injection's new findings. */
export function judge(injection, fresh) {
  const { file, line, rules } = injection.expect;
  const atPlace = (f) => rules.includes(f.ruleId) && f.file === file && (line === 0 || (f.line <= line && line <= (f.endLine ?? f.line)));
  const hit = fresh.some(atPlace);
  const copied = (f) => injection.copied && f.file === injection.copied.file && f.line >= injection.copied.from && f.line <= injection.copied.to;
  const falseAlarms = fresh.filter((f) => !atPlace(f) && !injection.allowed.includes(f.ruleId) && !rules.includes(f.ruleId) && !copied(f));
  return { hit, falseAlarms };
}

/** Run `seeds` injections of each class on one book; returns one result per injection made. */
export function recallBook(name, { classes = Object.keys(injectors), seeds = 5, first = 0, noCache = false, log = () => {} } = {}) {
  const config = books[name] ?? {};
  const temp = mkdtempSync(path.join(tmpdir(), 'tongwen-recall-'));
  const root = path.join(temp, name);
  try {
    cpSync(path.join(corpusDir(), name), root, { recursive: true });
    if (config.mirrors) writeFileSync(path.join(root, 'tongwen.config.json'), `${JSON.stringify({ mirrors: config.mirrors })}\n`);
    const baseline = check(root, noCache);
    const model = bookModel(root, config, baseline);
    const results = [];
    for (const cls of classes) {
      const seen = new Set();
      for (let seed = first; seed < first + seeds; seed++) {
        const injection = injectors[cls](model, random(seedOf(`${name}|${cls}|${seed}`)));
        if (!injection) break;
        const id = JSON.stringify([injection.writes, injection.moves]);
        if (seen.has(id)) continue;
        seen.add(id);
        const undo = apply(root, injection);
        let report;
        try {
          report = check(root, noCache);
        } finally {
          undo();
        }
        const fresh = newFindings(baseline.findings, report.findings, injection.moves);
        const { hit, falseAlarms } = judge(injection, fresh);
        const result = { book: name, cls, seed, detail: injection.detail, expect: injection.expect, hit, falseAlarms: falseAlarms.map(brief), found: fresh.map(brief) };
        log(result);
        results.push(result);
      }
    }
    return results;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const brief = (f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;

/** Recall per class and overall, and the false alarms. */
export function summarise(results) {
  const per = {};
  for (const r of results) {
    const s = (per[r.cls] ??= { injected: 0, hits: 0, falseAlarms: 0 });
    s.injected++;
    if (r.hit) s.hits++;
    if (r.falseAlarms.length > 0) s.falseAlarms++;
  }
  const total = results.length;
  const hits = results.filter((r) => r.hit).length;
  return { perClass: per, overall: { injected: total, hits, recall: total ? hits / total : 0, withFalseAlarms: results.filter((r) => r.falseAlarms.length > 0).length } };
}

function parseArgs(argv) {
  const options = { books: Object.keys(books), classes: Object.keys(injectors), seeds: 5, first: 0, json: undefined, noCache: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--books') options.books = argv[++i].split(',');
    else if (arg === '--classes') options.classes = argv[++i].split(',');
    else if (arg === '--seeds') options.seeds = Number(argv[++i]);
    else if (arg === '--first') options.first = Number(argv[++i]);
    else if (arg === '--json') options.json = argv[++i];
    else if (arg === '--no-cache') options.noCache = true;
    else if (arg === '--cli') bin = path.resolve(argv[++i], 'packages/cli/bin/tongwen.js');
    else throw new Error(`Unexpected argument \`${arg}\`, expected --books, --classes, --seeds, --first, --json, --no-cache or --cli`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(corpusDir())) {
    process.stderr.write(`recall: no corpus at ${corpusDir()}\n`);
    return 2;
  }
  const results = [];
  for (const name of options.books) {
    process.stderr.write(`recall: ${name}\n`);
    results.push(...recallBook(name, { ...options, log: (r) => process.stderr.write(`  ${r.hit ? 'hit ' : 'MISS'} ${r.cls} ${r.detail}${r.falseAlarms.length ? ` (+${r.falseAlarms.length} false)` : ''}\n`) }));
  }
  const summary = summarise(results);
  const lines = ['class                injected  hits  recall  with false alarms'];
  for (const [cls, s] of Object.entries(summary.perClass)) lines.push(`${cls.padEnd(20)} ${String(s.injected).padStart(8)} ${String(s.hits).padStart(5)} ${(s.hits / s.injected).toFixed(2).padStart(7)} ${String(s.falseAlarms).padStart(18)}`);
  const o = summary.overall;
  lines.push(`${'overall'.padEnd(20)} ${String(o.injected).padStart(8)} ${String(o.hits).padStart(5)} ${o.recall.toFixed(2).padStart(7)} ${String(o.withFalseAlarms).padStart(18)}`);
  lines.push('', 'misses:');
  for (const r of results.filter((x) => !x.hit)) lines.push(`  ${r.book} ${r.cls} #${r.seed} ${r.detail} @ ${r.expect.file}:${r.expect.line} — found: ${r.found.join(' | ') || 'nothing'}`);
  lines.push('', 'false alarms:');
  for (const r of results.filter((x) => x.falseAlarms.length > 0)) lines.push(`  ${r.book} ${r.cls} #${r.seed} ${r.detail}: ${r.falseAlarms.join(' | ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ summary, results }, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
