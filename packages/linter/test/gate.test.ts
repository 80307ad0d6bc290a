import type { Finding } from '@tongwen/book';
import { splitByFingerprint } from '@tongwen/linter';
import { describe, expect, it } from 'vitest';

const finding = (fingerprint: string | undefined, line: number): Finding => ({ ruleId: 'zh-spacing', severity: 'warning', message: 'm', file: 'a.md', line, column: 1, endLine: line, endColumn: 2, ...(fingerprint ? { fingerprint } : {}) });

describe('splitByFingerprint', () => {
  it('matches each earlier finding at most once, whatever the lines', () => {
    const current = [finding('x', 10), finding('x', 12), finding('y', 20), finding(undefined, 30)];
    const { fresh, old } = splitByFingerprint(current, [finding('x', 1), finding('z', 2)]);
    expect(old.map((f) => f.line)).toEqual([10]);
    expect(fresh.map((f) => f.line)).toEqual([12, 20, 30]);
  });

  it('with no earlier findings, everything is new', () => {
    expect(splitByFingerprint([finding('x', 1)], [])).toEqual({ fresh: [finding('x', 1)], old: [] });
  });
});
