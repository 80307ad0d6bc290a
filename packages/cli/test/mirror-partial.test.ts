/**
 * A check of some files of a mirrored book (`check FILE`, `--staged`) reads
 * the mirror counterparts of those files (only those) from the same source,
 * so that a change to `zh-hans/x.md` names the sections of `zh-tw/x.md` that
 * now need work, in both layouts: one book holding both folders, and
 * editions that are separate books.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@tongwen/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBook, tongwen } from './helpers.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const human = JSON.stringify({ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' }] });
const source = '# 指南\n\n简介。\n\n## 安装\n\n运行 `npm i`。\n\n## 配置\n\n编辑文件。\n';
const mirror = '# 指南\n\n簡介。\n\n## 安裝\n\n執行 `npm i`。\n\n## 設定\n\n編輯檔案。\n';
const other = '# 附录\n\n另一章。\n';
const hasGit = spawnSync('git', ['--version']).status === 0;
const stale = 'zh-tw/guide.md:9 mirror-stale Unexpected stale section `## 設定`, expected it in step with source section `## 配置` of `zh-hans/guide.md` changed since commit <commit>';

function git(root: string, ...args: string[]): void {
  const result = spawnSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

/** A committed repository with `files`, then the source's last section edited and staged. */
function repository(files: Record<string, string>): string {
  const root = tempBook(files);
  temps.push(root);
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'Two editions');
  writeFileSync(path.join(root, 'zh-hans/guide.md'), source.replace('编辑文件。', '编辑 `tongwen.config.json` 文件。'));
  git(root, 'add', '.');
  return root;
}

