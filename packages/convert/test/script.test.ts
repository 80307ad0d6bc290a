import { beforeAll, describe, expect, test } from 'vitest';
import { convertMarkdown, createConverters, hasDocumentMode, openccConfigs, thenConvert, type Converters, type OpenccConfig } from '@tongwen/convert';

/**
 * `[config, input, once, in a converted document]`: the phrase stage's
 * targets that are its own keys (文档 → 文件 → 檔案, 进程 → 程序 → 程式), its
 * sense cues (Simplified words) and the character stage under the tech
 * profile's 平台. Converted once, then again: nothing changes.
 */
const cases: Array<[OpenccConfig, string, string, string]> = [
  ['s2twp', '参考文档', '參考文件', '參考文件'],
  ['s2twp', '这个进程退出', '這個程序退出', '這個程序退出'],
  ['s2twp', '诉讼程序', '訴訟程序', '訴訟程序'],
  ['s2twp', '打开文件', '開啟檔案', '開啟檔案'],
  ['s2twt', '参考文档', '參考文件', '參考文件'],
  ['s2twt', '跨平台运行', '跨平台執行', '跨平台執行'],
  ['s2twt', '诉讼程序', '訴訟程序', '訴訟程序'],
  ['s2twt', '配置文件', '設定檔', '設定檔'],
  // Keys the first pass left as they are because of the Simplified text's word boundaries (网络/命名/空间信息,
  // 在/分/区内, 全角字/符): converted text is cut on its Simplified form as the phrase stage read it (网络, 信息, 创建).
  ['s2twp', '容器的网络命名空间信息', '容器的網路命名空間資訊', '容器的網路命名空間資訊'],
  ['s2twp', '在分区内创建一个', '在分區內建立一個', '在分區內建立一個'],
  ['s2twp', '统一使用全角字符', '統一使用全形字符', '統一使用全形字符'],
  ['s2twt', '容器的网络命名空间信息', '容器的網路命名空間資訊', '容器的網路命名空間資訊'],
];

describe('converting converted text changes nothing (phrase and tech profiles)', () => {
  let converters: Converters;
  beforeAll(async () => {
    converters = await createConverters();
  });

  test.each(cases)('%s %s', (config, input, once, converted) => {
    const convert = converters.get(config);
    expect(convert(input)).toBe(once);
    // Its own Traditional characters say the piece is converted.
    expect(convert(once)).toBe(once);
    // In a document already in the target script, a piece of either script.
    expect(convert.forDocument?.('這個檔案已經轉換。')(once)).toBe(converted);
  });

  test('mainland words of a Traditional text are localised (only the phrase stage\'s values are kept)', () => {
    const convert = converters.get('s2twp');
    expect(convert('我們的數據庫很大')).toBe('我們的資料庫很大');
    expect(convert('這個軟件的內存')).toBe('這個軟體的記憶體');
    expect(convert('請開啟伺服器的連接埠')).toBe('請開啟伺服器的連線埠');
    expect(convert.forDocument?.('這個檔案已經轉換，数据在這裡。')('數據庫')).toBe('資料庫');
    expect(converters.get('s2twt')('我們的數據庫很大')).toBe('我們的資料庫很大');
  });

  test('a document wholly in Traditional script (no Simplified-only character in its prose) keeps its words', () => {
    const prose = '請開啟伺服器的連接埠。我們的數據庫很大。';
    for (const config of ['s2twp', 's2twt'] as const) {
      const inDocument = converters.get(config).forDocument!(prose);
      expect(inDocument('請開啟伺服器的連接埠')).toBe('請開啟伺服器的連接埠');
      expect(inDocument('我們的數據庫很大')).toBe('我們的數據庫很大');
      // Its Simplified pieces still convert.
      expect(inDocument('我们的数据库很大')).toBe('我們的資料庫很大');
    }
  });

  test('a piece with no script of its own (文件) follows its document', () => {
    const convert = converters.get('s2twp');
    expect(convert('文件')).toBe('檔案');
    expect(convert.forDocument?.('这个文档')('文件')).toBe('檔案');
    expect(convert.forDocument?.('這個文件')('文件')).toBe('文件');
    // A Simplified text quoting a Traditional name stays Simplified.
    expect(convert.forDocument?.('《書同文》的文档')('文件')).toBe('檔案');
  });

  test('a chapter: its headings and link text of one word follow the chapter', () => {
    const convert = converters.get('s2twt');
    const source = '# 文档\n\n参考[文档](a.md)，打开配置文件。\n';
    const once = convertMarkdown(source, { convert });
    expect(once).toBe('# 文件\n\n參考[文件](a.md)，開啟設定檔。\n');
    expect(convertMarkdown(once, { convert })).toBe(once);
  });

  test('thenConvert keeps the document mode', () => {
    const convert = thenConvert(converters.get('s2twp'), (text) => text.replace('。', '.'));
    expect(convertMarkdown('# 文件\n\n這個文件。\n', { convert })).toBe('# 文件\n\n這個文件.\n');
  });
});

test('hasDocumentMode says which converters have a document mode', async () => {
  const converters = await createConverters();
  const configs: OpenccConfig[] = [...openccConfigs, 's2twt'];
  const withMode = configs.filter((config) => converters.get(config).forDocument !== undefined);
  expect(withMode).toEqual(['s2twp', 's2twt']);
  expect(configs.filter(hasDocumentMode)).toEqual(withMode);
});
