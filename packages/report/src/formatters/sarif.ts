import type { Finding, Severity } from '@tongwen/book';
import { displayPath, encodePath } from '../lib/paths.js';
import { rulesOf } from '../lib/rules.js';
import type { Formatter, FormatContext, ReportRule } from '../lib/types.js';

const levels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** `tool.driver.rules[]` entry from a rule's meta. */
function ruleDescriptor(rule: ReportRule) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.docs && /^https?:\/\//i.test(rule.docs) ? { helpUri: rule.docs } : {}),
    defaultConfiguration: { level: levels[rule.severity] },
    properties: { tags: [rule.family], fixable: rule.fixable },
  };
}

function location(context: FormatContext, file: string, region: Record<string, number>, message?: string) {
  return {
    physicalLocation: { artifactLocation: { uri: encodePath(displayPath(context, file)) }, region },
    ...(message ? { message: { text: message } } : {}),
  };
}

function result(finding: Finding, index: number, context: FormatContext) {
  // SARIF regions need endColumn > 0; an empty span keeps endColumn = startColumn.
  const region = { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: Math.max(1, finding.endColumn) };
  return {
    ruleId: finding.ruleId,
    ruleIndex: index,
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [location(context, finding.file, region)],
    ...(finding.fingerprint ? { partialFingerprints: { 'tongwen/v1': finding.fingerprint } } : {}),
    ...(finding.cause ? { relatedLocations: [{ id: 1, ...location(context, finding.cause.file, { startLine: finding.cause.line, startColumn: finding.cause.column }, finding.cause.message ?? 'Related place') }] } : {}),
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, `tool.driver.rules` from the
 * rules' meta, columns in UTF-16 code units (`columnKind`), paths relative to
 * the current folder, `partialFingerprints` from the findings' fingerprints.
 */
export const sarif: Formatter = (input, context) => {
  const rules = rulesOf(input.findings, context);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const driver = { name: context.tool.name, version: context.tool.version, ...(context.tool.informationUri ? { informationUri: context.tool.informationUri } : {}), rules: rules.map(ruleDescriptor) };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results: input.findings.map((finding) => result(finding, index.get(finding.ruleId)!, context)) }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
