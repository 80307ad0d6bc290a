import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FormatContext, Formatter, ReportInput } from '@tongwen/report';
import { formatNames, loadFormatter, sideOutputs, terminalFormats } from '@tongwen/report/formats';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';

/** One report of a run: a format and where it goes (`undefined`: stdout). */
export interface ReportTarget {
  name: string;
  formatter: Formatter;
  file?: string;
}

/**
 * Parse `--format NAME` / `--format NAME:FILE` (repeatable) and `--output FILE`
 * (the file of the formats given without one), and load the formatters asked
 * for (only those: see `loadFormatter`). At most one report goes to stdout.
 */
export async function reportTargets(formats: readonly string[], output: string | undefined): Promise<ReportTarget[]> {
  const specs = (formats.length ? formats : ['stylish']).map((spec) => {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? output : spec.slice(colon + 1);
    if (!formatNames.includes(name)) throw new UsageError(`Unknown format \`${name}\`, expected one of ${formatNames.map((f) => `\`${f}\``).join(', ')}`);
    if (file === '') throw new UsageError(`Unexpected empty file in --format \`${spec}\`, expected \`NAME:FILE\``);
    return { name, ...(file !== undefined ? { file } : {}) };
  });
  const targets = await Promise.all(specs.map(async (spec) => ({ ...spec, formatter: (await loadFormatter(spec.name))! })));
  const seen = new Set<string>();
  for (const target of targets) {
    const key = target.file === undefined ? '' : path.normalize(target.file);
    if (seen.has(key)) throw new UsageError(target.file === undefined ? 'Unexpected second report on stdout, expected `--format NAME:FILE` for all but one' : `Unexpected second report into \`${target.file}\`, expected one file per format`);
    seen.add(key);
  }
  return targets;
}

/**
 * Where reports link files: the `--link-base` URL, else the way from the
 * report's folder to the current folder (so relative links open the files).
 */
export function linkBaseFor(target: ReportTarget, linkBase: string | undefined, io: Io): string {
  if (linkBase !== undefined) return linkBase;
  if (target.file === undefined) return '.';
  return path.relative(path.dirname(path.resolve(io.cwd, target.file)), io.cwd).split(path.sep).join('/') || '.';
}

/** Write every report (and side outputs such as the GitHub job summary); returns an error message or undefined. */
export function writeReports(targets: readonly ReportTarget[], input: ReportInput, base: FormatContext, options: { color: boolean; linkBase?: string }, io: Io): string | undefined {
  for (const target of targets) {
    const color = target.file === undefined && terminalFormats.includes(target.name) && options.color;
    const context: FormatContext = { ...base, color, linkBase: linkBaseFor(target, options.linkBase, io) };
    const report = target.formatter(input, context);
    try {
      if (target.file === undefined) io.stdout.write(report);
      else {
        mkdirSync(path.dirname(path.resolve(io.cwd, target.file)), { recursive: true });
        writeFileSync(path.resolve(io.cwd, target.file), report);
      }
      for (const side of sideOutputs(target.name, input, context)) (side.append ? appendFileSync : writeFileSync)(path.resolve(io.cwd, side.file), side.text);
    } catch (error) {
      return `cannot write ${target.file ?? 'the report'}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
  }
  return undefined;
}
