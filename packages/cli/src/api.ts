import path from 'node:path';
import { parseChapter, type Finding } from '@tongwen/book';
import { configFor, convertMarkdown, createConverters, defaultProfile, defaultQuoteStyle, quoteConverter, thenConvert, type Locale as ConvertLocale, type Profile } from '@tongwen/convert';
import { activeRules, check, lintBook, validateConfig, type Config, type RuleLevel } from '@tongwen/linter';
import { isBookRule, type Locale } from '@tongwen/rules';
import { run } from './main.js';

/** What a check found. Paths in findings are relative to the checked folder, `/`-separated. */
export interface CheckReport {
  findings: Finding[];
  /** Markdown files checked. */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Options of {@link checkFolder}. */
export interface CheckFolderOptions {
  /** Rule levels over the configuration (as `--rule id=level`). */
  rules?: Record<string, RuleLevel>;
  /** The locale of every file (as `--locale`). */
  locale?: Locale;
  /** A configuration file (as `--config`); default: `tongwen.config.json` in the book. */
  config?: string;
  /** Apply every safe fix to the files, then report what is left (as `--fix`). */
  fix?: boolean;
}

const report = (findings: Finding[], files: number): CheckReport => ({
  findings,
  files,
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});

/**
 * Check the books in a folder as `tongwen check FOLDER` does (configuration,
 * contents list, links, typography, script). Throws `ConfigError` on a bad
 * configuration and `InputError` when there is nothing to check.
 */
export async function checkFolder(folder: string, options: CheckFolderOptions = {}): Promise<CheckReport> {
  const root = path.resolve(folder);
  const result = check({ paths: ['.'], cwd: root, cache: false, ...options, ...(options.config ? { config: path.resolve(options.config) } : {}) });
  return report(result.findings, result.files);
}

/** Options of {@link checkMarkdown}. */
export interface CheckMarkdownOptions {
  /** Locale of the text. Default: from its front matter, else detected, else `zh-Hans`. */
  locale?: Locale;
  /** Its path, for messages and fingerprints. Default `index.md`. */
  path?: string;
  /** A configuration object (as in `tongwen.config.json`): preset, rules, slug. */
  config?: Config;
}

/**
 * Check a string of Markdown on its own: every chapter rule of the
 * configuration (typography, script, headings, fences, references); rules
 * that need the whole book (links to other files, the contents list) do not run.
 */
export async function checkMarkdown(markdown: string, options: CheckMarkdownOptions = {}): Promise<CheckReport> {
  const config = validateConfig(options.config ?? {});
  const file = options.path ?? 'index.md';
  const slug = config.slug ?? 'github';
  const chapter = parseChapter(file, markdown, { slug });
  const book = { root: '', chapters: new Map([[file, chapter]]), files: new Set([file]), problems: [], slug };
  const rules = activeRules(config).filter((active) => !isBookRule(active.rule));
  const findings = lintBook(book, { rules, settings: { slug, ignore: [], ...(config.locale ? { locale: config.locale } : {}) }, ...(options.locale ? { locale: options.locale } : {}) });
  return report(findings, 1);
}

/** Options of {@link convertText}. */
export interface ConvertTextOptions {
  to: ConvertLocale;
  /** Default `zh-Hans` (or required when `to` is `zh-Hans`). */
  from?: ConvertLocale;
  /** What the conversion changes besides the script, as `--profile`: default `tech` from zh-Hans to zh-TW, else `characters` (see `defaultProfile`). */
  profile?: Profile;
  /** Regional phrases (`s2twp`: 软件 → 軟體), as `--profile phrases` (when `profile` is not given). */
  phrases?: boolean;
  /** Quotation marks of the result: default the target locale's (「」 for Traditional, “” for Simplified); `keep` leaves them. */
  quotes?: 'curly' | 'corner' | 'keep';
}

/**
 * Convert a string of Markdown between zh-Hans, zh-Hant, zh-TW and zh-HK:
 * prose only — code, URLs, link targets, HTML tags and front-matter keys stay
 * as written; the text's own `#anchor` links follow its headings.
 */
export async function convertText(markdown: string, options: ConvertTextOptions): Promise<string> {
  const from = options.from ?? 'zh-Hans';
  const converters = await createConverters();
  const profile = profileOf(options, from);
  const text = converters.get(configFor({ from, to: options.to, phrases: profile === 'phrases', tech: profile === 'tech' }));
  const style = options.quotes === 'keep' ? undefined : (options.quotes ?? defaultQuoteStyle(options.to));
  const quotes = style ? quoteConverter(style) : undefined;
  return convertMarkdown(markdown, { convert: quotes ? thenConvert(text, quotes) : text });
}

/** The profile of a conversion: the one asked for, `phrases` with `phrases: true`, else the direction's default. */
function profileOf(options: Pick<ConvertTextOptions, 'to' | 'profile' | 'phrases'>, from: ConvertLocale): Profile {
  return options.profile ?? (options.phrases ? 'phrases' : defaultProfile(from, options.to));
}

/** Options of {@link convertFolder}. */
export interface ConvertFolderOptions extends Omit<ConvertTextOptions, 'quotes'> {
  /** The output folder; default: convert in place. */
  out?: string;
  /** Only compare: `stale` lists the files that would change (as `--check`). */
  check?: boolean;
}

/**
 * Convert a book folder as `tongwen convert` does (incremental, atomic
 * writes, links follow renamed headings). `code` is its exit code: 0 done,
 * 1 stale (with `check`), 2 a file could not be read or written; `messages`
 * are its log lines.
 */
export async function convertFolder(src: string, options: ConvertFolderOptions): Promise<{ code: number; messages: string[] }> {
  const args = ['convert', path.resolve(src), '--to', options.to, '--jobs', '1'];
  if (options.from) args.push('--from', options.from);
  if (options.profile ?? options.phrases) args.push('--profile', profileOf(options, options.from ?? 'zh-Hans'));
  args.push(...(options.out ? ['--out', path.resolve(options.out)] : ['--in-place']));
  if (options.check) args.push('--check');
  let log = '';
  const code = await run(args, { stdout: { write: (s: string) => (log += s) }, stderr: { write: (s: string) => (log += s) }, cwd: process.cwd(), env: {} });
  return { code, messages: log.split('\n').filter((line) => line !== '') };
}
