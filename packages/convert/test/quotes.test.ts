import { defaultQuoteStyle, quoteConverter } from '@tongwen/convert';
import { describe, expect, it } from 'vitest';

describe('quoteConverter', () => {
  it('turns curly quotes into corner brackets, double and single', () => {
    expect(quoteConverter('corner')('他說“這是‘映像’”。')).toBe('他說「這是『映像』」。');
  });

  it('turns corner brackets into curly quotes', () => {
    expect(quoteConverter('curly')('他说「这是『镜像』」。')).toBe('他说“这是‘镜像’”。');
  });

  it('keeps an apostrophe between Latin letters', () => {
    expect(quoteConverter('corner')('Docker’s “容器”')).toBe('Docker’s 「容器」');
  });

  it('never changes the length of the text', () => {
    const text = '“a”‘b’「c」『d』it’s';
    expect(quoteConverter('corner')(text)).toHaveLength(text.length);
    expect(quoteConverter('curly')(text)).toHaveLength(text.length);
  });

  it('follows the usual style of each locale', () => {
    expect(['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'].map((locale) => defaultQuoteStyle(locale as never))).toEqual(['curly', 'corner', 'corner', 'corner']);
  });
});
