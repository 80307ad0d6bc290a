import { activeRules, lintBook } from '@tongwen/linter';
import { defineBookRule, defineChapterRule } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import rule from '../../src/structure/rule-crashed.js';

const settings = { slug: 'github' as const, ignore: [] };
const meta = { family: 'structure' as const, description: 'test rule', fixable: false, severity: 'warning' as const, presets: [], options: {} };
/** Throws on `boom.md`, reports `TODO` elsewhere. */
const fragile = defineChapterRule({
  meta: { ...meta, id: 'contents-orphan', scope: 'chapter' },
  check({ chapter, report }) {
    if (chapter.path === 'boom.md') throw new TypeError('x is undefined');
    const at = chapter.source.indexOf('TODO');
    if (at >= 0) report({ start: at, end: at + 4, message: 'Unexpected `TODO`' });
  },
});
const throwingBookRule = defineBookRule({
  meta: { ...meta, id: 'contents-duplicate', scope: 'book' },
  check() {
    throw new RangeError('too deep');
  },
});
const book = () => memoryBook({ 'SUMMARY.md': '* [a](a.md)\n', 'a.md': 'TODO\n', 'boom.md': 'TODO\n', 'c.md': 'TODO\n' });
const brief = (findings: ReturnType<typeof lintBook>) => findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.file}: ${finding.message}`);

describe('rule-crashed', () => {
  it('a rule that throws on one chapter becomes a finding there; the other chapters and rules still run', () => {
    const rules = [
      { rule: fragile, severity: 'warning' as const, options: {} },
      { rule: throwingBookRule, severity: 'warning' as const, options: {} },
      { rule, severity: 'error' as const, options: {} },
    ];
    expect(brief(lintBook(book(), { rules, settings }))).toEqual([
      'rule-crashed error SUMMARY.md: Unexpected crash of rule `contents-duplicate`: RangeError: too deep, expected a rule that finishes (please report it)',
      'contents-orphan warning a.md: Unexpected `TODO`',
      'rule-crashed error boom.md: Unexpected crash of rule `contents-orphan`: TypeError: x is undefined, expected a rule that finishes (please report it)',
      'contents-orphan warning c.md: Unexpected `TODO`',
    ]);
  });

  it('is on in the recommended preset, and can be turned off', () => {
    expect(activeRules({}).some((active) => active.rule.meta.id === 'rule-crashed')).toBe(true);
    const rules = [{ rule: fragile, severity: 'warning' as const, options: {} }];
    expect(brief(lintBook(book(), { rules, settings }))).toEqual(['contents-orphan warning a.md: Unexpected `TODO`', 'contents-orphan warning c.md: Unexpected `TODO`']);
  });
});
