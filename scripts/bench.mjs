#!/usr/bin/env node
// `pnpm bench`: tongwen beside its peers, as whole processes run in alternation,
// several rounds each; prints the median wall time, CPU time and peak memory of
// every run, and the ratio of each of the goals of the performance issue.
//
//   node scripts/bench.mjs [--rounds 5] [--only cold,warm,file,scale,engine,convert] [--json FILE]
//
// The peers are pinned in bench/package.json and installed there on first use
// (outside the workspace install; the native `opencc` binding ships prebuilt
// binaries, else it builds from source with the Node headers in /usr/include/node).
// Needs `pnpm build` and ../shared (or TONGWEN_SHARED). Timing lives here, never in tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.TONGWEN_SHARED ?? path.resolve(root, '..', 'shared');
const benchDir = path.join(root, 'bench');
const peerBin = (name) => path.join(benchDir, 'node_modules', '.bin', name);
const tongwenBin = path.join(root, 'packages/cli/bin/tongwen.js');
const goalNames = ['cold', 'warm', 'file', 'scale', 'engine', 'convert'];

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    only: { type: 'string', default: goalNames.join(',') },
    json: { type: 'string' },
    book: { type: 'string', default: 'docker_practice-2026' },
    'engine-child': { type: 'string' },
  },
});

if (values['engine-child']) {
  await engineChild(values['engine-child']);
  process.exit(0);
}

const rounds = Math.max(1, Number(values.rounds));
const only = new Set(values.only.split(','));
const unknown = [...only].filter((name) => !goalNames.includes(name));
if (unknown.length > 0) fail(`--only: unknown goal ${unknown.join(', ')}; expected some of ${goalNames.join(', ')}`);
if (!existsSync(path.join(root, 'packages/cli/dist/main.js'))) fail('packages/cli/dist missing: run `pnpm build` first');
const book = path.join(shared, 'corpus', values.book);
if (!existsSync(book)) fail(`${book} not found (set TONGWEN_SHARED)`);
if (!existsSync('/usr/bin/time')) fail('GNU time (/usr/bin/time) is needed for peak memory: apt-get install time');
installPeers();

