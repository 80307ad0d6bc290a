import { parseArgs } from 'node:util';
import { checkExternal, ConfigError, InputError, sortFindings, type RuleLevel } from '@tongwen/linter';
import { formatNames, summarize } from '@tongwen/report';
import { localeFromTag, type Locale } from '@tongwen/rules';
import path from 'node:path';
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
      --max-warnings N     exit 1 when there are more than N warnings
      --color / --no-color colour the stylish report (default: when stdout is a terminal)
      --no-cache           do not read or write the content-hash cache
      --cache-location DIR where the cache lives (default: node_modules/.cache/tongwen)
      --external           also request every external http(s) link (bounded, retried;
                           localhost, example.com and private addresses skipped)
      --external-cache FILE  keep external results in FILE for a day
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
      color: { type: 'boolean' },
      'no-cache': { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      external: { type: 'boolean' },
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
  const targets = reportTargets(values.format, values.output);
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

  const gate = gateOf(values);
  let result;
  let previous;
  try {
    const gated = checkGated({ paths: positionals, cwd: io.cwd, rules, fix: values.fix, cache: values['no-cache'] ? false : (values['cache-location'] ?? true), ...(values.external ? { external: true } : {}), ...(locale ? { locale } : {}), ...(values.config ? { config: path.resolve(io.cwd, values.config) } : {}) }, gate);
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
  for (const book of result.books) {
    if (!book.hasContents) io.stderr.write(`tongwen: no contents list (SUMMARY.md) in ${book.prefix || path.relative(io.cwd, result.base) || '.'}: contents rules skipped, ${book.chapters} Markdown files checked\n`);
  }
  if (values.fix) {
    const total = Object.values(result.fixed).reduce((a, b) => a + b, 0);
    io.stderr.write(`tongwen: fixed ${total} finding${total === 1 ? '' : 's'} in ${result.written.length} file${result.written.length === 1 ? '' : 's'}\n`);
  }
  const color = useColor(values['no-color'] ? false : values.color, io);
  const failure = writeReports(targets, { findings: result.findings, files: result.files }, { ...reportContext(previous ? { ...result, findings: [...result.findings, ...previous] } : result, io), ...(previous ? { previous } : {}) }, { color, ...(linkBase ? { linkBase } : {}) }, io);
  if (failure) {
    io.stderr.write(`tongwen: ${failure}\n`);
    return 2;
  }
  const summary = summarize({ findings: result.findings, files: result.files });
  if (result.unreadable.length > 0) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return 1;
  return 0;
}
