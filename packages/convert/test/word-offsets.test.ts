import { createSegmenter, toWords, wordsAround } from '@tongwen/convert';
import { describe, expect, it } from 'vitest';

describe('word segmentation', () => {
  it('cuts Simplified text into words that cover it exactly', () => {
    const words = createSegmenter().words('这里面包含，𠮷 npm')!;
    const text = '这里面包含，𠮷 npm';
    expect(words.map((word) => text.slice(word.start, word.end)).join('|')).toBe('这|里面|包含|，|𠮷| |npm');
    expect(createSegmenter().words('')).toEqual([]);
  });

  it('maps tokens to offsets, and a range to the words around it', () => {
    expect(toWords('关系就像', ['关系', '就', '像'])).toEqual([{ start: 0, end: 2 }, { start: 2, end: 3 }, { start: 3, end: 4 }]);
    // A token that does not match ends the list with one word for the rest.
    expect(toWords('关系就像', ['关系', '错'])).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
    expect(wordsAround(toWords('运行于属于自己', ['运行', '于', '属于', '自己']), 4, 5)).toEqual({ start: 3, end: 5 });
  });
});
