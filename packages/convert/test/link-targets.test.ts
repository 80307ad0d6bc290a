import { describe, expect, test } from 'vitest';
import { linkCandidates, linkedChapter } from '@tongwen/convert';

describe('link targets of a converted book', () => {
  test('a relative link opens its target as the site tools render it', () => {
    expect(linkCandidates({ target: 'docs/x.html' }, 'a.md')).toEqual(['docs/x.html', 'docs/x.md', 'docs/x.mdx']);
  });

  test('a site-absolute link also opens the places the site serves it from (locale segment removed, static folders)', () => {
    expect(linkCandidates({ target: 'zh-cn/x', site: true }, 'api/a.md', { publicDirs: ['source'] })).toEqual([
      'zh-cn/x', 'zh-cn/x.md', 'zh-cn/x.mdx',
      'api/zh-cn/x', 'api/zh-cn/x.md', 'api/zh-cn/x.mdx',
      'api/source/zh-cn/x', 'api/source/zh-cn/x.md', 'api/source/zh-cn/x.mdx',
      'source/zh-cn/x', 'source/zh-cn/x.md', 'source/zh-cn/x.mdx',
      'api/x', 'api/x.md', 'api/x.mdx',
      'api/source/x', 'api/source/x.md', 'api/source/x.mdx',
      'x', 'x.md', 'x.mdx',
      'source/x', 'source/x.md', 'source/x.mdx',
    ]);
  });

  test('the first candidate that is a chapter; without a chapter list, the first `known` one', () => {
    const ref = { target: 'zh-cn/docs/w', site: true };
    expect(linkedChapter(ref, 'api/a.md', { chapters: new Set(['docs/w.md', 'api/a.md']) })).toBe('docs/w.md');
    expect(linkedChapter(ref, 'api/a.md', { chapters: new Set(['api/a.md']) })).toBeUndefined();
    expect(linkedChapter(ref, 'api/a.md', {}, (path) => path === 'docs/w.md')).toBe('docs/w.md');
    expect(linkedChapter({ target: 'zh-cn/docs/w' }, 'api/a.md', { chapters: new Set(['docs/w.md']) })).toBeUndefined();
  });
});
