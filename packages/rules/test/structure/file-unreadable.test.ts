import { activeRules, lintBook } from '@tongwen/linter';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import rule from '../../src/structure/file-unreadable.js';

const settings = { slug: 'github' as const, ignore: [] };
const bookWith = () => {
  const book = memoryBook({ 'a.md': '# 标题\n' });
  book.problems.push({ file: 'b.md', ruleId: 'file-unreadable', severity: 'error', message: 'Cannot read file: EACCES' });
  book.problems.push({ file: 'c.md', ruleId: 'some-other-id', severity: 'error', message: 'not this rule' });
  return book;
};

describe('file-unreadable', () => {
  it('reports the load problems of its id, at its level', () => {
    expect(lintBook(bookWith(), { rules: [{ rule, severity: 'error', options: {} }], settings }).map(({ fingerprint: _, ...finding }) => finding)).toEqual([
      { ruleId: 'file-unreadable', severity: 'error', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Cannot read file: EACCES' },
      { ruleId: 'some-other-id', severity: 'error', file: 'c.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'not this rule' },
    ]);
    expect(lintBook(bookWith(), { rules: [{ rule, severity: 'info', options: {} }], settings })[0]!.severity).toBe('info');
  });

  it('is silent when turned off', () => {
    const rules = activeRules({ rules: { 'file-unreadable': 'off' } }).filter((active) => active.rule.meta.scope === 'book');
    expect(lintBook(bookWith(), { rules, settings }).filter((finding) => finding.ruleId === 'file-unreadable')).toEqual([]);
  });
});
