import { localeSegment, siteCandidates } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

describe('siteCandidates', () => {
  it('a locale-prefixed link of a Hexo edition: the locale segment removed, each folder above the linking file as the source root, then the static folder', () => {
    expect(siteCandidates('api/injector.md', 'zh-cn/docs/writing', { publicDirs: ['source'] })).toEqual([
      'api/zh-cn/docs/writing',
      'api/source/zh-cn/docs/writing',
      'source/zh-cn/docs/writing',
      'api/docs/writing',
      'api/source/docs/writing',
      'docs/writing',
      'source/docs/writing',
    ]);
  });

  it('the site base before the locale segment; routed folders after the static ones', () => {
    expect(siteCandidates('a.md', 'docs/zh-tw/guide/x', { siteBase: '/docs/', publicDirs: ['public'], routeDirs: ['pages'] })).toEqual([
      'public/docs/zh-tw/guide/x',
      'pages/docs/zh-tw/guide/x',
      'zh-tw/guide/x',
      'public/zh-tw/guide/x',
      'pages/zh-tw/guide/x',
      'guide/x',
      'public/guide/x',
      'pages/guide/x',
    ]);
  });

  it('defaults to `public/` and `static/`; a path without a locale segment keeps it', () => {
    expect(siteCandidates('README.md', 'img/a.png')).toEqual(['public/img/a.png', 'static/img/a.png']);
  });

  it.each([
    ['zh-cn/x', true],
    ['zh_TW/x', true],
    ['zh-Hant/x', true],
    ['en/x', true],
    ['zhong/x', false],
    ['docs/zh-cn/x', false],
  ] as const)('%s starts with a locale segment: %s', (path, expected) => {
    expect(localeSegment.test(path)).toBe(expected);
  });
});
