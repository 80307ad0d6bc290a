import { describe, expect, test } from 'vitest';
import { createConverters, type OpenccConfig } from '@tongwen/convert';

/**
 * Conversion traps that users reported to OpenCC (BYVoid/OpenCC and
 * nk2028/opencc-js issues), grouped by class, each with the correct output
 * (what tongwen gives) and what plain opencc-js gives:
 * `[config, input, correct, opencc-js]`. tongwen's mechanisms, not entries
 * for these strings, make them right: word boundaries of jieba (a phrase
 * must not start inside one word and end inside another), and for Taiwan
 * phrases the same boundaries in the second stage.
 */
const classes: Record<string, Array<[OpenccConfig, string, string, string]>> = {
  // BYVoid/OpenCC#1497, #664, nk2028/opencc-js#37, zhconv-rs#8: a Taiwan phrase across two words (變量, 數組, 集成, 的士, 視頻, 低級).
  'Taiwan phrase across a word boundary': [
    ['s2twp', '改变量子比特', '改變量子位元', '改變數子位元'],
    ['s2twp', '少数组织', '少數組織', '少陣列織'],
    ['s2twp', '聚集成群', '聚集成群', '聚整合群'],
    ['s2twp', '他们是勇敢的士兵', '他們是勇敢的士兵', '他們是勇敢計程車兵'],
    ['s2twp', '电视频段', '電視頻段', '電影片段'],
    ['s2twp', '低级别产品', '低級別產品', '低級別產品'],
  ],
  // BYVoid/OpenCC#1497, #586, #1304, #581, #805, Vonng/ddia#145: a phrase of the first stage across two words (被发, 头发, 是只, 文采, 米制, 丝发).
  'character phrase across a word boundary': [
    ['s2t', '被发明', '被發明', '被髮明'],
    ['s2t', '展示了如何', '展示了如何', '展示瞭如何'],
    ['s2t', '了解了如何', '瞭解了如何', '瞭解瞭如何'],
    ['s2t', '参与制造', '參與製造', '參與制造'],
    ['s2t', '前头发生', '前頭發生', '前頭髮生'],
    ['s2t', '这是只有一种可能', '這是只有一種可能', '這是隻有一種可能'],
    ['s2t', '接受BBC中文采访时称', '接受BBC中文採訪時稱', '接受BBC中文采訪時稱'],
    ['s2t', '七奈米制程', '七奈米製程', '七奈米制程'],
    ['s2twp', '用户可以向其粉丝发布新消息', '使用者可以向其粉絲釋出新訊息', '使用者可以向其粉絲髮布新訊息'],
  ],
  // CosineG/OpenCC.NET.GUI#6, nk2028/opencc-js#43: one Simplified character, several Traditional ones, decided by its word.
  'one-to-many character decided by its word': [
    ['s2t', '这只鸟', '這隻鳥', '這隻鳥'],
    ['s2t', '这只是需要', '這只是需要', '這只是需要'],
    ['s2t', '一干净的房间', '一乾淨的房間', '一干淨的房間'],
    ['s2t', '他的发色是金色', '他的髮色是金色', '他的髮色是金色'],
  ],
};

describe('conversion traps reported to OpenCC', () => {
  test.each(Object.keys(classes))('%s', async (name) => {
    const tongwen = await createConverters();
    const plain = await createConverters({ segmentation: false });
    const cases = classes[name]!;
    expect(cases.map(([config, input]) => [config, input, tongwen.get(config)(input), plain.get(config)(input)])).toEqual(cases);
  });
});
