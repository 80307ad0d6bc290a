import type { Finding, Severity } from '@tongwen/book';
import { sanitizeTerminal } from '../lib/frame.js';
import { displayPath } from '../lib/paths.js';
import { countsText, plural } from '../lib/text.js';
import { summarize, type FormatContext, type Formatter } from '../lib/types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Percent-encode a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Percent-encode a workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, context: FormatContext): string {
  const properties = [
    `file=${escapeProperty(displayPath(context, finding.file))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    ...(finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : []),
    `title=${escapeProperty(`${context.tool.name}(${finding.ruleId})`)}`,
  ];
  return `::${commands[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
}

/**
 * GitHub Actions workflow commands. GitHub shows only about ten annotations
 * of each type per step, so every finding is also written to the log as a
 * plain line in a collapsed group; then one annotation per finding
 * (percent-encoded) and a summary line. The Markdown job summary is a
 * side output (see `sideOutputs`).
 */
export const github: Formatter = (input, context) => {
  const summary = summarize(input);
  const log = input.findings.map((f) => `${displayPath(context, f.file)}:${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`).map(sanitizeTerminal);
  const group = input.findings.length > 0 ? [`::group::${escapeData(`${context.tool.name}: ${plural(input.findings.length, 'finding')}`)}`, ...log.map((line) => (line.startsWith('::') ? ` ${line}` : line)), '::endgroup::'] : [];
  const annotations = input.findings.map((finding) => annotation(finding, context));
  return `${[...group, ...annotations, `${context.tool.name}: ${countsText(summary)} in ${plural(summary.files, 'file')} checked`].join('\n')}\n`;
};
