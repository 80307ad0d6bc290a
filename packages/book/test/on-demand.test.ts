import { chapterOnDemand, factsOf, parseChapter } from '@tongwen/book';
import { expect, it } from 'vitest';

const text = '\uFEFF---\ntitle: 标题\n---\n\n# 标题\n\n见[上文](a.md#x)与 <a name="y"></a>。\n\n[引用][r]\n\n[r]: b.md\n';

it('chapterOnDemand: text and line starts at once, the rest parsed on first read, as parseChapter gives them', () => {
  const chapter = chapterOnDemand('a.md', text);
  expect([chapter.path, chapter.bom, chapter.source.startsWith('---'), chapter.lineStarts.slice(0, 3)]).toEqual(['a.md', true, true, [0, 4, 14]]);
  expect(typeof Object.getOwnPropertyDescriptor(chapter, 'tree')?.get).toBe('function');
  const parsed = parseChapter('a.md', text);
  expect(factsOf(chapter)).toEqual(factsOf(parsed));
  expect(chapter.tree).toEqual(parsed.tree);
  expect(chapter.headings.map((heading) => heading.slug)).toEqual(['标题']);
});
