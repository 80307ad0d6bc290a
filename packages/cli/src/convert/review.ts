import path from 'node:path';
import { lineStartsOf, rangeAt, type Finding } from '@tongwen/book';
import { reviewMessage, type ChapterConversion } from '@tongwen/convert';
import type { FormatContext } from '@tongwen/report';
import type { Io } from '../io.js';
import { reportRules, useColor } from '../report/context.js';
import { writeReports, type ReportTarget } from '../report/outputs.js';
import { version } from '../version.js';

/** The rule id of review findings: the same list as `check` gives on a converted book. */
export const reviewRuleId = 'zh-conversion-review';

/**
 * The review list of converted chapters as findings (`info`) on the source
 * files, in path order then position: file, line, what was chosen and the
 * alternatives in the message.
 */
export function reviewFindings(conversions: ReadonlyMap<string, ChapterConversion>, sourceOf: (file: string) => string): Finding[] {
  const findings: Finding[] = [];
  for (const file of [...conversions.keys()].sort()) {
    const items = conversions.get(file)?.review ?? [];
    if (items.length === 0) continue;
    const lines = lineStartsOf(sourceOf(file));
    for (const item of items) {
      const range = rangeAt(lines, item.start, item.end);
      findings.push({
        ruleId: reviewRuleId,
        severity: 'info',
        file,
        line: range.start.line,
        column: range.start.column,
        endLine: range.end.line,
        endColumn: range.end.column,
        offset: item.start,
        endOffset: item.end,
        message: reviewMessage(item),
      });
    }
  }
  return findings;
}

/** Write the review list in every report format asked for (stdout by default); returns an error message or undefined. */
export function writeReview(findings: readonly Finding[], files: number, targets: readonly ReportTarget[], src: string, io: Io): string | undefined {
  const context: FormatContext = {
    tool: { name: 'tongwen', version },
    pathPrefix: path.relative(io.cwd, src).split(path.sep).join('/'),
    rules: reportRules().filter((rule) => rule.id === reviewRuleId),
  };
  return writeReports(targets, { findings, files }, context, { color: useColor(undefined, io) }, io);
}
