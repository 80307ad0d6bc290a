import { markdown } from '../formatters/markdown.js';
import type { FormatContext, ReportInput, SideOutput } from './types.js';

/**
 * Files a format writes besides its main output, for the caller to write:
 * `github` appends a Markdown job summary to `context.stepSummaryFile` when set.
 */
export function sideOutputs(name: string, input: ReportInput, context: FormatContext): SideOutput[] {
  if (name === 'github' && context.stepSummaryFile) return [{ file: context.stepSummaryFile, text: markdown(input, context), append: true }];
  return [];
}
