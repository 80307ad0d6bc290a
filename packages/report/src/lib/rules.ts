import type { Finding } from '@tongwen/book';
import type { FormatContext, ReportRule } from './types.js';

/** The rules of the findings, in order of first appearance: the context's meta, or a bare entry for an unknown id. */
export function rulesOf(findings: readonly Finding[], context: FormatContext): ReportRule[] {
  const known = new Map((context.rules ?? []).map((rule) => [rule.id, rule]));
  const seen = new Map<string, ReportRule>();
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.set(finding.ruleId, known.get(finding.ruleId) ?? { id: finding.ruleId, family: familyOf(finding.ruleId, context), description: finding.ruleId, fixable: false, severity: finding.severity });
  }
  return [...seen.values()];
}

/** The family of a rule id: from the meta, else `other`. */
export function familyOf(ruleId: string, context: FormatContext): string {
  return context.rules?.find((rule) => rule.id === ruleId)?.family ?? 'other';
}
