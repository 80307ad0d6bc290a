#!/usr/bin/env node
// Agreement of machine conversion with human zh-TW editions: plain opencc-js
// vs @tongwen/convert, per profile, on the pairs of ../shared/corpus:
//   hexo-docs-zh  source/zh-cn/**.md  ↔ source/zh-tw/**.md
//   tldr-zh       pages.zh/**.md      ↔ pages.zh_TW/**.md
// Run after `pnpm build`:  node scripts/agreement.mjs [--profiles s2tw,s2twp,s2twt] [--code placeholders] [--diff]
// (`--code` converts Chinese in code as `tongwen convert --code` does, for both engines;
// `--diff` also prints, on stderr, every comparable line where tongwen differs from the
// human edition: file:line, the source (S), opencc-js (O, when it differs), tongwen (T), the human line (H)).
//
// Both converters run through the same Markdown-aware conversion (prose
// only), so only the engine differs. A line is comparable when both
// editions have it at the same place (files with as many lines), it holds
// Chinese, and without Chinese characters and punctuation the two lines are
// the same (same code, links, English). Reported: the share of comparable
// lines the conversion reproduces exactly, and the share of Chinese
// characters it reproduces on the comparable lines that every engine
// converts to the human line's length.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.TONGWEN_SHARED ?? path.resolve(root, '..', 'shared');
const { values } = parseArgs({ options: { profiles: { type: 'string', default: 's2tw,s2twp,s2twt' }, code: { type: 'string', default: 'none' }, diff: { type: 'boolean', default: false } } });
const profiles = values.profiles.split(',');
const convertDist = path.join(root, 'packages/convert/dist/index.js');
if (!existsSync(convertDist)) {
  process.stderr.write('agreement: packages/convert/dist missing: run `pnpm build` first\n');
  process.exit(2);
}
if (!existsSync(path.join(shared, 'corpus'))) {
  process.stderr.write(`agreement: ${shared}/corpus not found (set TONGWEN_SHARED)\n`);
  process.exit(2);
}
const { createConverters, convertMarkdown } = await import(pathToFileURL(convertDist).href);

const pairs = [
  ['hexo zh-tw', 'hexo-docs-zh/source/zh-cn', 'hexo-docs-zh/source/zh-tw'],
  ['tldr zh_TW', 'tldr-zh/pages.zh', 'tldr-zh/pages.zh_TW'],
];

function markdownFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full, base);
    return entry.name.endsWith('.md') ? [path.relative(base, full)] : [];
  });
}

const han = /\p{Script=Han}/u;
const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—·]/gu;
const skeleton = (line) => line.replace(chinese, '').replace(/\s+/g, ' ').trim();

/** Comparable `[source line, human line]` pairs of one corpus pair. */
function comparableLines(sourceDir, humanDir) {
  const lines = [];
  for (const file of markdownFiles(path.join(shared, 'corpus', sourceDir))) {
    const human = path.join(shared, 'corpus', humanDir, file);
    if (!existsSync(human)) continue;
    const source = readFileSync(path.join(shared, 'corpus', sourceDir, file), 'utf8');
    const target = readFileSync(human, 'utf8').split('\n');
    const sourceLines = source.split('\n');
    if (sourceLines.length !== target.length) continue;
    lines.push({ file, source, indexes: sourceLines.flatMap((line, i) => (han.test(line) && han.test(target[i]) && skeleton(line) === skeleton(target[i]) ? [i] : [])), target });
  }
  return lines;
}

const engines = {
  'opencc-js': await createConverters({ segmentation: false }),
  tongwen: await createConverters(),
};

const rows = [];
for (const [name, sourceDir, humanDir] of pairs) {
  const files = comparableLines(sourceDir, humanDir);
  const total = files.reduce((sum, file) => sum + file.indexes.length, 0);
  for (const profile of profiles) {
    // tongwen's own profile s2twt is compared with OpenCC's nearest, s2twp.
    const runs = Object.entries(engines).map(([engine, converters]) => {
      const config = engine === 'opencc-js' && profile === 's2twt' ? 's2twp' : profile;
      const convert = converters.get(config);
      return { label: config === profile ? engine : `${engine} (${config})`, outputs: files.map((file) => convertMarkdown(file.source, { convert, code: values.code }).split('\n')) };
    });
    if (values.diff) printDiff(name, profile, files, runs);
    for (const run of runs) {
      let same = 0;
      let chars = 0;
      let charsSame = 0;
      files.forEach((file, f) => {
        for (const i of file.indexes) {
          const theirs = [...file.target[i]];
          const ours = run.outputs[f][i];
          if (ours === file.target[i]) same++;
          // Characters are compared on the lines every engine keeps at the human line's length.
          if (!runs.every((other) => [...other.outputs[f][i]].length === theirs.length)) continue;
          const a = [...ours];
          for (let k = 0; k < a.length; k++) {
            if (!han.test(theirs[k])) continue;
            chars++;
            if (a[k] === theirs[k]) charsSame++;
          }
        }
      });
      rows.push([name, profile, run.label, total, `${((100 * same) / total).toFixed(1)} %`, `${((100 * charsSame) / chars).toFixed(2)} %`, chars]);
    }
  }
}
/** The comparable lines where tongwen differs from the human edition, on stderr. */
function printDiff(name, profile, files, runs) {
  const [opencc, tongwen] = runs;
  files.forEach((file, f) => {
    for (const i of file.indexes) {
      const ours = tongwen.outputs[f][i];
      if (ours === file.target[i]) continue;
      const theirs = opencc.outputs[f][i];
      const source = file.source.split('\n')[i];
      process.stderr.write(`${name} ${profile} ${file.file}:${i + 1}\n  S ${source}\n${theirs === ours ? '' : `  O ${theirs}\n`}  T ${ours}\n  H ${file.target[i]}\n`);
    }
  });
}

console.log(['pair', 'profile', 'engine', 'comparable lines', 'lines agreeing', 'CJK characters agreeing', 'CJK characters compared'].join('\t'));
for (const row of rows) console.log(row.join('\t'));
