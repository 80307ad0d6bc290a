import { github } from '../formatters/github.js';
import { html } from '../formatters/html.js';
import { json } from '../formatters/json.js';
import { junit } from '../formatters/junit.js';
import { markdown } from '../formatters/markdown.js';
import { rdjson } from '../formatters/rdjson.js';
import { sarif } from '../formatters/sarif.js';
import { stylish } from '../formatters/stylish.js';
import type { FormatContext, Formatter, ReportInput, SideOutput } from './types.js';

/** Every formatter, by the name `--format` takes. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, junit, github, markdown, rdjson, html };

/** The names `--format` accepts. */
export const formatNames: readonly string[] = Object.keys(formatters);

/** Formats whose output is meant for a terminal (the only ones that may be coloured). */
export const terminalFormats: readonly string[] = ['stylish'];

/**
 * Files a format writes besides its main output, for the caller to write:
 * `github` appends a Markdown job summary to `context.stepSummaryFile` when set.
 */
export function sideOutputs(name: string, input: ReportInput, context: FormatContext): SideOutput[] {
  if (name === 'github' && context.stepSummaryFile) return [{ file: context.stepSummaryFile, text: markdown(input, context), append: true }];
  return [];
}
