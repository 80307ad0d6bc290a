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

  it('hugo: _index.md and page bundles, TOML front matter, shortcodes, HTML in a heading, static/', () => {
    expect(findings('hugo')).toEqual([
      'content/docs/_index.md:17:1 error fence-unclosed', // planted: ```yaml inside an open block
    ]);
  });

  it('docusaurus: front-matter titles, <a id>, component ids, static/', () => {
    expect(findings('docusaurus')).toEqual([
      'docs/config.md:9:28 error link-missing-anchor', // planted: `#nothing`
      'docs/intro.md:9:7 info image-missing', // planted: `/img/missing.png`
    ]);
  });

  it('hexo: case-keeping anchors, locale-prefixed site-absolute links, x.html', () => {
    expect(findings('hexo')).toEqual([
      'source/zh-cn/docs/index.md:9:12 error link-missing-anchor', // planted: `#install-node-js` (Hexo keeps the case)
      'source/zh-cn/docs/setup.md:5:1 error heading-missing-space', // planted: `#Introduction`
    ]);
  });
});
