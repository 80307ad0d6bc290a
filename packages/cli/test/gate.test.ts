import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../src/main.js';
import { tempBook, tongwen } from './helpers.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const book = (files: Record<string, string>) => {
  const root = tempBook(files);
  folders.push(root);
  return root;
};
const summary = '# 书\n\n* [简介](README.md)\n* [安装](install.md)\n';
const json = async (args: string[], cwd: string) => {
  const result = await tongwen([...args, '--format', 'json', '--no-cache'], cwd);
  return { ...result, findings: (JSON.parse(result.stdout || '{"findings":[]}') as { findings: { ruleId: string; line: number; file: string }[] }).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`) };
};

describe('--baseline and --write-baseline', () => {
  it('record every finding as sorted stable JSON and then suppress exactly those, counting repeats', async () => {
    const root = book({ 'SUMMARY.md': summary, 'README.md': '# 简介\n\n见[安装](instal.md)。\n\n使用Docker。\n', 'install.md': '# 安装\n', 'draft.md': '# 草稿\n' });
    const written = await tongwen(['check', '--no-cache', '--write-baseline', 'baseline.json'], root);
    expect(written).toMatchObject({ code: 0, stderr: 'tongwen: wrote 3 findings to the baseline baseline.json\n' });
    const baseline = readFileSync(path.join(root, 'baseline.json'), 'utf8');
    expect(baseline.split('\n').map((line) => line.replace(/"fingerprint":"[\da-f]{16}"/, '"fingerprint":"…"'))).toEqual([
      '{',
      '  "version": 1,',
      '  "findings": [',
      '    {"file":"README.md","ruleId":"link-missing-file","fingerprint":"…","count":1},',
      '    {"file":"README.md","ruleId":"zh-spacing","fingerprint":"…","count":1},',
      '    {"file":"draft.md","ruleId":"contents-orphan","fingerprint":"…","count":1}',
      '  ]',
      '}',
      '',
    ]);
    expect(await json(['check', '--baseline', 'baseline.json'], root)).toMatchObject({ code: 0, findings: [], stderr: 'tongwen: 3 findings in the baseline baseline.json not reported\n' });
    // A line edited far above, a new broken link, and the same old line once more.
    writeFileSync(path.join(root, 'README.md'), '# 简介\n\n前言。\n\n见[安装](instal.md)。\n\n使用Docker。\n\n见[配置](config.md)。\n\n见[安装](instal.md)。\n');
    const after = await json(['check', '--baseline', 'baseline.json'], root);
    expect(after).toMatchObject({ code: 1, findings: ['README.md:9 link-missing-file', 'README.md:11 link-missing-file'] });
    expect(await tongwen(['check', '--baseline', 'missing.json'], root)).toEqual({ code: 2, stdout: '', stderr: 'tongwen: Cannot read baseline `missing.json`: ENOENT\n' });
  });
});

describe('--max-warnings, --quiet and a run that checks no Markdown', () => {
  const files = { 'SUMMARY.md': summary, 'README.md': '# 简介\n\n使用Docker。\n', 'install.md': '# 安装\n\n```sh\nls\n' };

  it('--max-warnings says why the run failed', async () => {
    const root = book({ ...files, 'install.md': '# 安装\n' });
    expect(await tongwen(['check', '--no-cache', '--max-warnings', '0', '--format', 'json'], root)).toMatchObject({ code: 1, stderr: 'tongwen: 1 warning found, more than --max-warnings 0 allows\n' });
    expect((await tongwen(['check', '--no-cache', '--max-warnings', '1'], root)).code).toBe(0);
  });

  it('--quiet reports errors only', async () => {
    const root = book(files);
    expect((await json(['check', '--quiet'], root)).findings).toEqual(['install.md:3 fence-unclosed']);
    expect((await json(['check'], root)).findings).toEqual(['README.md:3 zh-spacing', 'install.md:3 fence-unclosed']);
  });

  it('a file that is not Markdown is not a green run', async () => {
    const root = book({ ...files, 'notes.txt': 'x\n' });
    expect(await tongwen(['check', 'notes.txt', '--no-cache'], root)).toEqual({ code: 2, stdout: '', stderr: 'tongwen: No Markdown files found in notes.txt\n' });
  });
});

describe('--stdin', () => {
  it('checks the text as that file of its book: links resolve against the book, other files are not reported', async () => {
    const root = book({ 'SUMMARY.md': summary, 'README.md': '# 简介\n\n使用Docker。\n', 'install.md': '# 安装\n' });
    let stdout = '';
    let stderr = '';
    const code = await run(['check', '--stdin', '--stdin-filename', 'install.md', '--format', 'json'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: root,
      env: {},
      readStdin: async () => '# 安装\n\n见[简介](README.md#简介)和[缺](missing.md)。\n',
    });
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const report = JSON.parse(stdout) as { summary: unknown; findings: { file: string; line: number; ruleId: string }[] };
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['install.md:3 link-missing-file']);
    expect(readFileSync(path.join(root, 'install.md'), 'utf8')).toBe('# 安装\n');
  });

  it('needs --stdin-filename', async () => {
    expect((await tongwen(['check', '--stdin'], '/')).stderr).toBe('tongwen: --stdin needs --stdin-filename FILE: the file of its book the text is\nRun `tongwen check --help` for usage.\n');
  });
});

describe('--fix', () => {
  it('says how many findings it fixed, in how many files and rounds', async () => {
    const root = book({ 'SUMMARY.md': summary, 'README.md': '# 简介\n\n使用Docker运行,然后。\n', 'install.md': '# 安装\n' });
    const result = await tongwen(['check', '--fix'], root);
    expect(result).toMatchObject({ code: 0, stderr: 'tongwen: fixed 3 findings in 1 file\n' });
  });
});
