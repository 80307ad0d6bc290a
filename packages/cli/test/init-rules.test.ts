import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rules } from '@tongwen/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHelp } from '../src/commands/check.js';
import { version } from '../src/version.js';
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

describe('tongwen init', () => {
  it('pairs the editions a book holds as human mirrors, a partial one marked: check names them on stderr until then, and reports drift after', async () => {
    const root = book({
      'source/zh-cn/a.md': '# 安装\n\n运行：\n\n```sh\nnpm i\n```\n',
      'source/zh-cn/b.md': '# 配置\n\n编辑文件。\n',
      'source/zh-tw/a.md': '# 安裝\n\n執行：\n\n```sh\nnpm ci\n```\n',
      'pages.zh/a.md': '# 甲\n\n简介。\n',
      'pages.zh/b.md': '# 乙\n\n简介。\n',
      'pages.zh/c.md': '# 丙\n\n简介。\n',
      'pages.zh_TW/a.md': '# 甲\n\n簡介。\n',
    });
    const before = await tongwen(['check', '.', '--no-cache', '--format', 'json'], root);
    expect(before.stderr.split('\n').filter((line) => line.includes('edition'))).toEqual([
      'tongwen: `pages.zh_TW` (1 files) looks like an edition of `pages.zh` (3) in ., not checked for drift: `tongwen init` pairs them in `mirrors`',
      'tongwen: `source/zh-tw` (1 files) looks like an edition of `source/zh-cn` (2) in ., not checked for drift: `tongwen init` pairs them in `mirrors`',
    ]);
    expect((JSON.parse(before.stdout) as { findings: unknown[] }).findings).toEqual([]);
    expect(await tongwen(['init'], root)).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'tongwen: pages.zh_TW paired as a human mirror of pages.zh, partial: 1 of 3 files, missing pages not reported',
        'tongwen: source/zh-tw paired as a human mirror of source/zh-cn, partial: 1 of 2 files, missing pages not reported',
        'tongwen: wrote tongwen.config.json',
        '',
      ].join('\n'),
    });
    const config = JSON.parse(readFileSync(path.join(root, 'tongwen.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.locale).toBeUndefined(); // two scripts: each file's own locale
    expect(config.mirrors).toEqual([
      { source: 'pages.zh', mirror: 'pages.zh_TW', kind: 'human', partial: true },
      { source: 'source/zh-cn', mirror: 'source/zh-tw', kind: 'human', partial: true },
    ]);
    const after = await tongwen(['check', '.', '--no-cache', '--format', 'json'], root);
    expect(after.stderr.includes('edition')).toBe(false);
    const findings = (JSON.parse(after.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['source/zh-tw/a.md:5 mirror-code-mismatch']);
  });

  it('writes a starter configuration for the book found here: contents, grammar, locale, slug; names sibling locale folders', async () => {
    const root = book({
      'zh-hant/SUMMARY.md': '# 目錄\n\n* [甲](a.md)\n',
      'zh-hant/a.md': '# 甲\n\n這個軟體裏面的資料與網絡為什麼會這樣說呢。\n\n## 乙 B\n\n見[乙](#乙-b)。\n',
      'zh-hans/SUMMARY.md': '# 目录\n',
    });
    const result = await tongwen(['init'], path.join(root, 'zh-hant'));
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'tongwen: wrote tongwen.config.json\ntongwen: sibling locale folders ../zh-hans look like editions of this book\n' });
    expect(JSON.parse(readFileSync(path.join(root, 'zh-hant/tongwen.config.json'), 'utf8'))).toEqual({
      $schema: `https://unpkg.com/tongwen@${version}/tongwen.config.schema.json`,
      contents: 'SUMMARY.md',
      grammar: 'auto',
      locale: 'zh-Hant',
      slug: 'github',
      preset: 'recommended',
      rules: {},
    });
    expect(await tongwen(['init'], path.join(root, 'zh-hant'))).toEqual({ code: 2, stdout: '', stderr: 'tongwen: tongwen.config.json exists; use --force to overwrite it\n' });
    expect((await tongwen(['check', '.', '--no-cache'], path.join(root, 'zh-hant'))).stderr).toBe('');
  });

  it('finds an mdBook and the slug flavour its anchor links resolve under', async () => {
    const root = book({ 'book.toml': '[book]\n', 'src/SUMMARY.md': '# 目录\n\n[甲](a.md)\n', 'src/a.md': '# A\n\n## A\n\n## A-1\n\n见[第三节](#a-1)。\n' });
    const result = await tongwen(['init', '--print'], root);
    expect(JSON.parse(result.stdout)).toMatchObject({ contents: 'SUMMARY.md', grammar: 'mdbook', slug: 'mdbook', locale: 'zh-Hans' });
  });
});

describe('tongwen rules', () => {
  it('shows the level and fixability of every rule', async () => {
    const { code, stdout } = await tongwen(['rules'], '/');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(rules.length + 1);
    expect(lines[0]).toMatch(/^rule +level {4}fix {2}description$/);
    expect(lines.find((line) => line.startsWith('zh-spacing '))).toMatch(/^zh-spacing +warning {2}fix {2}Chinese and Latin/);
    expect(lines.find((line) => line.startsWith('fence-unclosed '))).toMatch(/^fence-unclosed +error {4}\s{3} {2}\S/);
  });

  it('--json gives each rule meta, options written once in the rule', async () => {
    const { code, stdout } = await tongwen(['rules', '--json'], '/');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { id: string; level: string; fixable: boolean; options: Record<string, unknown>; docs: string }[];
    expect(list.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.meta.id));
    const spacing = list.find((rule) => rule.id === 'zh-spacing')!;
    expect(spacing).toMatchObject({ level: 'warning', fixable: true, docs: 'packages/rules/docs/zh-spacing.md' });
    expect(spacing.options).toEqual(JSON.parse(JSON.stringify(rules.find((rule) => rule.meta.id === 'zh-spacing')!.meta.options)));
  });
});

describe('tongwen help', () => {
  it('`help check` is `check --help`', async () => {
    expect(await tongwen(['help', 'check'], '/')).toEqual({ code: 0, stdout: checkHelp, stderr: '' });
    expect(await tongwen(['help', 'check'], '/')).toEqual(await tongwen(['check', '--help'], '/'));
    expect((await tongwen(['help', 'frobnicate'], '/')).code).toBe(2);
  });
});