const scratch = mkdtempSync(path.join(tmpdir(), 'tongwen-bench-'));
const results = [];
try {
  if (only.has('cold')) cold();
  if (only.has('warm')) warm();
  if (only.has('file')) oneFile();
  if (only.has('scale')) scale();
  if (only.has('engine')) engine();
  if (only.has('convert')) convert();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
printTable(results);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ rounds, book: values.book, results }, null, 2)}\n`);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function installPeers() {
  if (existsSync(peerBin('markdownlint-cli2')) && existsSync(peerBin('autocorrect'))) return;
  process.stderr.write('bench: installing the peer tools into bench/ (first use)\n');
  // `npm install`, not `npm ci`: autocorrect-node names optional binaries for platforms that were never
  // published at its version, which `npm ci` counts as a lockfile out of sync.
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: benchDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
  });
  if (install.status !== 0) fail('npm install in bench/ failed');
}

/** One whole-process run under GNU time: wall and CPU seconds, peak resident memory in MB. */
function measure(command, args, cwd) {
  const run = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S %M', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = run.stderr.split('\n').find((text) => text.startsWith('@@time '));
  if (!line) throw new Error(`${command} ${args.join(' ')}: no timing (${run.stderr.slice(0, 300)})`);
  const [wall, user, sys, kb] = line.slice(7).split(' ').map(Number);
  return { wall, cpu: user + sys, mb: kb / 1024, status: run.status };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Run each tool once per round, in alternation, and keep the medians. */
function paired(tools) {
  const runs = tools.map(() => []);
  for (let round = 0; round < rounds; round++) {
    tools.forEach((tool, index) => {
      tool.before?.();
      runs[index].push(measure(tool.command, tool.args, tool.cwd));
    });
  }
  return tools.map((tool, index) => ({
    name: tool.name,
    wall: median(runs[index].map((run) => run.wall)),
    cpu: median(runs[index].map((run) => run.cpu)),
    mb: Math.max(...runs[index].map((run) => run.mb)),
    status: runs[index].at(-1).status,
  }));
}

function record(goal, description, target, measured, ratio, pass) {
  results.push({ goal, description, target, measured, ratio, pass });
}

function node(...args) {
  return { command: process.execPath, args };
}

function cold() {
  const [ours, peer] = paired([
    { name: 'tongwen check --no-cache', cwd: book, ...node(tongwenBin, 'check', '.', '--no-cache', '--format', 'json') },
    { name: 'markdownlint-cli2 0.22.1', cwd: book, command: peerBin('markdownlint-cli2'), args: ['**/*.md'] },
  ]);
  const ratio = ours.wall / peer.wall;
  record('cold', `cold check of ${values.book}`, '≤ 0.5× markdownlint-cli2', [ours, peer], ratio, ratio <= 0.5);
}

function warm() {
  const cache = path.join(scratch, 'warm-cache');
  const args = [tongwenBin, 'check', '.', '--format', 'json', '--cache-location', cache];
  measure(process.execPath, args, book);
  const [ours, peer] = paired([
    { name: 'tongwen check (warm cache)', cwd: book, ...node(...args) },
    { name: 'autocorrect 2.14 --lint .', cwd: book, command: peerBin('autocorrect'), args: ['--lint', '.'] },
  ]);
  const ratio = ours.wall / peer.wall;
  record('warm', `warm check of ${values.book}, nothing changed`, '≤ 1.0× autocorrect', [ours, peer], ratio, ratio <= 1);
}

/** Pre-commit: one changed chapter in a git repository, store warm; `--staged` when the CLI has it, else the file. */
function oneFile() {
  const repo = path.join(scratch, 'precommit');
  cpSync(book, repo, { recursive: true });
  const git = (...args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', 'book');
  const chapter = markdownFiles(repo).find((file) => !/summary|readme/i.test(file));
  writeFileSync(path.join(repo, chapter), `${readFileSync(path.join(repo, chapter), 'utf8')}\n新增一段文字。\n`);
  git('add', chapter);
  const help = spawnSync(process.execPath, [tongwenBin, 'check', '--help'], { encoding: 'utf8' }).stdout;
  const staged = help.includes('--staged');
  const cache = path.join(scratch, 'precommit-cache');
  const args = [tongwenBin, 'check', ...(staged ? ['--staged'] : [chapter]), '--format', 'json', '--cache-location', cache];
  measure(process.execPath, [tongwenBin, 'check', '.', '--format', 'json', '--cache-location', cache], repo);
  const [ours, baseline] = paired([
    { name: staged ? 'tongwen check --staged' : 'tongwen check FILE (no --staged yet)', cwd: repo, ...node(...args) },
    { name: 'node -e 0', cwd: repo, ...node('-e', '0') },
  ]);
  const ratio = ours.wall / baseline.wall;
  record('file', 'pre-commit: one changed chapter, warm store', '≤ 3× node -e 0', [ours, baseline], ratio, ratio <= 3);
}

/** A synthetic book of ten copies of the corpus book, one part each, in one contents list. */
function scale() {
  const big = path.join(scratch, 'scale');
  const contents = readFileSync(findContents(book), 'utf8');
  const parts = [];
  for (let copy = 0; copy < 10; copy++) {
    cpSync(book, path.join(big, `part${copy}`), { recursive: true });
    parts.push(`## 第 ${copy + 1} 部分\n\n${rebase(contents, `part${copy}`)}`);
  }
  writeFileSync(path.join(big, 'SUMMARY.md'), `# 目录\n\n${parts.join('\n')}\n`);
  const [one, ten] = paired([
    { name: `tongwen check --no-cache (1×, ${values.book})`, cwd: book, ...node(tongwenBin, 'check', '.', '--no-cache', '--format', 'json') },
    { name: 'tongwen check --no-cache (10×, synthetic)', cwd: big, ...node(tongwenBin, 'check', '.', '--no-cache', '--format', 'json') },
  ]);
  const ratio = ten.wall / one.wall;
  record('scale', `10× ${values.book}: time and peak memory`, '≤ 11× the 1× time, ≤ 400 MB', [one, ten], ratio, ratio <= 11 && ten.mb <= 400);
  largeBook();
}

