import { summarize, type Formatter } from '../lib/types.js';

/**
 * The JSON contract (version 1) that CI and later formats build on:
 * `{version, tool, summary: {files, errors, warnings, infos}, findings: [...]}`;
 * `file` relative to the checked folder with `/`, lines and columns 1-based (UTF-16).
 */
export const json: Formatter = (input, context) => {
  const summary = summarize(input);
  const findings = input.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    fingerprint: finding.fingerprint ?? '',
    ...(finding.cause ? { cause: finding.cause } : {}),
    ...(finding.fix ? { fixable: true } : {}),
  }));
  return `${JSON.stringify({ version: 1, tool: { name: context.tool.name, version: context.tool.version }, summary, findings }, null, 2)}\n`;
};
