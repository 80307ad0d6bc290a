import path from 'node:path';
import type { Finding } from '@tongwen/book';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, stringifyBaseline, type CheckResult } from '@tongwen/linter';
import { readFileText, writeFileAtomic, WriteGuardError } from '@tongwen/workspace';
import type { Io } from '../io.js';

/** The gate flags of `tongwen check`. */
export interface GateOptions {
  baseline?: string;
  writeBaseline?: string;
  quiet?: boolean;
  maxWarnings?: number;
}

/** What the gate decided: the findings to report, and why the run fails (if it does). */
export interface GateResult {
  /** Findings for the report (`--quiet`: errors only). */
  report: Finding[];
  /** Findings the gate counts (the baseline's are gone; `--quiet` does not change these). */
  counted: Finding[];
  /** Exit code 2 on a baseline that cannot be read or written. */
  failure?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function readBaselineFile(file: string, io: Io) {
  const name = path.relative(io.cwd, file) || file;
  const read = readFileText(file);
  if ('error' in read) throw new BaselineError(`Cannot read baseline \`${name}\`: ${read.error}`);
  return parseBaseline(read.text, name);
}

/**
 * Apply `--baseline`, `--write-baseline` and `--quiet` to the findings of a
 * run; log what was suppressed or written on stderr.
 */
export function applyGate(findings: Finding[], options: GateOptions, io: Io): GateResult {
  let counted = findings;
  try {
    if (options.writeBaseline) {
      const file = path.resolve(io.cwd, options.writeBaseline);
      writeFileAtomic(path.dirname(file), path.basename(file), stringifyBaseline(createBaseline(findings)));
      io.stderr.write(`tongwen: wrote ${plural(findings.length, 'finding')} to the baseline ${path.relative(io.cwd, file) || file}\n`);
      counted = [];
    } else if (options.baseline) {
      const applied = applyBaseline(findings, readBaselineFile(path.resolve(io.cwd, options.baseline), io));
      counted = applied.findings;
      if (applied.suppressed > 0) io.stderr.write(`tongwen: ${plural(applied.suppressed, 'finding')} in the baseline ${options.baseline} not reported\n`);
    }
  } catch (error) {
    if (!(error instanceof BaselineError) && !(error instanceof WriteGuardError) && !(error as NodeJS.ErrnoException).code) throw error;
    io.stderr.write(`tongwen: ${error instanceof BaselineError ? error.message : `cannot write ${options.writeBaseline}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`}\n`);
    return { report: [], counted: [], failure: 2 };
  }
  return { report: options.quiet ? counted.filter((finding) => finding.severity === 'error') : counted, counted };
}

/** The exit code of a gated run, saying on stderr why it fails on warnings. */
export function gateExitCode(counted: readonly Finding[], maxWarnings: number | undefined, io: Io): number {
  if (counted.some((finding) => finding.ruleId === 'file-unreadable')) return 2;
  if (counted.some((finding) => finding.severity === 'error')) return 1;
  const warnings = counted.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`tongwen: ${plural(warnings, 'warning')} found, more than --max-warnings ${maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/** The line `--fix` logs: how many findings it fixed, in how many files and rounds, and why the count may exceed what was reported. */
export function fixSummary(result: CheckResult): string {
  const total = Object.values(result.fixed).reduce((a, b) => a + b, 0);
  const rounds = result.fixRounds ?? 0;
  const revealed = total - (result.fixableAtStart ?? total);
  const more = revealed > 0 ? ` (${revealed} of them appeared only after earlier fixes)` : '';
  return `tongwen: fixed ${plural(total, 'finding')} in ${plural(result.written.length, 'file')}${rounds > 1 ? ` in ${rounds} rounds` : ''}${more}\n`;
}