/**
 * A 12 MB book made of the corpus books (copies of all of them until 12 MB),
 * every chapter in one contents list: its peak memory.
 */
function largeBook() {
  const largeBookMb = 12;
  const big = path.join(scratch, 'large');
  const books = readdirSync(path.join(shared, 'corpus'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const entries = [];
  let bytes = 0;
  for (let copy = 0; bytes < largeBookMb * 1e6; copy++) {
    for (const name of books) {
      const folder = `copy${copy}/${name}`;
      cpSync(path.join(shared, 'corpus', name), path.join(big, folder), { recursive: true });
      const files = markdownFiles(path.join(big, folder)).filter((file) => !/^summary\.md$/i.test(path.basename(file)));
      for (const file of files) bytes += statSync(path.join(big, folder, file)).size;
      entries.push(`## ${folder}\n\n${files.map((file) => `- [${file}](${folder}/${file})`).join('\n')}`);
    }
  }
  writeFileSync(path.join(big, 'SUMMARY.md'), `# 目录\n\n${entries.join('\n\n')}\n`);
  const [large] = paired([{ name: `tongwen check --no-cache (${(bytes / 1e6).toFixed(1)} MB, corpus books)`, cwd: big, ...node(tongwenBin, 'check', '.', '--no-cache', '--format', 'json') }]);
  record('scale', `a ${largeBookMb} MB book: peak memory`, '≤ 400 MB', [large], large.mb / 400, large.mb <= 400);
}

function findContents(dir) {
  const name = readdirSync(dir).find((entry) => /^summary\.md$/i.test(entry));
  if (!name) fail(`${dir} has no SUMMARY.md`);
  return path.join(dir, name);
}

/** Prefix every relative link target of a contents list with a folder. */
function rebase(contents, folder) {
  return contents
    .replace(/^#\s.*$/m, '')
    .replace(/\]\((?!https?:|#|\/)([^)]+)\)/g, (_, target) => `](${folder}/${target})`);
}

function markdownFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full, base);
    return entry.name.endsWith('.md') ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

/** Conversion engines in a child process each (so each pays its own start-up): MB/s and ready time. */
function engine() {
  const text = path.join(scratch, 'engine.txt');
  writeFileSync(text, markdownFiles(book).map((file) => readFileSync(path.join(book, file), 'utf8')).join('\n'));
  for (const config of ['s2t', 's2twp', 't2s']) {
    const rows = ['opencc-js', 'opencc (native)', 'tongwen'].map((engineName) => {
      const samples = [];
      for (let round = 0; round < rounds; round++) {
        const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--engine-child', JSON.stringify({ engineName, config, text })], {
          encoding: 'utf8',
        });
        if (child.status !== 0) return { name: engineName, error: child.stderr.trim().split('\n').at(-1) };
        samples.push(JSON.parse(child.stdout));
      }
      return { name: engineName, mbps: median(samples.map((s) => s.mbps)), readyMs: median(samples.map((s) => s.readyMs)) };
    });
    const [, native, ours] = rows;
    const ratio = ours.mbps && native.mbps ? ours.mbps / native.mbps : NaN;
    record('engine', `conversion engine ${config}`, '≥ 1.0× native OpenCC, ready < 15 ms', rows, ratio, ratio >= 1 && ours.readyMs < 15);
  }
}

async function engineChild(spec) {
  const { engineName, config, text } = JSON.parse(spec);
  const input = readFileSync(text, 'utf8');
  // What `@tongwen/convert/engine` loads (the package's export).
  const convertDir = path.join(root, 'packages/convert');
  const engineEntry = path.join(convertDir, JSON.parse(readFileSync(path.join(convertDir, 'package.json'), 'utf8')).exports['./engine'].default);
  const started = performance.now();
  let convert;
  if (engineName === 'opencc-js') {
    const OpenCC = await import(path.join(benchDir, 'node_modules/opencc-js/dist/esm/full.js'));
    const names = { s2t: ['cn', 't'], s2twp: ['cn', 'twp'], t2s: ['t', 'cn'] }[config];
    convert = OpenCC.Converter({ from: names[0], to: names[1] });
  } else if (engineName === 'opencc (native)') {
    const { createRequire } = await import('node:module');
    const { OpenCC } = createRequire(path.join(benchDir, 'package.json'))('opencc');
    const converter = new OpenCC(`${config}.json`);
    convert = (value) => converter.convertSync(value);
  } else {
    // The engine alone (`@tongwen/convert/engine`): a converter's start-up without the Markdown parser.
    const { createConverters } = await import(engineEntry);
    const converters = await createConverters();
    convert = converters.get(config);
  }
  convert('预热');
  const readyMs = performance.now() - started;
  const begin = performance.now();
  let bytes = 0;
  while (performance.now() - begin < 1500) {
    convert(input);
    bytes += Buffer.byteLength(input);
  }
  process.stdout.write(JSON.stringify({ mbps: bytes / 1e6 / ((performance.now() - begin) / 1000), readyMs }));
}

/** Bulk conversion of the book against parsing it (the floor), whole processes. */
function convert() {
  const out = path.join(scratch, 'convert-out');
  const parseScript = `
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { parseChapter } = await import(${JSON.stringify(path.join(root, 'packages/book/dist/index.js'))});
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.name.startsWith('.') ? [] :
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []);
    for (const file of walk('.')) parseChapter(file, readFileSync(file, 'utf8'));`;
  const [ours, parse] = paired([
    {
      name: `tongwen convert --to zh-TW (${values.book})`,
      cwd: book,
      before: () => rmSync(out, { recursive: true, force: true }),
      ...node(tongwenBin, 'convert', '.', '--to', 'zh-TW', '--out', out),
    },
    { name: 'parse every chapter (remark, one process)', cwd: book, ...node('--input-type=module', '-e', parseScript) },
  ]);
  const ratio = ours.wall / parse.wall;
  const parallelism = ours.cpu / ours.wall;
  record('convert', `bulk conversion of ${values.book} (cpu/wall ${parallelism.toFixed(2)})`, '≤ 1.2× parsing it', [ours, parse], ratio, ratio <= 1.2);
}

function printTable(rows) {
  const lines = [];
  for (const row of rows) {
    lines.push(`${row.pass ? 'PASS' : 'MISS'}  ${row.goal.padEnd(7)} ${row.description} — goal ${row.target}; ratio ${Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : 'n/a'}`);
    for (const tool of row.measured) {
      if (tool.error) lines.push(`        ${tool.name}: failed: ${tool.error}`);
      else if (tool.mbps !== undefined) lines.push(`        ${tool.name.padEnd(44)} ${tool.mbps.toFixed(2).padStart(8)} MB/s  ready ${tool.readyMs.toFixed(1)} ms`);
      else lines.push(`        ${tool.name.padEnd(44)} ${tool.wall.toFixed(2).padStart(6)} s wall  ${tool.cpu.toFixed(2).padStart(6)} s cpu  ${tool.mb.toFixed(0).padStart(5)} MB peak`);
    }
  }
  process.stdout.write(`median of ${rounds} alternated rounds, whole processes (${statSync(book).isDirectory() ? values.book : ''})\n${lines.join('\n')}\n`);
}
