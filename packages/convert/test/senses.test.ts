import { describe, expect, test } from 'vitest';
import { createConverters } from '@tongwen/convert';
import { characterSenses, senseCues, senses } from '../src/lib/senses.js';

/** `[input, s2twp]`: a cue of another sense keeps the word; the software sense still converts. */
const cases: Array<[string, string]> = [
  ['法律程序', '法律程序'],
  ['依照司法程序处理', '依照司法程序處理'],
  ['这个程序', '這個程式'],
  ['结婚对象', '結婚對象'],
  ['找对象', '找對象'],
  ['查找对象', '查詢物件'],
  ['创建对象', '建立物件'],
  ['体育项目', '體育項目'],
  ['比赛项目', '比賽項目'],
  ['项目管理', '專案管理'],
  ['我支持你', '我支持你'],
  ['大力支持', '大力支持'],
  ['支持Windows', '支援Windows'],
  ['来支持我们的服务', '來支援我們的服務'],
  ['支持你们', '支持你們'],
  ['将来自注册表的包', '將來自註冊表的包'],
  ['修改注册表', '修改登錄檔'],
  ['打开 Windows 注册表', '開啟 Windows 登錄檔'],
  ['系统支持多种格式', '系統支援多種格式'],
  // A compound word of jieba does not hide the boundary a phrase starts on (歸檔/文件夾).
  ['归档文件夹', '歸檔資料夾'],
  // …but a phrase across a word boundary must be one word of the segmenter (函數式編程 is not).
  ['函数式编程语言', '函式式程式語言'],
  ['前列腺癌', '攝護腺癌'],
];

/** `[input, s2t]`: a word of the character stage with two senses (自制 self-control, 自製 self-made). */
const characterCases: Array<[string, string]> = [
  ['中国自制', '中國自製'],
  ['自制的工具', '自製的工具'],
  ['他很自制', '他很自制'],
  ['保持自制', '保持自制'],
  ['自制心', '自制心'],
  ['自制力', '自制力'],
];

describe('sense cues of the character stage', () => {
  test.each(characterCases)('%s', async (input, expected) => {
    const converters = await createConverters();
    expect(converters.get('s2t')(input)).toBe(expected);
    // Converted once, the text converts to itself.
    expect(converters.get('s2t')(expected)).toBe(expected);
  });
});

describe('sense cues of the Taiwan phrase stage', () => {
  test('each entry: s2twp and s2twt follow the cues', async () => {
    const converters = await createConverters();
    expect(cases.map(([input]) => [input, converters.get('s2twp')(input)])).toEqual(cases);
    // The tech profile keeps 註冊表 always (its own entry).
    expect(cases.map(([input]) => converters.get('s2twt')(input))).toEqual(cases.map(([, output]) => output.replace('登錄檔', '註冊表')));
  });

  test('plain opencc-js converts every one of these words', async () => {
    const plain = (await createConverters({ segmentation: false })).get('s2twp');
    expect(senses.map(({ word }) => plain(word))).toEqual(['程式', '物件', '專案', '支援', '登錄檔']);
  });

  test('every cue class is used and holds no duplicate', () => {
    const used = new Set([...senses, ...characterSenses].flatMap((sense) => [...(sense.before ?? []), ...(sense.after ?? []), ...(sense.only ?? [])]));
    expect([...used].sort()).toEqual(Object.keys(senseCues).sort());
    for (const cues of Object.values(senseCues)) expect(new Set(cues).size).toBe(cues.length);
  });
});
