/**
 * Fix verification reads a region's shape before the edits from the
 * chapter's own tree (`chapterBlocks` in `verify.ts`) instead of parsing
 * the region alone: wherever it does, the region parsed alone must give the
 * same tree, positions aside. Exact cases where it must parse, then every
 * top-level block of every corpus chapter, and each chapter's blocks all
 * together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseChapter, parseGuarded, type Chapter } from '@tongwen/book';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { chapterBlocks, type Region } from '../src/lib/verify.js';

/** A tree as JSON without positions. */
function withoutPositions(tree: Nodes): string {
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

/** The region's text parsed alone, as JSON without positions; `undefined` when refused. */
function parsedAlone(chapter: Chapter, region: Region): string | undefined {
  const guarded = parseGuarded(chapter.source.slice(region.start, region.end));
  return guarded.refused ? undefined : withoutPositions(guarded.tree);
}

/** The region of the blocks `first` to `last` of a chapter. */
function blocksRegion(chapter: Chapter, first: number, last = first): Region {
  const blocks = chapter.tree.children;
  return { start: blocks[first]!.position!.start.offset!, end: blocks[last]!.position!.end.offset! };
}

/** The block of a chapter that holds `find`, as a region. */
function blockWith(chapter: Chapter, find: string): Region {
  const offset = chapter.source.indexOf(find);
  const index = chapter.tree.children.findIndex((block) => block.position!.start.offset! <= offset && offset < block.position!.end.offset!);
  return blocksRegion(chapter, index);
}

describe('chapterBlocks: exact cases', () => {
  it('reads whole blocks at a line start from the chapter tree', () => {
    const chapter = parseChapter('a.md', '# 标题\n\n段落 *强调* [链接](/a)\n\n- 列表\n  - 嵌套\n');
    const region = blocksRegion(chapter, 1, 2);
    const tree = chapterBlocks(chapter, region) as Root;
    expect(tree.children.map((block) => block.type)).toEqual(['paragraph', 'list']);
    expect(withoutPositions(tree)).toBe(parsedAlone(chapter, region));
  });

  const parsed: Array<[string, string, string]> = [
    // Alone, `      code` is 4 columns past the item's content: a code block; in the chapter it is text.
    ['a block that does not start its line', '段落\n\n  - a\n\n        code\n', '- a'],
    ['`---` that would open front matter alone', '段落\n\n---\n\n正文\n\n---\n', '---'],
    ['a `[` where a definition is elsewhere', '见 [x] 与 [^1]。\n\n[x]: /a\n\n[^1]: 注\n', '见'],
  ];
  it.each(parsed)('parses: %s', (_name, source, find) => {
    const chapter = parseChapter('a.md', source);
    expect(chapterBlocks(chapter, blockWith(chapter, find))).toBeUndefined();
  });

  it('parses a region that is not whole blocks, or an MDX chapter', () => {
    const chapter = parseChapter('a.md', '段落一\n\n段落二\n');
    const { start, end } = blocksRegion(chapter, 0);
    expect(chapterBlocks(chapter, { start, end: end - 1 })).toBeUndefined();
    expect(chapterBlocks(chapter, { start: start + 1, end })).toBeUndefined();
    const mdx = parseChapter('a.mdx', '段落一\n\n段落二\n');
    expect(chapterBlocks(mdx, blocksRegion(mdx, 0))).toBeUndefined();
  });

  it('reads a `[` from the tree when the only definitions are inside the region', () => {
    const chapter = parseChapter('a.md', '# 标题\n\n> 见 [x]。\n>\n> [x]: /a\n');
    const region = blocksRegion(chapter, 1);
    expect(chapterBlocks(chapter, region)).toBeDefined();
    expect(withoutPositions(chapterBlocks(chapter, region)!)).toBe(parsedAlone(chapter, region));
  });
});

/** Every Markdown chapter of a book folder. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(!hasShared)(`chapterBlocks = the region parsed alone on every corpus chapter${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const books = hasShared ? readdirSync(corpusPath(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  it.each(books)('%s', (book) => {
    const differences: string[] = [];
    let read = 0;
    for (const file of markdownFiles(corpusPath(book))) {
      const chapter = parseChapter(path.relative(corpusPath(book), file), readFileSync(file, 'utf8'));
      const count = chapter.tree.children.length;
      const regions = Array.from({ length: count }, (_, index) => blocksRegion(chapter, index));
      if (count > 1) regions.push(blocksRegion(chapter, 0, count - 1));
      for (const region of regions) {
        const tree = chapterBlocks(chapter, region);
        if (!tree) continue;
        read++;
        if (withoutPositions(tree) !== parsedAlone(chapter, region)) differences.push(`${chapter.path} ${region.start}-${region.end}`);
      }
    }
    expect(differences).toEqual([]);
    expect(read).toBeGreaterThan(0);
  }, 600_000);
});
