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
const book = (files: Record<string, string>): string => {
  const root = tempBook(files);
  temps.push(root);
  return root;
};

const human = JSON.stringify({ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' }] });
const source = '# 指南\n\n简介。\n\n## 安装\n\n运行 `npm i`。\n\n## 配置\n\n编辑文件。\n';
const mirror = '# 指南\n\n簡介。\n\n## 安裝\n\n執行 `npm i`。\n\n## 設定\n\n編輯檔案。\n';
const hasGit = spawnSync('git', ['--version']).status === 0;

function git(root: string, ...args: string[]): string {
  const result = spawnSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

async function mirrorFindings(root: string): Promise<string[]> {
  const { stdout } = await tongwen(['check', root, '--no-cache', '--format', 'json'], root);
  const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number; message: string }> };
  return report.findings.filter((finding) => finding.ruleId.startsWith('mirror-')).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message.replace(/\b[0-9a-f]{7,}\b/g, '<commit>')}`);
}

describe.skipIf(!hasGit)('a hand-kept mirror in a git repository', () => {
  it('names the mirror section whose source section changed after the mirror\'s last commit; a stamp brings it in step', async () => {
    const root = book({ 'tongwen.config.json': human, 'zh-hans/guide.md': source, 'zh-tw/guide.md': mirror });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'Guide in two editions');
    expect(await mirrorFindings(root)).toEqual([]);

    writeFileSync(path.join(root, 'zh-hans/guide.md'), source.replace('编辑文件。', '编辑 `tongwen.config.json` 文件。'));
    git(root, 'commit', '-qam', 'Name the configuration file');
    expect(await mirrorFindings(root)).toEqual([
      'zh-tw/guide.md:9 mirror-stale Unexpected stale section `## 設定`, expected it in step with source section `## 配置` of `zh-hans/guide.md` changed since commit <commit>: <commit>',
    ]);
    const status = await tongwen(['mirror', 'status', root], root);
    expect(status).toEqual({ code: 1, stderr: '', stdout: `zh-hans → zh-tw (human)\n   in step  drifted    stale  missing   orphan\n         0        0        1        0        0\n  stale     zh-tw/guide.md (1 finding)\n` });

    const stamped = await tongwen(['mirror', 'stamp', root], root);
    expect(stamped).toEqual({ code: 0, stdout: '', stderr: 'tongwen: stamped zh-tw/.tongwen-mirror.json\n' });
    expect(await mirrorFindings(root)).toEqual([]);
    expect((await tongwen(['mirror', 'status', root], root)).code).toBe(0);
  });
});

describe('mirrors whose editions are separate books', () => {
  it('are compared through the configuration beside them', async () => {
    const root = book({
      'tongwen.config.json': human,
      'zh-hans/SUMMARY.md': '* [指南](guide.md)\n* [附录](extra.md)\n',
      'zh-hans/guide.md': source,
      'zh-hans/extra.md': '# 附录\n',
      'zh-tw/SUMMARY.md': '* [指南](guide.md)\n',
      'zh-tw/guide.md': mirror.replace('\n## 設定\n\n編輯檔案。\n', ''),
    });
    expect(await mirrorFindings(root)).toEqual([
      'zh-hans/extra.md:1 mirror-missing-file Unexpected source file `zh-hans/extra.md` without a mirror, expected `zh-tw/extra.md`',
      'zh-tw/SUMMARY.md:1 mirror-list-items Unexpected 1 items in list 1, expected 2 as in `zh-hans/SUMMARY.md`',
      'zh-tw/guide.md:5 mirror-heading-structure Unexpected no heading as heading 3 of 2, expected `## 配置` as in `zh-hans/guide.md` (3 headings)',
    ]);
  });
});

describe('generated mirrors', () => {
  const generated = JSON.stringify({ mirrors: [{ source: 'zh-hans', mirror: 'zh-hant', kind: 'generated' }, { source: 'zh-hans', mirror: 'zh-tw', kind: 'generated', profile: 'phrases' }] });

  it('pass in content/ (delegated to convert --check); a hand-edited copy shows its drift', async () => {
    const root = book({ 'mirrors.json': generated });
    const config = path.join(root, 'mirrors.json');
    const clean = await tongwen(['mirror', 'status', 'content', '--config', config], repoRoot);
    expect(clean).toEqual({
      code: 0,
      stderr: '',
      stdout: 'zh-hans → zh-hant (generated, in content)\n  in step: `tongwen convert --check` finds nothing to convert\n\nzh-hans → zh-tw (generated, in content)\n  in step: `tongwen convert --check` finds nothing to convert\n',
    });
    cpSync(path.join(repoRoot, 'content'), path.join(root, 'content'), { recursive: true });
    const edited = path.join(root, 'content/zh-tw/convert.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n手動加的一行。\n`);
    const drifted = await tongwen(['mirror', 'status', 'content', '--config', config], root);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('zh-hans → zh-tw (generated, in content)\n  1 drifted (`tongwen convert --check`)\n  drifted   convert.md\n');
  });
});
