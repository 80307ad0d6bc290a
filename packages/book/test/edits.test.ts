import { applyEdits, EditConflictError, editsOverlap, nonOverlapping } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

describe('applyEdits', () => {
  it('splices edits given in any order and keeps every other byte', () => {
    const source = '使用Docker运行\r\n3个服务';
    const output = applyEdits(source, [
      { start: 12, end: 13, text: '3 ' },
      { start: 2, end: 2, text: ' ' },
      { start: 8, end: 8, text: ' ' },
    ]);
    expect(output).toBe('使用 Docker 运行\r\n3 个服务');
  });

  it('keeps two insertions at one offset in the order given', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toBe('axyb');
  });

  it('counts offsets in UTF-16 code units (a surrogate pair is two)', () => {
    expect(applyEdits('𠮷a', [{ start: 2, end: 3, text: 'b' }])).toBe('𠮷b');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: '' }, { start: 3, end: 5, text: 'x' }])).toThrow(EditConflictError);
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: '' }, { start: 3, end: 5, text: 'x' }])).toThrow('Edit [3, 5) overlaps edit [1, 4)');
  });

  it('refuses edits outside the source', () => {
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow('Edit [2, 9) is outside the source (length 3)');
  });

  it('returns the source itself when there is nothing to do', () => {
    const source = 'x\r\n';
    expect(applyEdits(source, [])).toBe(source);
  });
});

describe('nonOverlapping', () => {
  it('keeps the first of overlapping edits', () => {
    expect(nonOverlapping([{ start: 3, end: 5, text: 'b' }, { start: 1, end: 4, text: 'a' }, { start: 5, end: 6, text: 'c' }])).toEqual([
      { start: 1, end: 4, text: 'a' },
      { start: 5, end: 6, text: 'c' },
    ]);
  });
});

describe('editsOverlap', () => {
  const edit = (start: number, end: number) => ({ start, end, text: 'x' });
  it.each([
    ['intersecting ranges', edit(1, 4), edit(3, 6), true],
    ['adjacent ranges', edit(1, 3), edit(3, 6), false],
    ['an insertion strictly inside a range', edit(1, 4), edit(2, 2), true],
    ['an insertion at the start of a range', edit(2, 2), edit(2, 5), false],
    ['an insertion at the end of a range', edit(1, 3), edit(3, 3), false],
    ['two insertions at one offset', edit(4, 4), edit(4, 4), true],
    ['two insertions at two offsets', edit(4, 4), edit(5, 5), false],
  ])('%s: %s', (_, a, b, expected) => {
    expect([editsOverlap(a, b), editsOverlap(b, a)]).toEqual([expected, expected]);
  });
});
