/**
 * The fast path of the fix verification (`inline-safe.ts`) answers "safe"
 * only where the parse would: exact cases, then every fix every fixable
 * rule proposes on every corpus chapter, each alone and all of a chapter's
 * together, checked against the parse of their region before and after.
 */
import { applyEdits, parseChapter, parseGuarded, type Book, type Chapter, type Edit } from '@tongwen/book';
import { loadBook } from '@tongwen/linter';
import { createRunCache, detectLocale, fixShape, optionDefaults, regionOf, rules, type ChapterRule, type FixChange, type RunCache } from '@tongwen/rules';
import { corpusPath, hasShared } from '@tongwen/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInlineSafe, spannedIn } from '../src/lib/inline-safe.js';

/** The reference: the region of the edits parsed alone before and after them, shapes compared. */
function parsedVerdict(chapter: Chapter, edits: readonly Edit[], allow: readonly FixChange[] = []): boolean {
  const region = regionOf(chapter, edits);
  const before = chapter.source.slice(region.start, region.end);
  const after = applyEdits(before, edits.map((edit) => ({ start: edit.start - region.start, end: edit.end - region.start, text: edit.text })));
  const a = parseGuarded(before);
  const b = parseGuarded(after);
  return !a.refused && !b.refused && fixShape(a.tree, allow) === fixShape(b.tree, allow);
}

/** A chapter and one edit at the first `find`, replacing `length` code units with `text`. */
function at(source: string, find: string, text: string, length = 0): { chapter: Chapter; edits: Edit[] } {
  const start = source.indexOf(find);
  return { chapter: parseChapter('a.md', source), edits: [{ start, end: start + length, text }] };
}

describe('isInlineSafe: exact cases', () => {
  const safe: Array<[string, string, string, string, number?]> = [
    ['a space between Chinese and Latin', '使用docker命令。\n', 'docker', ' '],
    ['a comma made full-width', '中文,后面\n', ',后', '，', 1],
    ['inside emphasis, away from its delimiters', '这是**很重要docker的**内容\n', 'docker', ' '],
    ['after a link', '参见[文档](a.md)中docker的说明\n', 'docker', ' '],
    ['a parenthesis at a line end', '- 接收信号 (如 SIGTERM)\n- 无需\n', ')\n', '）', 1],
    ['half-width parentheses beside spaces', '镜像 (甚至是不同来源的镜像) 包含\n', '(甚', '（', 1],
    ['in a list item and a table cell', '- 列表docker项\n\n| 表头 |\n| --- |\n| 单元docker格 |\n', 'docker项', ' '],
    ['a space removed after inline code', '使用 `docker` 。后面\n', ' 。', '', 1],
    ['a space removed before inline code', '中文。 `docker` 命令\n', ' `', '', 1],
    ['a space inserted before inline code', '使用`docker`命令\n', '`docker`', ' '],
    ['a space inserted after inline code', '使用`docker`命令\n', '命令', ' '],
    ['a parenthesis beside a space, not at a line start', '中文\n镜像 (甚至) 包含\n', ') ', '）', 1],
    ['a parenthesis at a line end, not at a line start', '中文\n镜像 (甚至)\n', ')\n', '）', 1],
  ];
  it.each(safe)('safe: %s', (_name, source, find, text, length) => {
    const { chapter, edits } = at(source, find, text, length);
    expect(isInlineSafe(chapter, edits)).toBe(true);
    expect(parsedVerdict(chapter, edits)).toBe(true);
  });

  const unproved: Array<[string, string, string, string, number?]> = [
    ['beside a delimiter', '这是**重要**,后面\n', ',后', '，', 1],
    ['before an autolink literal', '中文www.example.com\n', 'www', ' '],
    ['a delimiter inserted', '中文docker\n', 'docker', '*'],
    ['at the start of a line', '中文\ndocker\n', 'docker', ' '],
    ['at the end of a line', '中文docker\n后面\n', '\n后', ' '],
    ['inside inline code', '用`中文docker`命令\n', 'docker', ' '],
    ['two spaces meeting', '中文 docker\n', 'docker', ' '],
    ['in a link destination', '见[x](中 文)之后\n', ' 文', '', 1],
    ['before a link closes', '见[中docker文](a.md)\n', 'docker', ' '],
    ['a list marker beside a space', '中文\n1( 项\n', '( ', '.', 1],
    ['a list marker beside a space after a container prefix', '> 中文\n> 2( 项\n', '( ', ')', 1],
    ['a list marker at a line end', '中文\n\n- 1\n', '1\n', ')'],
    ['beside a literal backtick', '中文 ` 。后面\n', ' 。', '', 1],
    ['a space removed between two code spans', '用`a` `b`\n', ' `b', '', 1],
    ['beside inline code holding an autolink literal', '用 `www.a.com` 。\n', ' 。', '', 1],
    ['beside inline code in HTML', '用<span>`a` 。</span>\n', ' 。', '', 1],
    ['in an MDX chapter', '使用docker命令。\n', 'docker', ' '],
  ];
  it.each(unproved)('not proved: %s', (name, source, find, text, length) => {
    const { edits } = at(source, find, text, length);
    const chapter = parseChapter(name === 'in an MDX chapter' ? 'a.mdx' : 'a.md', source);
    expect(isInlineSafe(chapter, edits)).toBe(false);
  });

  it('joining two code spans is what the parse refuses', () => {
    const { chapter, edits } = at('用`a` `b`\n', ' `b', '', 1);
    expect(parsedVerdict(chapter, edits)).toBe(false);
  });

  it('a list marker beside a space is what the parse refuses', () => {
    const { chapter, edits } = at('中文\n1( 项\n', '( ', '.', 1);
    expect(parsedVerdict(chapter, edits)).toBe(false);
  });

  it('two edits with no character between them are not proved', () => {
    const source = '中文docker命令\n';
    const chapter = parseChapter('a.md', source);
    const i = source.indexOf('d');
    expect(isInlineSafe(chapter, [{ start: i, end: i, text: ' ' }, { start: i, end: i + 1, text: 'D' }])).toBe(false);
    expect(isInlineSafe(chapter, [{ start: i, end: i, text: ' ' }, { start: i + 6, end: i + 6, text: ' ' }])).toBe(true);
  });
});

