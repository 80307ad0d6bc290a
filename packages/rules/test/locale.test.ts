/**
 * `detectLocale` and `isNotChinese` count characters with loops over the
 * text (no array of matches): the counts of the regular expressions they
 * replaced, on generated texts (Ext-B pairs, lone surrogates, both scripts'
 * marks) and on every corpus chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseChapter, walk, type Chapter } from '@tongwen/book';
import { detectLocale, isNotChinese, type Locale } from '@tongwen/rules';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The reference of `detectLocale`: the regular expressions it used. */
function detectedByPatterns(source: string): Locale | undefined {
  const simplified = source.match(/[这们个来时说为会发过对经还么后从实现问题关于们样将种网络数据开应]/gu)?.length ?? 0;
  const traditional = source.match(/[這們個來時說為爲會發過對經還麼後從實現問題關於樣將種網絡數據開應]/gu)?.length ?? 0;
  if (simplified + traditional < 3) return undefined;
  if (traditional <= simplified * 2) return simplified >= traditional ? 'zh-Hans' : undefined;
  const taiwan = source.match(/[為裡]/gu)?.length ?? 0;
  const standard = source.match(/[爲裏]/gu)?.length ?? 0;
  return taiwan >= standard ? 'zh-TW' : 'zh-Hant';
}

/** The reference of `isNotChinese`: the regular expressions it used, over the same text nodes. */
function foreignByPatterns(chapter: Chapter): boolean {
  let han = 0;
  let latin = 0;
  walk(chapter.tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return false;
    if (node.type !== 'text') return undefined;
    han += node.value.match(/\p{Script=Han}/gu)?.length ?? 0;
    latin += node.value.match(/[A-Za-z]/g)?.length ?? 0;
    return undefined;
  });
  return han * 20 < latin || (han === 0 && latin > 0);
}

const pieces = ['这', '這', '為', '爲', '裡', '裏', '们', '們', '中', '𠮷', '\ud842', '\udfb7', 'a', 'Z', '@', '[', '`x`', ' ', '\n', '。', '😀'];

describe('character counts', () => {
  it('detectLocale gives what the patterns gave (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const source = parts.join('');
        expect(detectLocale({ path: 'a.md', source })).toBe(detectedByPatterns(source));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('isNotChinese gives what the patterns gave (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const chapter = parseChapter('a.md', parts.join(''));
        expect(isNotChinese(chapter)).toBe(foreignByPatterns(chapter));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('counts an Ext-B pair once and ASCII letters only', () => {
    expect(isNotChinese(parseChapter('a.md', '𠮷 abc\n'))).toBe(false);
    expect(isNotChinese(parseChapter('a.md', 'ａｂｃ abc\n'))).toBe(true);
    expect(detectLocale({ path: 'a.md', source: '這們個為' })).toBe('zh-TW');
    expect(detectLocale({ path: 'a.md', source: '這們個爲' })).toBe('zh-Hant');
  });
});

describe.skipIf(!hasShared)(`character counts on every corpus chapter${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('detectLocale and isNotChinese give what the patterns gave', () => {
    let chapters = 0;
    for (const entry of readdirSync(corpusPath(), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.md$/i.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const chapter = parseChapter(path.relative(corpusPath(), file), readFileSync(file, 'utf8'));
      expect(detectLocale(chapter), chapter.path).toBe(detectedByPatterns(chapter.source));
      expect(isNotChinese(chapter), chapter.path).toBe(foreignByPatterns(chapter));
      chapters++;
    }
    expect(chapters).toBeGreaterThan(1000);
  }, 600_000);
});
