import type { Finding } from '@tongwen/book';
import { displayPath } from '../lib/paths.js';
import { escapeXml } from '../lib/text.js';
import { summarize, type Formatter, type FormatContext } from '../lib/types.js';

/** One `<testcase>`: errors and warnings fail; infos pass with the message as output. */
function testcase(finding: Finding, file: string): string {
  const name = escapeXml(`${finding.line}:${finding.column} ${finding.ruleId}`);
  const text = escapeXml(`${file}:${finding.line}:${finding.column}: ${finding.message}`);
  const body = finding.severity === 'info' ? `<system-out>${text}</system-out>` : `<failure type="${finding.severity}" message="${escapeXml(finding.message)}">${text}</failure>`;
  return `    <testcase classname="${escapeXml(file)}" name="${name}">${body}</testcase>`;
}

function suite(file: string, findings: readonly Finding[], context: FormatContext): string {
  const shown = displayPath(context, file);
  const failures = findings.filter((f) => f.severity !== 'info').length;
  return [`  <testsuite name="${escapeXml(shown)}" tests="${findings.length}" failures="${failures}" errors="0">`, ...findings.map((f) => testcase(f, shown)), '  </testsuite>'].join('\n');
}

/**
 * JUnit XML: one `<testsuite>` per file with findings, one `<testcase>` per
 * finding; every value escaped and characters that XML cannot hold removed.
 * A run without findings is one passing test case.
 */
export const junit: Formatter = (input, context) => {
  const byFile = new Map<string, Finding[]>();
  for (const finding of input.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const summary = summarize(input);
  const tests = Math.max(1, input.findings.length);
  const suites = byFile.size > 0 ? [...byFile].map(([file, findings]) => suite(file, findings, context)) : [`  <testsuite name="${escapeXml(context.tool.name)}" tests="1" failures="0" errors="0">\n    <testcase classname="${escapeXml(context.tool.name)}" name="check"/>\n  </testsuite>`];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(context.tool.name)}" tests="${tests}" failures="${summary.errors + summary.warnings}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
