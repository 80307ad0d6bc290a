import { describe, expect, test } from 'vitest';
import { PhraseTable, tableArrays } from '../src/lib/table.js';

const table = new PhraseTable(
  tableArrays([
    ['头', '頭'],
    ['发', '發'],
    ['头发', '頭髮'],
    ['万', '萬'],
    ['万事', '萬事'],
    ['万事如意', '萬事如意'],
    ['𠮷', '吉'],
    ['𠮷野', '吉野家'],
    ['头', '首'], // a key given twice keeps its first value
  ]),
);

describe('PhraseTable', () => {
  test('finds the longest phrase a caller accepts, its value after it', () => {
    expect(table.longest('万事如意吧', 0)).toBe(4);
    expect(table.lastValue).toBe('萬事如意');
    expect(table.longest('万事如意吧', 0, (start, end) => end - start < 4)).toBe(2);
    expect(table.lastValue).toBe('萬事');
    // One code unit always fits; `fits` is asked only of longer phrases.
    const asked: Array<[number, number]> = [];
    expect(table.longest('万事如意', 0, (start, end) => (asked.push([start, end]), false))).toBe(1);
    expect(asked).toEqual([[0, 4], [0, 2]]);
    expect(table.longest('吧', 0)).toBe(-1);
  });

  test('matches code units: a surrogate pair is one character of two units', () => {
    expect(table.longest('𠮷野', 0)).toBe(3);
    expect(table.lastValue).toBe('吉野家');
    expect(table.matches('𠮷野', 0)).toEqual([{ end: 2, value: '吉' }, { end: 3, value: '吉野家' }]);
  });

  test('get, has, size and entries', () => {
    expect([table.get('头'), table.get('头发'), table.get('头发吧'), table.get('')]).toEqual(['頭', '頭髮', undefined, undefined]);
    expect(table.has('万事') && !table.has('事')).toBe(true);
    expect(table.size).toBe(8);
    expect([...table.entries()].map(([key]) => key)).toEqual(['万', '万事', '万事如意', '发', '头', '头发', '𠮷', '𠮷野']);
  });

  test('scan gives the longest end and whether a phrase of two units or more is not plain', () => {
    expect(table.scan('万事如意', 0)).toBe(4);
    expect(table.scanRisky).toBe(false); // 萬事, 萬事如意: the characters' own conversion
    expect(table.scan('头发', 0)).toBe(2);
    expect(table.scanRisky).toBe(true); // 頭髮, not 頭發
    expect(table.scan('吧', 0)).toBe(-1);
    expect(table.scanRisky).toBe(false);
  });

  test('plain is measured against the given character conversion, and the longest key is known', () => {
    const converted = tableArrays([['頭髮', '頭髮']], (char) => ({ 頭: '頭', 髮: '髮' })[char]);
    expect([...converted.plain]).toEqual([1, 1, 1]);
    expect(converted.maxKey).toBe(2);
    expect(tableArrays([['頭髮', '頭髮']], (char) => ({ 髮: '发' })[char]).plain[2]).toBe(0);
  });

  test('more phrases at one position than its scratch space holds', () => {
    const long = 'ab'.repeat(20);
    const many = new PhraseTable(tableArrays(Array.from({ length: long.length }, (_, i) => [long.slice(0, i + 1), String(i + 1)] as [string, string])));
    expect(many.longest(long, 0, (start, end) => end - start <= 33)).toBe(33);
    expect(many.lastValue).toBe('33');
    expect(many.matches(long, 0)).toHaveLength(40);
  });

  test('converts as opencc-js does: the longest phrase, unmatched text as it is', () => {
    expect(table.convert('头发万事如意吧𠮷野', (text, i) => (text.codePointAt(i)! > 0xffff ? 2 : 1))).toBe('頭髮萬事如意吧吉野家');
  });

  test('the root index gives 0 where no phrase starts, and values past the first block decode as stored', () => {
    expect(table.roots['吧'.charCodeAt(0)]).toBe(0);
    expect(table.roots['万'.charCodeAt(0)]).toBeGreaterThan(0);
    expect(table.changesUnit('吧'.charCodeAt(0))).toBe(false);
    expect(table.changesUnit('头'.charCodeAt(0))).toBe(true);
    // 600 values: three blocks of decoded values, the last one partly used; one value longer than the short-value cut.
    const pairs = Array.from({ length: 600 }, (_, i) => [`键${String(i).padStart(3, '0')}`, i === 599 ? '長'.repeat(40) : `值${i}`] as [string, string]);
    const many = new PhraseTable(tableArrays(pairs));
    expect(many.valueCount).toBe(600);
    expect([...many.entries()]).toEqual(pairs);
    expect(many.convert('键599键256', () => 1)).toBe(`${'長'.repeat(40)}值256`);
  });
});
