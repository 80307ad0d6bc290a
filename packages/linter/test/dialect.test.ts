import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, projectDialect, siteSettings, validateConfig } from '@tongwen/linter';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'tongwen-dialect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: string[]): string {
  const dir = path.join(root, name);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

describe('the dialect of a project', () => {
  it('is detected from the files of the book root or the folders above it', () => {
    expect(projectDialect(project('vp', ['.vitepress/config.ts', 'src/index.md']))).toBe('vitepress');
    expect(projectDialect(path.join(project('hugo', ['hugo.toml', 'content/docs/_index.md']), 'content'))).toBe('hugo');
    expect(projectDialect(project('hexo', ['source/_data/sidebar.yml', 'source/zh-cn/index.md']))).toBe('hexo');
    expect(projectDialect(project('gitbook', ['.git/HEAD', 'SUMMARY.md', '_config.yml']))).toBeUndefined();
  });

  it('gives the settings, the configuration first', () => {
    const dir = project('docusaurus', ['docusaurus.config.js', 'docs/intro.md']);
    expect(siteSettings({}, { root: dir })).toEqual({ slug: 'github', dialect: 'docusaurus', publicDirs: ['static'] });
    expect(siteSettings({ dialect: 'vitepress', slug: 'github', publicDir: 'assets', siteBase: '/docs/' }, { root: dir })).toEqual({ slug: 'github', dialect: 'vitepress', publicDirs: ['assets'], siteBase: '/docs/' });
    expect(siteSettings({}, { root: project('plain', ['README.md']) })).toEqual({ slug: 'github' });
  });

  it('validates the configuration keys', () => {
    expect(validateConfig({ dialect: 'hugo', publicDir: ['static'], siteBase: '/zh/', slug: 'hexo' })).toEqual({ dialect: 'hugo', publicDir: ['static'], siteBase: '/zh/', slug: 'hexo' });
    expect(() => validateConfig({ dialect: 'jekyll' })).toThrow(ConfigError);
    expect(() => validateConfig({ siteBase: 'docs' })).toThrow('Invalid configuration: `siteBase` is "docs", expected a path starting with `/`');
    expect(() => validateConfig({ publicDir: 3 })).toThrow('Invalid configuration: `publicDir` is 3, expected a folder or an array of folders');
  });
});

describe('several contents lists', () => {
  it('TOC.md is the contents list when there is no SUMMARY.md, and TOC-*.md beside it publish their files too', async () => {
    const { check } = await import('@tongwen/linter');
    const dir = project('toc', ['README.md']);
    writeFileSync(path.join(dir, 'TOC.md'), '# 目录\n\n- [简介](intro.md)\n');
    writeFileSync(path.join(dir, 'TOC-tools.md'), '# 工具\n\n- [命令](tools/cli.md)\n');
    mkdirSync(path.join(dir, 'tools'), { recursive: true });
    writeFileSync(path.join(dir, 'intro.md'), '# 简介\n\n见[命令](tools/cli.md)。\n');
    writeFileSync(path.join(dir, 'tools/cli.md'), '# 命令\n');
    writeFileSync(path.join(dir, 'orphan.md'), '# 孤儿\n');
    const result = check({ paths: [dir], cwd: dir, cache: false, rules: { 'contents-title-mismatch': 'off' } });
    expect(result.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['orphan.md contents-orphan']);
  });

  it('a configured list of files and globs', () => {
    expect(validateConfig({ contents: ['TOC.md', 'TOC-*.md'] })).toEqual({ contents: ['TOC.md', 'TOC-*.md'] });
    expect(() => validateConfig({ contents: [] })).toThrow('Invalid configuration: `contents` is [], expected a file, or a non-empty array of files and globs');
  });
});
