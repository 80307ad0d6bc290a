import type { Finding } from '@tongwen/book';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, stringifyBaseline } from '@tongwen/linter';
import { describe, expect, it } from 'vitest';

const finding = (file: string, ruleId: string, fingerprint: string): Finding => ({ ruleId, severity: 'warning', file, line: 1, column: 1, endLine: 1, endColumn: 1, message: 'm', fingerprint });

describe('baselines', () => {
  const findings = [finding('b.md', 'zh-spacing', 'f2'), finding('a.md', 'zh-quotes', 'f1'), finding('b.md', 'zh-spacing', 'f2'), finding('a.md', 'link-missing-file', 'f3')];

  it('are sorted one-entry-per-line JSON with an occurrence count per fingerprint', () => {
    expect(stringifyBaseline(createBaseline(findings))).toBe(
      [
        '{',
        '  "version": 1,',
        '  "findings": [',
        '    {"file":"a.md","ruleId":"link-missing-file","fingerprint":"f3","count":1},',
        '    {"file":"a.md","ruleId":"zh-quotes","fingerprint":"f1","count":1},',
        '    {"file":"b.md","ruleId":"zh-spacing","fingerprint":"f2","count":2}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(stringifyBaseline(createBaseline([]))).toBe('{\n  "version": 1,\n  "findings": []\n}\n');
  });

  it('suppress as many findings per fingerprint as counted, no more', () => {
    const baseline = parseBaseline(stringifyBaseline(createBaseline(findings.slice(0, 2))), 'b.json');
    const result = applyBaseline([...findings, finding('c.md', 'zh-quotes', 'f4')], baseline);
    expect(result.suppressed).toBe(2);
    expect(result.findings.map((f) => f.fingerprint)).toEqual(['f2', 'f3', 'f4']);
  });

  it('reject a file that is not a baseline, naming what was expected', () => {
    expect(() => parseBaseline('{"version":2}', 'b.json')).toThrow(new BaselineError('Invalid baseline `b.json`: expected {"version": 1, "findings": [...]} as `tongwen check --write-baseline` writes it'));
    expect(() => parseBaseline('{"version":1,"findings":[{"file":"a.md"}]}', 'b.json')).toThrow('Invalid baseline `b.json`: `findings[0]` is {"file":"a.md"}, expected { file, ruleId, fingerprint, count }');
  });
});