/** The fixes every fixable chapter rule proposes on one chapter, before any verification. */
function proposedFixes(book: Book, chapter: Chapter, cache: RunCache): Array<{ edits: Edit[]; allow: readonly FixChange[] }> {
  const out: Array<{ edits: Edit[]; allow: readonly FixChange[] }> = [];
  const locale = detectLocale(chapter, cache) ?? 'zh-Hans';
  for (const rule of rules) {
    if (rule.meta.scope === 'book' || !rule.meta.fixable) continue;
    const chapterRule = rule as ChapterRule<never>;
    try {
      chapterRule.check({ chapter, book, options: optionDefaults(rule.meta) as never, locale, settings: { slug: 'github', ignore: [] }, cache, report: (report) => report.fix && report.fix.length > 0 && out.push({ edits: report.fix, allow: rule.meta.fixChanges ?? [] }) });
    } catch {
      // A rule that throws proposes nothing here (the engine reports it as `rule-crashed`).
    }
  }
  return out;
}

/** The corpus books with the most typography fixes, and one of each other kind (Hexo, mdBook, VitePress). */
const corpusBooks = ['docker_practice-2026', 'hexo-docs-zh', 'trpl-zh-cn', 'vue-docs-zh-cn'];

describe.skipIf(!hasShared)('isInlineSafe: the parse agrees on every corpus fix it proves', () => {
  it('every corpus book', () => {
    let proved = 0;
    let proposed = 0;
    for (const name of corpusBooks) {
      const book = loadBook({ root: corpusPath(name) } as never);
      const cache = createRunCache();
      for (const chapter of book.chapters.values()) {
        const fixes = proposedFixes(book, chapter, cache);
        proposed += fixes.length;
        for (const { edits, allow } of fixes) {
          if (!isInlineSafe(chapter, edits)) continue;
          proved++;
          expect(parsedVerdict(chapter, edits, allow), `${name}/${chapter.path} ${JSON.stringify(edits)}`).toBe(true);
        }
        const all = fixes.flatMap((fix) => fix.edits);
        if (all.length > 0 && isInlineSafe(chapter, all)) expect(parsedVerdict(chapter, all), `${name}/${chapter.path} together`).toBe(true);
      }
    }
    // Most typography fixes are proved without a parse (the point of the fast path).
    expect(proved).toBeGreaterThan(proposed / 4);
  }, 600_000);
});

/** The reference of `spannedIn`: the word around the range and the text before and after it, scanned for each range. */
function spannedReference(text: string, from: number, to: number): boolean {
  let start = from;
  let end = to;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  if (/@|www\.|https?:\/\/|&/i.test(text.slice(start, end))) return true;
  return /[[\]<]/.test(text.slice(0, from)) && /[\])>]/.test(text.slice(from));
}

describe('spannedIn: one scan of a container gives the answer of scanning it around each edit', () => {
  it('exact cases', () => {
    const spanned = spannedIn('见 [甲](a.md) 与 www.example.com 之间和之后');
    expect([spanned(1, 1), spanned(5, 5), spanned(14, 14), spanned(30, 31), spanned(0, 0)]).toEqual([false, true, true, false, false]);
  });

  it('agrees with the reference on random texts and ranges', () => {
    const text = fc.stringOf(fc.constantFrom('[', ']', '<', '>', ')', '(', '@', '&', 'w', 'W', '.', ':', '/', 'h', 't', 'p', 's', ' ', '\n', '中', 'a'), { maxLength: 40 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (value, x, y) => {
        const from = value.length === 0 ? 0 : x % (value.length + 1);
        const to = from + (value.length - from === 0 ? 0 : y % (value.length - from + 1));
        expect(spannedIn(value)(from, to)).toBe(spannedReference(value, from, to));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
