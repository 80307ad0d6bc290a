import type { Finding, Severity } from '@tongwen/book';
import { displayPath } from '../lib/paths.js';
import { sourceLine, utf8Column } from '../lib/text.js';
import type { FormatContext, Formatter } from '../lib/types.js';

const severities: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** A 1-based UTF-16 column as a 1-based UTF-8 byte column (unchanged when the line is unknown). */
function byteColumn(context: FormatContext, file: string, line: number, column: number): number {
  const text = sourceLine(context, file, line);
  return text === undefined ? column : utf8Column(text, column);
}

function diagnostic(finding: Finding, context: FormatContext) {
  const start = { line: finding.line, column: byteColumn(context, finding.file, finding.line, finding.column) };
  const end = { line: finding.endLine, column: byteColumn(context, finding.file, finding.endLine, finding.endColumn) };
  return {
    message: finding.message,
    location: { path: displayPath(context, finding.file), range: { start, end } },
    severity: severities[finding.severity],
    code: { value: finding.ruleId },
    ...(finding.cause
      ? { related_locations: [{ message: finding.cause.message ?? 'Related place', location: { path: displayPath(context, finding.cause.file), range: { start: { line: finding.cause.line, column: byteColumn(context, finding.cause.file, finding.cause.line, finding.cause.column) } } } }] }
      : {}),
  };
}

/**
 * reviewdog's Diagnostic Format (`rdjson`): one JSON object, columns in
 * UTF-8 bytes (1-based), paths relative to the current folder.
 */
export const rdjson: Formatter = (input, context) => {
  const result = { source: { name: context.tool.name, ...(context.tool.informationUri ? { url: context.tool.informationUri } : {}) }, diagnostics: input.findings.map((finding) => diagnostic(finding, context)) };
  return `${JSON.stringify(result, null, 2)}\n`;
};
