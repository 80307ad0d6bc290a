/**
 * One small book per documentation dialect (written here), checked through
 * the whole pipeline (`check`: dialect detection, slug flavour, static
 * folders): the planted defects are found, the valid constructs of each
 * dialect (custom ids, HTML in headings, front-matter titles, shortcodes,
 * alerts, task lists, components, static folders) give nothing.
 */
import { fileURLToPath } from 'node:url';
import { check } from '@tongwen/linter';
import { describe, expect, it } from 'vitest';

const fixtures = fileURLToPath(new URL('../fixtures/dialects/', import.meta.url));

function findings(name: string): string[] {
  const result = check({ paths: [name], cwd: fixtures, cache: false });
  return result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}`);
}

describe('a fixture book per dialect', () => {
  it('vitepress: {#id} anchors, a component in a heading, site-absolute pages and public/ images, alerts, task lists, the comment idiom', () => {
    expect(findings('vitepress')).toEqual([
      'src/guide/intro.md:19:13 error link-missing-anchor', // planted: `#why-not`
      'src/guide/intro.md:21:1 error emphasis-not-rendered', // planted: `**Repository (仓库) **`
      'src/index.md:20:14 info link-missing-file', // planted: `/guide/missing`, a route the site may generate
    ]);
  });

  it('hugo: _index.md and page bundles, TOML front matter, shortcodes, HTML in a heading, static/, page-relative links', () => {
    expect(findings('hugo')).toEqual([
      'content/docs/_index.md:17:1 error fence-unclosed', // planted: ```yaml inside an open block
      'content/docs/guide/second.md:7:28 error link-missing-file', // planted: `../third/` (`../second/` and `../first/` are read from the page's URL, `guide/first/`)
    ]);
  });

  it('hugo multilingual by file name: `x.zh.md` opens its own language first, `/zh/` is a locale segment, `slug:` renames a page', () => {
    expect(findings('hugo-i18n')).toEqual([
      'content/docs/install.zh.md:6:79 error link-missing-file', // planted: `../upgrade/` (`../config/#选项` is `config.zh.md`, not the English `config.md`; `../deploy-guide/` is `deploy.zh.md` by its slug)
    ]);
  });

  it('docusaurus: front-matter titles, <a id>, component ids, static/', () => {
    expect(findings('docusaurus')).toEqual([
      'docs/config.md:9:28 error link-missing-anchor', // planted: `#nothing`
      'docs/intro.md:9:7 info image-missing', // planted: `/img/missing.png`
    ]);
  });

  it('nextjs: MDX pages in app/ and pages/, ESM, JSX attributes and {/* */} comments not prose, component headings, public/', () => {
    expect(findings('nextjs')).toEqual([
      'app/docs/install/page.mdx:17:7 warning zh-punctuation-width', // planted: `,` in prose inside <Steps> (the same in attributes and comments is not prose)
      'app/docs/install/page.mdx:23:11 error link-missing-file', // planted: `./example`
      'app/docs/install/page.mdx:27:7 info image-missing', // planted: `/images/missing.png`, a site path
      'app/docs/legacy/page.mdx:3:1 error chapter-unchecked', // planted: `<br>` that MDX cannot compile: one finding, nothing else from it
      'app/docs/page.mdx:32:29 error link-missing-anchor', // planted: `#old-anchor`
      'app/docs/page.mdx:34:1 warning heading-increment', // planted: `####` under `##` in the outline (the same in <DeepDive> is fine)
    ]);
  });

  it('docusaurus i18n: docs/ and i18n/zh-Hans/…/current/, MDX with HTML comments and {#id}, admonitions, tabs, @site/ paths', () => {
    expect(findings('docusaurus-i18n')).toEqual([
      'i18n/zh-Hans/docusaurus-plugin-content-docs/current/guide/setup.mdx:28:52 error link-missing-anchor', // planted: `#no-such-step`
      'i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md:22:11 error link-missing-file', // planted: `./missing.md`
    ]);
  });

  it('docsify: _sidebar.md as the contents list, page links read from the site root, `?id=` anchors, navigation files listed', () => {
    expect(findings('docsify')).toEqual([
      '_sidebar.md:5:10 error contents-missing-file', // planted: `guide/deploy.md`
      'guide/config.md:5:35 error link-missing-anchor', // planted: `guide/install?id=no-such` (`guide/install.md` in `guide/` is read from the root)
    ]);
  });

  it('docusaurus: front matter `id:` and `slug:` give pages their URLs, `pathname://` is the site\'s own', () => {
    expect(findings('docusaurus-routes')).toEqual([
      'docs/intro.md:8:9 info link-missing-file', // planted: `/docs/setup` (the page with `id: setup` is `/docs/guide/setup`)
    ]);
  });

  it('gitbook: .gitbook.yaml moves the book to `docs/` and its contents list to `toc.md`', () => {
    expect(findings('gitbook-structure')).toEqual([
      'docs/guide/appendix.md:1:1 warning contents-orphan', // planted: a page toc.md does not list
      'docs/guide/install.md:3:15 warning link-to-unlisted', // planted: the link to it
      'docs/toc.md:5:8 error contents-missing-file', // planted: `guide/deploy.md`
    ]);
  });

  it('a contents list with an entry for itself (`* [目录](SUMMARY.md)`): GitBook/HonKit and mdBook build it as an ordinary page, so nothing is reported', () => {
    expect(findings('contents-self/gitbook')).toEqual([]);
    expect(findings('contents-self/mdbook')).toEqual([]);
  });

  it('hexo: case-keeping anchors, locale-prefixed site-absolute links, x.html', () => {
    expect(findings('hexo')).toEqual([
      'source/zh-cn/docs/index.md:9:12 error link-missing-anchor', // planted: `#install-node-js` (Hexo keeps the case)
      'source/zh-cn/docs/setup.md:5:1 error heading-missing-space', // planted: `#Introduction`
    ]);
  });
});
