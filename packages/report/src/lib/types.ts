import type { Finding } from '@tongwen/book';

/** What a run found: the input of every formatter. */
export interface ReportInput {
  findings: readonly Finding[];
  /** Number of files checked. */
  files: number;
}

/** Everything a formatter may know besides the findings; injected, never read from the environment. */
export interface FormatContext {
  tool: { name: string; version: string };
  /** Colour the output (terminal formats only). Default false. */
  color?: boolean;
}

/** A formatter is a pure function of the findings and the context. */
export type Formatter = (input: ReportInput, context: FormatContext) => string;

/** Counts of a report. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Count findings by severity. */
export function summarize(input: ReportInput): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of input.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { files: input.files, errors, warnings, infos };
}
