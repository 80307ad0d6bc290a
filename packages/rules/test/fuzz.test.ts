/**
 * The chapter fuzzer (issue #16): chapters built from a grammar of the
 * constructs the rules read (Chinese prose, emphasis, links with titles,
 * headings without spaces, quotes, lists, code, HTML, URLs, escapes, CRLF,
 * a surrogate pair) and mutations of them. For each: no rule throws; every
 * finding lies inside its file; `--fix` converges and a second fix changes
 * nothing; code, inline code, HTML and the tree's shape (beyond what the
 * rules may change on purpose) survive the fix.
 *
 * Fixed seed and a small count here; `pnpm fuzz` runs many more
 * (`TONGWEN_FUZZ_RUNS`, `TONGWEN_FUZZ_SEED`).
 */
import { lineStartsOf, parseMarkdown } from '@tongwen/book';
import { fixBook, lintBook, type ActiveRule } from '@tongwen/linter';
import { fixShape, optionDefaults, rules, type Settings } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import fc from 'fast-check';
import { expect, it } from 'vitest';

const runs = Number(process.env.TONGWEN_FUZZ_RUNS ?? 8);
const seed = Number(process.env.TONGWEN_FUZZ_SEED ?? 16);

const chapterRules: ActiveRule[] = rules.filter((rule) => rule.meta.scope === 'chapter').map((rule) => ({ rule, severity: rule.meta.severity, options: optionDefaults(rule.meta) }));
const settings: Settings = { slug: 'github', ignore: [] };

const word = fc.constantFrom('中文', '配比', '安装', 'Docker', 'API', '𠮷', 'v1.2', 'x', '说明了', '互不干扰');
const punctuation = fc.constantFrom(',', '，', '.', '。', '(', ')', '（', '）', '“', '”', '"', ':', '：', '...', '——', '!', '！');
const inline = fc.oneof(
  word,
  word,
  punctuation,
  fc.constantFrom(' ', '  ', '**', '*', '_', '~~', '`代码`', '\\*', '&amp;', '<b>', '</b>'),
  fc.constantFrom('[链接](a.md "t")', '![图](a.png "t")', '[文字](a b.md)', 'https://example.com/a', 'www.docker.com', '[引用][d]', '<https://example.com>'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const prefix = fc.constantFrom('', '', '', '#', '##', '## ', '> ', '- ', '1. ', '    ', '  - ', '> > ');
const block = fc.oneof(
  fc.tuple(prefix, line).map(([p, l]) => p + l),
  fc.constant('```sh\necho 中文,中文\n```'),
  fc.constant('---'),
  fc.constant('<div>中文,中文</div>'),
  fc.constant('[d]: https://example.com/d'),
  fc.constant('| 列 | 值 |\n|---|---|\n| 中文,中文 | **粗**（注） |'),
);
const newline = fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n');
const chapter = fc.array(fc.tuple(block, newline), { minLength: 1, maxLength: 10 }).map((blocks) => blocks.map(([b, n]) => b + n).join(''));
/** A mutation: a grammar chapter with a slice deleted or a piece inserted at any place. */
const mutated = fc.tuple(chapter, fc.nat(), fc.nat(), fc.oneof(inline, newline, fc.constant(''))).map(([text, at, length, piece]) => {
  const start = at % (text.length + 1);
  return text.slice(0, start) + piece + text.slice(Math.min(text.length, start + (length % 4)));
});

/** What a fix must keep whatever the rule: code, inline code and HTML values. */
function literals(text: string): string[] {
  const out: string[] = [];
  const shape = fixShape(parseMarkdown(text), ['heading', 'emphasis', 'url', 'link']);
  for (const match of shape.matchAll(/(?:code|inlineCode|html)\("(?:[^"\\]|\\.)*"\)/g)) out.push(match[0]);
  return out;
}

it(`${runs} fuzzed chapters: no crash, positions inside, fixes idempotent and shape-keeping (seed ${seed})`, () => {
  fc.assert(
    fc.property(fc.oneof(chapter, mutated), (source) => {
      const book = memoryBook({ 'a.md': source });
      const findings = lintBook(book, { rules: chapterRules, settings });
      const lines = lineStartsOf(source).length;
      for (const finding of findings) {
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.endLine).toBeLessThanOrEqual(lines);
        if (finding.offset !== undefined) expect(finding.endOffset!).toBeLessThanOrEqual(source.length);
      }
      const first = fixBook(book, { rules: chapterRules, settings });
      const fixed = first.changed.get('a.md') ?? source;
      expect(fixBook(book, { rules: chapterRules, settings }).changed.size).toBe(0);
      expect(literals(fixed)).toEqual(literals(source));
    }),
    { numRuns: runs, seed },
  );
});
