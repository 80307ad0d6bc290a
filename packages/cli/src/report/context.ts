import path from 'node:path';
import type { CheckResult } from '@tongwen/linter';
import type { FormatContext, ReportRule } from '@tongwen/report';
import { docsPath, rules } from '@tongwen/rules';
import type { Io } from '../io.js';
import { version } from '../version.js';
import { bookOutline } from './outline.js';
import { reportSources } from './sources.js';

/** Every rule's meta as report data. */
export function reportRules(): ReportRule[] {
  return rules.map(({ meta }) => ({ id: meta.id, family: meta.family, description: meta.description, fixable: meta.fixable, severity: meta.severity, docs: docsPath(meta.id) }));
}

/** Colour for a terminal report: `--color`/`--no-color`, else `FORCE_COLOR`, else `NO_COLOR`, else whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return Boolean(io.stdout.isTTY);
}

/** The context of every report of a run: paths relative to the current folder, rules, outlines, source lines. */
export function reportContext(result: CheckResult, io: Io): FormatContext {
  const prefix = path.relative(io.cwd, result.base).split(path.sep).join('/');
  return {
    tool: { name: 'tongwen', version },
    pathPrefix: prefix,
    rules: reportRules(),
    books: result.books.map(({ book, prefix: bookPrefix }) => bookOutline(book, bookPrefix)),
    sources: reportSources(result.findings, result.books),
    ...(io.env.GITHUB_STEP_SUMMARY ? { stepSummaryFile: io.env.GITHUB_STEP_SUMMARY } : {}),
  };
}
