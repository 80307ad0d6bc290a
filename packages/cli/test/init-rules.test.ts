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
