import type { Finding, Severity } from '@tongwen/book';
import { codeFrame, sanitizeTerminal } from '../lib/frame.js';
import { displayPath } from '../lib/paths.js';
import { countsText, plural, sourceLine } from '../lib/text.js';
import { summarize, type FormatContext, type Formatter } from '../lib/types.js';

const paint = (color: boolean, code: string, text: string) => (color ? `\u001B[${code}m${text}\u001B[0m` : text);

const severityColour: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

/** The code frame of a finding (`  12 │ text` / `     │   ^^^`), or nothing when the line is unknown. */
function frameLines(finding: Finding, context: FormatContext, color: boolean): string[] {
  const text = sourceLine(context, finding.file, finding.line);
  if (text === undefined) return [];
  const end = finding.endLine === finding.line ? finding.endColumn : text.length + 1;
  const frame = codeFrame(text, finding.column, end);
  const gutter = String(finding.line);
  return [`  ${paint(color, '2', `${gutter} │`)} ${frame.line}`, `  ${paint(color, '2', `${' '.repeat(gutter.length)} │`)} ${paint(color, severityColour[finding.severity], frame.underline)}`];
}

/** One finding: a clickable `path:line:column`, severity, message and rule, the code frame, the cause. */
function findingLines(finding: Finding, context: FormatContext, color: boolean): string[] {
  const place = `${displayPath(context, finding.file)}:${finding.line}:${finding.column}`;
  const head = `${paint(color, '4', sanitizeTerminal(place))}  ${paint(color, severityColour[finding.severity], finding.severity)}  ${sanitizeTerminal(finding.message)}  ${paint(color, '2', finding.ruleId)}`;
  const cause = finding.cause ? [`  ${paint(color, '2', '↳')} ${sanitizeTerminal(`${displayPath(context, finding.cause.file)}:${finding.cause.line}:${finding.cause.column}${finding.cause.message ? `  ${finding.cause.message}` : ''}`)}`] : [];
  return [head, ...frameLines(finding, context, color), ...cause, ''];
}

/**
 * A report for terminals: each finding as `path:line:column  severity  message  rule-id`
 * (the path relative to the current folder, so a terminal can open it), the
 * source line underneath with the span underlined, its cause, then a summary
 * line that counts errors, warnings and infos.
 */
export const stylish: Formatter = (input, context) => {
  const color = context.color ?? false;
  const out = input.findings.flatMap((finding) => findingLines(finding, context, color));
  const summary = summarize(input);
  const mark = summary.errors > 0 ? paint(color, '31', '✖') : summary.warnings > 0 ? paint(color, '33', '⚠') : paint(color, '32', '✔');
  out.push(`${mark} ${countsText(summary)} in ${plural(summary.files, 'file')} checked`);
  return `${out.join('\n')}\n`;
};
