import { describe, expect, test } from 'vitest';
import { parseChapter } from '@tongwen/book';
import { convertChapter, createConverters, reviewMessage } from '@tongwen/convert';

const converters = await createConverters();

describe('the review list', () => {
  test('ambiguous characters no phrase or word decides; sense words with no cue; never what a phrase or a cue decides', () => {
    expect(converters.review('s2tw', '他把面煮干了，面包在后面。')).toEqual([{ kind: 'ambiguous', start: 2, end: 3, text: '面', chosen: '面', alternatives: ['麵'] }]);
    expect(converters.review('s2twp', '这个程序很好，法律程序，我支持你')).toEqual([{ kind: 'sense', start: 2, end: 4, text: '程序', chosen: '程式', alternatives: ['程序'] }]);
    expect(converters.review('s2tw', '这个程序很好')).toEqual([]);
    expect(converters.review('t2s', '這個')).toEqual([]);
    // Function words take their default form (并 "and", 当 "when", 只 "only", 个); a Latin word beside a sense word means software.
    expect(converters.review('s2tw', '这并不难，当你只要一个')).toEqual([]);
    expect(converters.review('s2twp', '支持 Docker')).toEqual([]);
    expect(converters.review('s2tw', '总计 4 周')).toEqual([{ kind: 'ambiguous', start: 5, end: 6, text: '周', chosen: '周', alternatives: ['週'] }]);
  });

  test('a classifier form (齣) is an alternative only after a numeral or a demonstrative; a character before a Latin word is its verb (发 PR)', () => {
    expect(converters.review('s2tw', '在命令行打印出该命令')).toEqual([]);
    expect(converters.review('s2tw', '每行列出一个文件')).toEqual([]);
    expect(converters.review('s2tw', '演了三出')).toEqual([{ kind: 'ambiguous', start: 3, end: 4, text: '出', chosen: '出', alternatives: ['齣'] }]);
    expect(converters.review('s2tw', '欢迎你发 PR 或 `issue`')).toEqual([]);
    expect(converters.review('s2tw', '他去理了发')).toEqual([{ kind: 'ambiguous', start: 4, end: 5, text: '发', chosen: '發', alternatives: ['髮'] }]);
  });

  test('a name (jieba `nr`) whose characters the conversion changes, with the forms a name may keep', () => {
    expect(converters.review('s2tw', '钟汉良说')).toEqual([{ kind: 'name', start: 0, end: 1, text: '钟', chosen: '鍾', alternatives: ['鐘'] }]);
    expect(converters.review('s2tw', '范仲淹的文章')).toEqual([]);
    // A name guessed across a word (有关|于其子: 关于) is no name.
    expect(converters.review('s2tw', '此命令也有关于其子命令的文件')).toEqual([]);
  });

  test('messages: what was chosen, for what, and the alternatives', () => {
    expect(reviewMessage({ kind: 'ambiguous', start: 0, end: 1, text: '干', chosen: '幹', alternatives: ['乾'] })).toBe('Unexpected unreviewed `幹` for `干` (no phrase decides), expected a human to choose `幹` or `乾`');
    expect(reviewMessage({ kind: 'name', start: 0, end: 1, text: '范', chosen: '範', alternatives: ['范'] })).toBe('Unexpected unreviewed `範` for `范` in a name, expected a human to choose `範` or `范`');
  });

  test('convertChapter: review offsets on the chapter source, prose only', () => {
    const source = '# 标题\n\n`面` 他把面煮干了\n';
    const conversion = convertChapter(parseChapter('a.md', source), { convert: converters.get('s2tw'), review: (text) => converters.review('s2tw', text) });
    expect(conversion.review).toEqual([{ kind: 'ambiguous', start: 12, end: 13, text: '面', chosen: '面', alternatives: ['麵'] }]);
    expect(source.slice(12, 13)).toBe('面');
    expect(convertChapter(parseChapter('a.md', source), { convert: converters.get('s2tw') }).review).toBeUndefined();
  });
});