/** The `mirror-…` findings of `tongwen check ARGS`, without the cache, or through the cache in `cache`. */
async function mirrorFindings(args: string[], cwd: string, cache?: string): Promise<string[]> {
  const { stdout } = await tongwen(['check', ...args, ...(cache ? ['--cache-location', cache] : ['--no-cache']), '--format', 'json'], cwd);
  const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number; message: string }> };
  return report.findings.filter((finding) => finding.ruleId.startsWith('mirror-')).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message.replace(/\b[0-9a-f]{7,}\b/g, '<commit>')}`);
}

describe.skipIf(!hasGit)('a check of some files of a mirrored book', () => {
  it('one book holding both folders: the source file names the mirror section, with no missing or orphan file', async () => {
    const root = repository({ 'tongwen.config.json': human, 'zh-hans/guide.md': source, 'zh-tw/guide.md': mirror, 'zh-hans/other.md': other, 'zh-tw/other.md': other });
    expect(await mirrorFindings(['zh-hans/guide.md'], root)).toEqual([stale]);
    expect(await mirrorFindings(['zh-tw/guide.md'], root)).toEqual([stale]);
    expect(await mirrorFindings(['zh-hans/other.md'], root)).toEqual([]);
    expect(await mirrorFindings(['--staged'], root)).toEqual([stale]);
  });

  it('editions that are separate books: the staged source reads its counterpart only', async () => {
    const root = repository({
      'tongwen.config.json': human,
      'zh-hans/SUMMARY.md': '* [指南](guide.md)\n* [附录](other.md)\n',
      'zh-hans/guide.md': source,
      'zh-hans/other.md': other,
      'zh-tw/SUMMARY.md': '* [指南](guide.md)\n* [附錄](other.md)\n',
      'zh-tw/guide.md': mirror,
      'zh-tw/other.md': other,
    });
    expect(await mirrorFindings(['--staged'], root)).toEqual([stale]);
    expect(await mirrorFindings(['zh-hans/guide.md'], root)).toEqual([stale]);
    expect(await mirrorFindings(['zh-tw'], root)).toEqual([stale]);
    expect(await mirrorFindings(['zh-hans/other.md'], root)).toEqual([]);
    expect(await mirrorFindings([], root)).toEqual([stale]);
  });

  it('editions that are separate books, through the store: a finding HEAD already had stays old when HEAD is known by its listing', async () => {
    const root = repository({
      'tongwen.config.json': human,
      'zh-hans/SUMMARY.md': '* [指南](guide.md)\n* [附录](other.md)\n',
      'zh-hans/guide.md': source,
      'zh-hans/other.md': other,
      'zh-tw/SUMMARY.md': '* [指南](guide.md)\n',
      'zh-tw/guide.md': mirror,
    });
    const cache = path.join(root, '.cache');
    writeFileSync(path.join(root, '.gitignore'), '.cache/\n');
    const uncached = await mirrorFindings(['--staged'], root);
    expect(uncached).toEqual([stale]);
    // The second run finds HEAD's listing in the store: the edition's old findings must still be HEAD's.
    expect(await mirrorFindings(['--staged'], root, cache)).toEqual(uncached);
    expect(await mirrorFindings(['--staged'], root, cache)).toEqual(uncached);
  });
});

describe('generated mirrors in `check`', () => {
  const generated = JSON.stringify({ mirrors: [{ source: 'zh-hans', mirror: 'zh-hant', kind: 'generated' }, { source: 'zh-hans', mirror: 'zh-tw', kind: 'generated', profile: 'phrases' }] });

  it('content/ passes; a hand edit, a changed source, a missing and an extra file are findings of the whole folder (paths from it) and of one file', async () => {
    const root = tempBook({ 'content/tongwen.config.json': generated });
    temps.push(root);
    cpSync(path.join(repoRoot, 'content'), path.join(root, 'content'), { recursive: true });
    expect(await mirrorFindings(['content'], root)).toEqual([]);
    // A warm store takes the chapters' hashes from itself: the same findings as without it.
    const cache = path.join(root, 'cache');
    expect(await mirrorFindings(['content'], root, cache)).toEqual([]);
    const append = (file: string, line: string): void => writeFileSync(path.join(root, 'content', file), `${readFileSync(path.join(root, 'content', file), 'utf8')}\n${line}\n`);
    append('zh-tw/convert.md', '手動加的一行。');
    append('zh-hans/install/README.md', '新增一行。');
    writeFileSync(path.join(root, 'content/zh-tw/extra.md'), '# 額外\n');
    rmSync(path.join(root, 'content/zh-hant/ci/README.md'));
    expect(await mirrorFindings(['content'], root)).toEqual([
      'zh-hans/ci/README.md:1 mirror-generated-stale Unexpected source file `zh-hans/ci/README.md` without its generated mirror file, expected `zh-hant/ci/README.md` (`tongwen convert`)',
      'zh-hant/install/README.md:1 mirror-generated-stale Unexpected generated mirror file `zh-hant/install/README.md` older than its source `zh-hans/install/README.md`, expected it converted again (`tongwen convert`)',
      'zh-tw/convert.md:1 mirror-generated-stale Unexpected hand edit in generated mirror file `zh-tw/convert.md`, expected the text `tongwen convert` wrote from `zh-hans/convert.md` (edit the source, then convert)',
      'zh-tw/extra.md:1 mirror-generated-stale Unexpected file `zh-tw/extra.md` in a generated mirror without a source, expected `zh-hans/extra.md` or no such file',
      'zh-tw/install/README.md:1 mirror-generated-stale Unexpected generated mirror file `zh-tw/install/README.md` older than its source `zh-hans/install/README.md`, expected it converted again (`tongwen convert`)',
    ]);
    expect(await mirrorFindings(['content'], root, cache)).toEqual(await mirrorFindings(['content'], root));
    expect(await mirrorFindings(['content'], root, cache)).toEqual(await mirrorFindings(['content'], root));
    expect(await mirrorFindings(['content/zh-hans/install/README.md'], root)).toEqual([
      'content/zh-hant/install/README.md:1 mirror-generated-stale Unexpected generated mirror file `zh-hant/install/README.md` older than its source `zh-hans/install/README.md`, expected it converted again (`tongwen convert`)',
      'content/zh-tw/install/README.md:1 mirror-generated-stale Unexpected generated mirror file `zh-tw/install/README.md` older than its source `zh-hans/install/README.md`, expected it converted again (`tongwen convert`)',
    ]);
  });
});
