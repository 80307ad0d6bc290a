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
