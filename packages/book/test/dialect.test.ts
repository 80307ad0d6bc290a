import { detectDialect, dialectDefaults } from '@tongwen/book';
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
