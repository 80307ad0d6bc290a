import { parseArgs } from 'node:util';
import { checkExternal, ConfigError, InputError, parseShard, sortFindings, type RuleLevel } from '@tongwen/linter';
import { formatNames } from '@tongwen/report/formats';
import { localeFromTag, type Locale } from '@tongwen/rules';
import path from 'node:path';
import { applyGate, fixSummary, gateExitCode } from '../check/gate.js';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';
import { reportContext, useColor } from '../report/context.js';
import { reportTargets, writeReports } from '../report/outputs.js';
import { checkGated, gateHelp, gateOf, gateOptions, nothingStaged } from './gate-options.js';

export const checkHelp = `Usage: tongwen check [PATH...] [options]

Check the books under PATH (default: the current folder): the contents list,
links, anchors, headings, Chinese typography and script consistency.

Options:
  -f, --format NAME[:FILE] report format: ${formatNames.join(', ')} (default: stylish);
                           repeat with NAME:FILE to write several reports in one run
  -o, --output FILE        write the report to FILE instead of stdout
      --link-base URL      link files in reports to URL/PATH#L12 (e.g. https://github.com/O/R/blob/SHA)
      --fix                apply every fixable finding, then report what is left
      --rule ID=LEVEL      set a rule to off, info, warn or error (repeatable)
      --locale LOCALE      locale of every file: zh-Hans, zh-Hant, zh-TW, zh-HK
      --config FILE        configuration file (default: tongwen.config.json in the book)
      --max-warnings N     exit 1 when there are more than N warnings (and say so)
  -q, --quiet              report errors only (warnings still count for --max-warnings)
      --baseline FILE      do not report the findings recorded in FILE (by fingerprint)
      --write-baseline FILE  record every finding in FILE (sorted, stable JSON) and pass
      --stdin              check the text on standard input as the file --stdin-filename
      --stdin-filename FILE  the file of its book the text is (what editors call)
      --color / --no-color colour the stylish report (default: when stdout is a terminal)
      --jobs N             threads that parse and check chapters, this one included (default: 1
                           on 1-2 cores, else min(cores, 4); a small book stays in this thread)
      --shard I/N          check part I of N (CI matrices): chapter rules on 1/N of the chapters,
                           book rules in part 1; the N parts' findings add up to the whole check
      --no-cache           do not read or write the content-hash cache
      --cache-location DIR where the cache lives (default: node_modules/.cache/tongwen)
      --external           also request every external http(s) link (bounded, retried;
                           localhost, example.com and private addresses skipped)
      --external-cache FILE  keep external results in FILE for a day
      --no-external        never request external links, even when the configuration asks
${gateHelp}  -h, --help               show this help

Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage, configuration or I/O failure.
`;

/** `tongwen check`: returns the exit code. */
export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', multiple: true, default: [] },
      'link-base': { type: 'string' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      locale: { type: 'string' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      color: { type: 'boolean' },
      'no-cache': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      shard: { type: 'string' },
      'cache-location': { type: 'string' },
      external: { type: 'boolean' },
      'no-external': { type: 'boolean', default: false },
      'external-cache': { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
      ...gateOptions,
    },
  });
  if (values.help) {
    io.stdout.write(checkHelp);
    return 0;
  }
  const targets = await reportTargets(values.format, values.output);
  const linkBase = values['link-base'];
  if (linkBase !== undefined && !/^https?:\/\/[^\s]+$/i.test(linkBase)) throw new UsageError(`Invalid --link-base \`${linkBase}\`, expected an http(s) URL`);
  const rules: Record<string, RuleLevel> = {};
  for (const setting of values.rule) {
    const match = /^([\w-]+)=(off|info|warn|warning|error)$/.exec(setting);
    if (!match) throw new UsageError(`Invalid --rule \`${setting}\`, expected ID=off|info|warn|error`);
    rules[match[1]!] = match[2] as RuleLevel;
  }
  let locale: Locale | undefined;
  if (values.locale !== undefined) {
    locale = localeFromTag(values.locale);
    if (!locale) throw new UsageError(`Unknown --locale \`${values.locale}\`, expected one of \`zh-Hans\`, \`zh-Hant\`, \`zh-TW\`, \`zh-HK\``);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`Invalid --max-warnings \`${values['max-warnings']}\`, expected a whole number`);
  }

  const jobs = jobsOf(values.jobs);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) throw new UsageError(`Invalid --shard \`${values.shard}\`, expected I/N with 1 ≤ I ≤ N`);
  const stdin = values.stdin ? await readStdin(values['stdin-filename'], positionals, io) : undefined;

  const gitGate = gateOf(values);
  let result;
  let previous;
  try {
    const gated = await checkGated({ ...(stdin ? { stdin } : {}), ...(jobs ? { jobs } : {}), ...(shard ? { shard } : {}), paths: positionals, cwd: io.cwd, rules, fix: values.fix, cache: values['no-cache'] ? false : (values['cache-location'] ?? true), ...(values['no-external'] ? { external: false } : values.external ? { external: true } : {}), ...(locale ? { locale } : {}), ...(values.config ? { config: path.resolve(io.cwd, values.config) } : {}) }, gitGate);
    if (!gated) {
      io.stderr.write(nothingStaged);
      return 0;
    }
    ({ result, previous } = gated);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InputError) {
      io.stderr.write(`tongwen: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (result.externalLinks) {
    const external = await checkExternal(result.externalLinks ?? [], values['external-cache'] ? { cacheFile: path.resolve(io.cwd, values['external-cache']) } : {});
    result.findings = sortFindings([...result.findings, ...external]);
  }
  for (const note of result.notes ?? []) io.stderr.write(`tongwen: ${note}\n`);
  for (const book of result.books) {
    if (!book.hasContents) io.stderr.write(`tongwen: no contents list (SUMMARY.md) in ${book.prefix || path.relative(io.cwd, result.base) || '.'}: contents rules skipped, ${book.chapters} Markdown files checked\n`);
  }
  if (values.fix) io.stderr.write(fixSummary(result));
  if (result.files === 0) io.stderr.write('tongwen: no Markdown file was checked\n');
  const gate = applyGate(result.findings, { ...(values.baseline ? { baseline: values.baseline } : {}), ...(values['write-baseline'] ? { writeBaseline: values['write-baseline'] } : {}), quiet: values.quiet }, io);
  if (gate.failure) return gate.failure;
  const color = useColor(values['no-color'] ? false : values.color, io);
  const failure = writeReports(targets, { findings: gate.report, files: result.files }, { ...reportContext(previous ? { ...result, findings: [...result.findings, ...previous] } : result, io), ...(previous ? { previous } : {}) }, { color, ...(linkBase ? { linkBase } : {}) }, io);
  if (failure) {
    io.stderr.write(`tongwen: ${failure}\n`);
    return 2;
  }
  if (result.unreadable.length > 0) return 2;
  return gateExitCode(gate.counted, maxWarnings, io);
}

/** `--jobs N`: a whole number of at least 1. */
function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`Invalid --jobs \`${value}\`, expected a whole number of at least 1`);
  return Number(value);
}

/** The `--stdin` text and the file it stands for. */
async function readStdin(filename: string | undefined, positionals: string[], io: Io): Promise<{ file: string; text: string }> {
  if (!filename) throw new UsageError('--stdin needs --stdin-filename FILE: the file of its book the text is');
  if (positionals.length > 0) throw new UsageError('--stdin checks one text: give no PATH');
  if (!io.readStdin) throw new UsageError('--stdin: no standard input');
  return { file: filename, text: await io.readStdin() };
}
