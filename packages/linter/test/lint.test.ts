import { parseChapter, type Book } from '@tongwen/book';
import { activeRules, fixBook, lintBook, localeOf, readSuppressions } from '@tongwen/linter';
import { defineChapterRule, presetLocale } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

/** A fixable rule for the engine's tests: `TODO` must be `待办`, one finding per word. */
const todo = defineChapterRule({
  meta: { id: 'contents-orphan', family: 'structure', scope: 'chapter', description: 'test rule', fixable: true, severity: 'warning', presets: [], options: {} },
  check({ chapter, report }) {
    for (const match of chapter.source.matchAll(/TODO/g)) {
      report({ start: match.index, end: match.index + 4, message: 'Unexpected `TODO`, expected `待办`', fix: [{ start: match.index, end: match.index + 4, text: '待办' }] });
    }
  },
});
const rules = [{ rule: todo, severity: 'warning' as const, options: {} }];
const settings = { slug: 'github' as const, ignore: [] };

describe('lintBook', () => {
  it('reports with 1-based positions, offsets and fingerprints that survive edits above', () => {
    const book = memoryBook({ 'a.md': '# 标题\n\n𠮷TODO\n' });
    const [finding] = lintBook(book, { rules, settings });
    expect(finding).toEqual({
      ruleId: 'contents-orphan', severity: 'warning', file: 'a.md', line: 3, column: 3, endLine: 3, endColumn: 7, offset: 8, endOffset: 12,
      message: 'Unexpected `TODO`, expected `待办`', fix: [{ start: 8, end: 12, text: '待办' }], fingerprint: expect.stringMatching(/^[\da-f]{16}$/),
    });
    const moved = lintBook(memoryBook({ 'a.md': '# 标题\n\n新段落。\n\n𠮷TODO\n' }), { rules, settings });
    expect(moved[0]!.line).toBe(5);
    expect(moved[0]!.fingerprint).toBe(finding!.fingerprint);
  });

  it('honours tongwen-disable, -enable and -disable-next-line comments', () => {
    const source = [
      'TODO', '',
      '<!-- tongwen-disable-next-line contents-orphan -->', 'TODO', '',
      '<!-- tongwen-disable -->', '', 'TODO', '', '<!-- tongwen-enable -->', '',
      'TODO', '',
      '<!-- tongwen-disable fence-unclosed -->', 'TODO', '',
    ].join('\n');
    const lines = lintBook(memoryBook({ 'a.md': source }), { rules, settings }).map((finding) => finding.line);
    expect(lines).toEqual([1, 12, 15]);
  });

  it('reads suppressions from HTML comments only, not from code', () => {
    const chapter = parseChapter('a.md', '```md\n<!-- tongwen-disable -->\n```\n\nTODO\n');
    expect(readSuppressions(chapter).isDisabled('contents-orphan', 5)).toBe(false);
  });
});

describe('fixBook', () => {
  it('applies fixes to a fixed point, keeps a BOM and CRLF, and counts them per rule', () => {
    const book: Book = memoryBook({ 'a.md': '\uFEFFTODO TODO\r\nTODO\r\n' });
    const result = fixBook(book, { rules, settings });
    expect(result.changed.get('a.md')).toBe('\uFEFF待办 待办\r\n待办\r\n');
    expect(result.fixed).toEqual({ 'contents-orphan': 3 });
    expect(result.rounds).toBe(2);
    expect(fixBook(book, { rules, settings }).changed.size).toBe(0);
  });

  it('only runs fixable rules of the preset while fixing', () => {
    const book = memoryBook({ 'SUMMARY.md': '* [甲](a.md)\n', 'a.md': '# 甲\n', 'b.md': '# 乙\n' });
    expect(fixBook(book, { rules: activeRules({}), settings }).changed.size).toBe(0);
  });
});

describe('localeOf', () => {
  const chapter = (source: string) => memoryBook({ 'a.md': source }).chapters.get('a.md')!;
  const settings = { slug: 'github' as const, ignore: [] };

  it('takes the command line, the configuration, front matter, the path, the preset, then the text', () => {
    const plain = chapter('# 标题\n');
    expect(localeOf(plain, 'a.md', { locale: 'zh-HK', settings: { ...settings, locale: 'zh-TW' } })).toBe('zh-HK');
    expect(localeOf(plain, 'a.md', { settings: { ...settings, locale: 'zh-TW', presetLocale: 'zh-HK' } })).toBe('zh-TW');
    expect(localeOf(chapter('---\nlang: zh-TW\n---\n\n# 標題\n'), 'a.md', { settings: { ...settings, presetLocale: 'zh-HK' } })).toBe('zh-TW');
    expect(localeOf(plain, 'a.md', { settings: { ...settings, presetLocale: 'zh-HK' } }, '/books/zh-tw')).toBe('zh-TW');
    expect(localeOf(plain, 'a.md', { settings: { ...settings, presetLocale: 'zh-HK' } })).toBe('zh-HK');
    expect(localeOf(plain, 'a.md', { settings })).toBe('zh-Hans');
  });

  it('follows the preset of the configuration in a run', () => {
    const findings = (preset: string) =>
      lintBook(memoryBook({ 'a.md': '他說“這是映像”。\n' }), {
        rules: activeRules({ rules: {} }).filter((active) => active.rule.meta.id === 'zh-quotes'),
        settings: { ...settings, ...(presetLocale(preset as never) ? { presetLocale: presetLocale(preset as never)! } : {}) },
      }).map((finding) => finding.message);
    expect(findings('zh-tw')).toEqual(['Unexpected `“…”` in zh-TW text, expected `「…」`']);
  });
});
