import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import { createConverters, GlossaryError, glossaryPairs, parseGlossary } from '@tongwen/convert';

const json = JSON.stringify({ terms: ['容器', { 'zh-Hans': '镜像', 'zh-TW': '映像', 'zh-Hant': '鏡像' }] });

describe('glossary', () => {
  test('opencc-js custom dictionaries drop segmentation (the problem)', () => {
    const naive = OpenCC.ConverterFactory(OpenCC.Locale.from.cn, OpenCC.Locale.to.twp, [[['镜像', '映像']]]);
    expect(naive('低级别产品')).toBe('低階別產品');
  });

  test('with a glossary active, segmentation stays intact: 低级别产品 → 低級別產品', async () => {
    const converters = await createConverters({ glossary: parseGlossary(json) });
    expect(converters.get('s2twp')('低级别产品')).toBe('低級別產品');
    expect(converters.get('s2tw')('低级别产品')).toBe('低級別產品');
  });

  test('容器 kept, 镜像 → 映像 for zh-TW, 鏡像 for zh-Hant and zh-HK', async () => {
    const converters = await createConverters({ glossary: parseGlossary(json) });
    expect(converters.get('s2tw')('从镜像启动容器')).toBe('從映像啟動容器');
    expect(converters.get('s2twp')('从镜像启动容器')).toBe('從映像啟動容器');
    expect(converters.get('s2t')('从镜像启动容器')).toBe('從鏡像啓動容器');
    expect(converters.get('s2hk')('从镜像启动容器')).toBe('從鏡像啓動容器');
  });

  test('the reverse direction inverts the entries', async () => {
    const converters = await createConverters({ glossary: parseGlossary(json) });
    expect(converters.get('tw2s')('從映像啟動容器')).toBe('从镜像启动容器');
    expect(converters.get('t2s')('從鏡像啓動容器')).toBe('从镜像启动容器');
  });

  test('a term never splits a dictionary phrase that starts before it', async () => {
    // 头发 is a phrase of STPhrases (頭髮); the term 发现 starts inside it.
    const plain = await createConverters({ segmentation: false });
    const converters = await createConverters({ glossary: parseGlossary('发现 發見') });
    const plainGlossary = await createConverters({ glossary: parseGlossary('发现 發見'), segmentation: false });
    expect(plain.get('s2t')('头发现')).toBe('頭髮現');
    expect(plainGlossary.get('s2t')('头发现')).toBe('頭髮現');
    expect(plainGlossary.get('s2tw')('头发现')).toBe('頭髮現');
    // Word-aware, the phrase is a segment where it is a word (头发/现在)…
    expect(converters.get('s2t')('他的头发现在很长')).toBe('他的頭髮現在很長');
    // …and applies where it starts a segment.
    expect(converters.get('s2t')('我发现了')).toBe('我發見了');
    expect(converters.get('s2tw')('我发现了')).toBe('我發見了');
  });

  test('a longer term wins over a dictionary phrase at the same position, a shorter one loses', async () => {
    const longer = await createConverters({ glossary: parseGlossary('头发现象 頭-發現-象') });
    expect(longer.get('s2t')('头发现象')).toBe('頭-發現-象');
    const shorter = await createConverters({ glossary: parseGlossary('头 首') });
    expect(shorter.get('s2t')('头发与头')).toBe('頭髮與首');
  });

  test('converted text: the words the phrase stage wrote win over a term with the same key, so a second conversion changes nothing', async () => {
    // 文档 → 文件 is the Taiwan phrase stage's; the term 文件 → 檔案 is the user's. Converted text cannot say which
    // 文件 came from 文档, so the stage's word is kept: converting the output again gives the output.
    const converters = await createConverters({ glossary: parseGlossary('文件 zh-TW=檔案') });
    const convert = converters.get('s2twp');
    expect(convert('参考文档，打开文件')).toBe('參考文件，開啟檔案');
    expect(convert('參考文件，開啟檔案')).toBe('參考文件，開啟檔案');
    expect(convert.forDocument?.('參考文件，開啟檔案')('參考文件，開啟檔案')).toBe('參考文件，開啟檔案');
  });

  test('text format: keep, one Traditional form, per-locale forms, comments', () => {
    const glossary = parseGlossary('# terms\n容器\n\n镜像 zh-TW=映像 zh-HK=鏡像  # TW differs\r\n内存 記憶體\n');
    expect(glossary.entries).toEqual([
      { 'zh-Hans': '容器', 'zh-Hant': '容器', 'zh-TW': '容器', 'zh-HK': '容器' },
      { 'zh-Hans': '镜像', 'zh-TW': '映像', 'zh-HK': '鏡像' },
      { 'zh-Hans': '内存', 'zh-Hant': '記憶體' },
    ]);
    expect(glossaryPairs(glossary, 'zh-Hans', 'zh-TW')).toEqual([['容器', '容器'], ['镜像', '映像'], ['内存', '記憶體']]);
    expect(glossaryPairs(glossary, 'zh-Hans', 'zh-Hant')).toEqual([['容器', '容器'], ['内存', '記憶體']]);
    expect(glossaryPairs(glossary, 'zh-HK', 'zh-Hans')).toEqual([['容器', '容器'], ['鏡像', '镜像'], ['記憶體', '内存']]);
  });

  test('bad glossaries fail with a message naming the place', () => {
    expect(() => parseGlossary('{"terms": [{"zh-XX": "a"}]}')).toThrow(new GlossaryError('Unexpected key `zh-XX` in glossary item 0, expected one of zh-Hans, zh-Hant, zh-TW, zh-HK'));
    expect(() => parseGlossary('[1]')).toThrow(/glossary item 0/);
    expect(() => parseGlossary('{"terms": 1}')).toThrow(/expected an array of terms/);
    expect(() => parseGlossary('{')).toThrow(/Invalid JSON/);
    expect(() => parseGlossary('a b c')).toThrow(/line 1/);
    expect(() => parseGlossary('a xx=b')).toThrow(/Unexpected locale `xx` on glossary line 1/);
  });
});
