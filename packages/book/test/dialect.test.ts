import { detectDialect, dialectDefaults, localeEditions } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

describe('detectDialect', () => {
  it.each([
    [['book.toml', 'src/SUMMARY.md'], 'mdbook'],
    [['docusaurus.config.ts', 'docs/intro.md', 'static/img/a.png'], 'docusaurus'],
    [['.vitepress/config.ts', 'src/index.md'], 'vitepress'],
    [['next.config.mjs', 'pages/index.mdx', 'public/a.svg'], 'nextjs'],
    [['hugo.toml', 'content/_index.md'], 'hugo'],
    [['config.toml', 'content/docs/_index.md'], 'hugo'],
    [['_config.yml', 'source/zh-cn/docs/index.md'], 'hexo'],
    [['source/_data/sidebar.yml', 'source/zh-cn/docs/index.md'], 'hexo'],
    [['index.html', '_sidebar.md', 'README.md', 'guide/install.md'], 'docsify'],
    [['_coverpage.md', 'README.md'], 'docsify'],
  ] as const)('%j is %s', (files, dialect) => {
    expect(detectDialect(files)).toBe(dialect);
  });

  it('a GitBook book with a Jekyll `_config.yml` and no `source/` is none of them', () => {
    expect(detectDialect(['_config.yml', 'SUMMARY.md', 'README.md', 'image/README.md'])).toBeUndefined();
  });

  it('gives each dialect its slug flavour and static folders', () => {
    expect(dialectDefaults('vitepress')).toEqual({ slug: 'vitepress', publicDirs: ['public'], routeDirs: [], routes: true, linksFromRoot: false });
    expect(dialectDefaults('docsify').linksFromRoot).toBe(true);
    expect(dialectDefaults('hexo').slug).toBe('hexo');
    expect(dialectDefaults('hugo').publicDirs).toEqual(['static', 'assets']);
  });
});

describe('localeEditions', () => {
  it('pairs the Simplified folder with each Traditional one beside it, by the locale tag that ends their names', () => {
    const folders = ['source', 'source/_data', 'source/zh-cn', 'source/zh-cn/docs', 'source/zh-tw', 'source/zh-tw/docs', 'pages.zh', 'pages.zh_TW', 'pages.en', 'i18n/zh-Hans', 'i18n/zh-Hant', 'i18n/ja', 'content/zh', 'content/zh-tw', 'content/zh-hk'];
    expect(localeEditions(folders)).toEqual([
      { source: 'source/zh-cn', mirror: 'source/zh-tw' },
      { source: 'pages.zh', mirror: 'pages.zh_TW' },
      { source: 'i18n/zh-Hans', mirror: 'i18n/zh-Hant' },
      { source: 'content/zh', mirror: 'content/zh-tw' },
      { source: 'content/zh', mirror: 'content/zh-hk' },
    ]);
  });

  it('pairs nothing across parents or name stems, nor where two folders are Simplified or none is', () => {
    expect(localeEditions(['a/zh-cn', 'b/zh-tw', 'pages.zh', 'docs.zh_TW', 'x/zh', 'x/zh-cn', 'x/zh-tw', 'y/zh-tw', 'y/zh-hk', 'y/hant', 'zh-cnx', 'zh-twx'])).toEqual([]);
  });
});
