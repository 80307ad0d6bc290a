/**
 * The seed: one chapter of a machine-converted zh-TW edition (read as
 * Markdown, locale zh-TW). With the DEFAULT configuration (every rule of
 * the `recommended` preset, default options), every mis-converted
 * character the user named is reported with the right suggestion, and after
 * the fix loop none of them and none of the 41 ASCII punctuation marks next
 * to Chinese is left — and nothing else changed.
 */
import { readFileSync } from 'node:fs';
import { activeRules, fixBook, lintBook } from '@tongwen/linter';
import { createRunCache, type Settings } from '@tongwen/rules';
import { hasShared, memoryBook, seedsPath } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const rules = activeRules({});
const settings: Settings = { slug: 'github', ignore: [] };
/** The marks a naive converter flattened, and what they become. */
const marks: Record<string, string> = { ',': '，', ':': '：', '(': '（', ')': '）' };
/** The characters a naive converter left, and what they become. */
const characters: Record<string, string> = { 系: '係', 于: '於', 里: '裡', 后: '後', 云: '雲', 志: '誌', 制: '製', 復: '複', 周: '週', 么: '麼' };
/** ASCII punctuation next to a Chinese character, outside link syntax (`](`, `)。`). */
const asciiNextToHan = /(?<=\p{Script=Han})[,.:;!?()]|[,.:;!?()](?=\p{Script=Han})/gu;

describe.skipIf(!hasShared)('the seed chapter (zh-TW, default configuration)', () => {
  const source = hasShared ? readFileSync(seedsPath('000_d38a50e54dc71e11.txt'), 'utf8') : '';
  const cache = createRunCache();
  const lint = (text: string) => lintBook(memoryBook({ 'seed.md': text }), { rules, settings, locale: 'zh-TW', cache });

  it('reports every mis-converted character the user named, where it is', () => {
    const findings = lint(source).filter((f) => f.ruleId === 'zh-misconversion');
    for (const [word, at] of [['關系', 1], ['運行于', 2], ['環境里', 2], ['之后', 1], ['云計算', 0], ['日志', 1], ['定制', 1]] as const) {
      const position = source.indexOf(word) + at;
      expect(source.indexOf(word), word).toBeGreaterThanOrEqual(0);
      expect(findings.some((f) => f.offset! <= position && position < f.endOffset! && f.severity === 'error' && f.fix), word).toBe(true);
    }
  });

  it('fixes every mis-converted character and all 41 ASCII marks next to Chinese, and nothing else', () => {
    expect(source.match(asciiNextToHan)?.length).toBe(41);
    const book = memoryBook({ 'seed.md': source });
    fixBook(book, { rules, settings, locale: 'zh-TW', cache });
    const fixed = book.chapters.get('seed.md')!.source;
    expect(fixed.match(asciiNextToHan) ?? []).toEqual([]);
    const left = lint(fixed).filter((f) => f.ruleId.startsWith('zh-'));
    expect(left.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    // 42 marks change: the 41, and the `)` of `[數據卷(Volume)]` that closes one of them.
    // Byte for byte, every other character is unchanged: each difference is a mark or a character of the tables above.
    const a = [...source];
    const b = [...fixed];
    expect(b.length).toBe(a.length);
    const changes = new Map<string, number>();
    a.forEach((char, k) => {
      if (char === b[k]) return;
      const pair = `${char}→${b[k]}`;
      changes.set(pair, (changes.get(pair) ?? 0) + 1);
    });
    expect(Object.fromEntries([...changes].sort())).toEqual({
      '(→（': 4, ')→）': 4, ',→，': 27, ':→：': 7, '么→麼': 2, '于→於': 5, '云→雲': 4, '制→製': 4, '后→後': 2, '周→週': 2, '復→複': 2, '志→誌': 1, '系→係': 1, '里→裡': 1,
    });
    for (const [from, to] of [...changes.keys()].map((pair) => pair.split('→') as [string, string])) expect(marks[from] ?? characters[from]).toBe(to);
    // Idempotent.
    expect(fixBook(book, { rules, settings, locale: 'zh-TW', cache }).changed.size).toBe(0);
  });
});
