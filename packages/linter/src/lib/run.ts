import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@tongwen/book';
import { createRunCache, presetLocale, type Locale, type Settings } from '@tongwen/rules';
import { ChapterCache, codeFingerprint, defaultCacheFolder, hashText } from './cache.js';
import { activeRules, ConfigError, loadConfig, type Config, type RuleLevel } from './config.js';
import { fixBook } from './fix.js';
import { rulesByFile } from './overrides.js';
import { lintBook } from './lint.js';
import { discoverBooks, loadBook, type BookSpec } from './load.js';
import { collectExternalLinks, type ExternalLink } from './external.js';
import { writeFileAtomic } from './write.js';

/** Options of {@link check}. */
export interface CheckOptions {
  /** Files or folders to check. Default: the working directory. */
  paths: string[];
  /** Working directory: paths in findings are relative to it unless one folder is checked. */
  cwd: string;
  /** Explicit configuration file (`--config`). */
  config?: string;
  /** Rule levels from the command line (`--rule id=level`). */
  rules?: Record<string, RuleLevel>;
  /** Locale from the command line (`--locale`). */
  locale?: Locale;
  /** Apply fixes and write the fixed files. */
  fix?: boolean;
  /**
   * The content-hash cache of facts and chapter-rule findings: on by default
   * (in {@link defaultCacheFolder}); `false` turns it off; a string is the folder.
   */
  cache?: boolean | string;
  /**
   * Collect the external `http(s)` links into {@link CheckResult.externalLinks}
   * for the async pass {@link checkExternal} (opt-in; `check()` itself never
   * touches the network).
   */
  external?: boolean;
  /**
   * Check this text as the content of `file` (a path from `cwd`), in its
   * book (`--stdin --stdin-filename FILE`): only that file's findings are kept.
   */
  stdin?: { file: string; text: string };
}

/** One book of a run. */
export interface CheckedBook {
  spec: BookSpec;
  /** The book root relative to the base folder, `/`-separated (`''` for the base itself). */
  prefix: string;
  chapters: number;
  hasContents: boolean;
}

/** The result of {@link check}. */
export interface CheckResult {
  /** Folder the finding paths are relative to. */
  base: string;
  books: CheckedBook[];
  /** Findings with `file` relative to {@link CheckResult.base}. */
  findings: Finding[];
  /** Number of Markdown files checked. */
  files: number;
  /** Findings fixed per rule, with `fix`. */
  fixed: Record<string, number>;
  /** Files written by `fix`, relative to the base. */
  written: string[];
  /** With `fix`: the most rounds that fixed something in a book. */
  fixRounds?: number;
  /** With `fix`: fixable findings before any fix (fixes may reveal more). */
  fixableAtStart?: number;
  /** With `external`: the external links of the checked files, for {@link checkExternal}. */
  externalLinks?: ExternalLink[];
}

/** A path given on the command line that does not exist, or a folder with nothing to check. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Check books: find them under the given paths, load each once, run the
 * rules (and the fix loop with `fix`), and return every finding.
 * Throws {@link ConfigError} or {@link InputError} before reading any chapter
 * when the configuration or the paths are wrong.
 */
export function check(options: CheckOptions): CheckResult {
  const targets = (options.stdin ? [options.stdin.file] : options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  for (const target of targets) {
    if (!existsSync(target)) throw new InputError(`No such file or folder: ${path.relative(options.cwd, target) || target}`);
  }
  const singleFolder = targets.length === 1 && statSync(targets[0]!).isDirectory();
  const base = singleFolder ? targets[0]! : options.cwd;
  const onlyFiles = new Map<string, Set<string>>();
  const specs: BookSpec[] = [];
  const configs = new Map<string, Config>();
  const configFor = (dir: string): Config => {
    let config = configs.get(dir);
    if (!config) configs.set(dir, (config = loadConfig(dir, options.config).config));
    return config;
  };

  for (const target of targets) {
    const baseConfig = configFor(statSync(target).isDirectory() ? target : path.dirname(target));
    for (const spec of discoverBooks(target, { ...(baseConfig.contents ? { contents: baseConfig.contents } : {}), ...(baseConfig.grammar ? { grammar: baseConfig.grammar } : {}) })) {
      if (baseConfig.contents && !spec.contents) {
        throw new ConfigError(`The configured contents list \`${baseConfig.contents}\` does not exist in ${path.relative(options.cwd, spec.root) || '.'}`);
      }
      if (!specs.some((s) => s.root === spec.root)) specs.push(spec);
      if (!statSync(target).isDirectory()) {
        const files = onlyFiles.get(spec.root) ?? new Set<string>();
        files.add(path.relative(spec.root, target).split(path.sep).join('/'));
        onlyFiles.set(spec.root, files);
      }
    }
  }

  // Validate every configuration and rule setting before any chapter is read.
  const plans = specs.map((spec) => {
    const config = { ...configFor(path.resolve(spec.root)), ...(spec.root !== base ? configFor(spec.root) : {}) };
    const rules = activeRules(config, options.rules);
    const rulesFor = rulesByFile(config, options.rules);
    const implied = config.preset ? presetLocale(config.preset) : undefined;
    // An mdBook (found through book.toml) makes mdBook's anchors unless the configuration says otherwise.
    const settings: Settings = { slug: config.slug ?? (spec.grammar === 'mdbook' ? 'mdbook' : 'github'), ignore: config.ignore ?? [], ...(config.locale ? { locale: config.locale } : {}), ...(implied ? { presetLocale: implied } : {}), ...(config.repository ? { repository: config.repository } : {}) };
    return { spec, config, rules, settings, rulesFor };
  });

  const result: CheckResult = { base, books: [], findings: [], files: 0, fixed: {}, written: [] };
  const cache = createRunCache();
  const useCache = options.cache !== false && !options.fix && !options.stdin;
  const stdinFile = options.stdin ? path.resolve(options.cwd, options.stdin.file) : undefined;
  const cacheFolder = typeof options.cache === 'string' ? path.resolve(options.cwd, options.cache) : defaultCacheFolder(options.cwd);
  const code = useCache ? codeFingerprint() : '';
  for (const { spec, rules, settings, config, rulesFor } of plans) {
    const key = hashText(JSON.stringify([code, rules.map((r) => [r.rule.meta.id, r.severity, r.options]), settings, options.locale ?? null, config.overrides ?? null]));
    const chapterCache = useCache ? ChapterCache.open(path.join(cacheFolder, `${hashText(spec.root)}.json`), key) : undefined;
    // A cache folder inside the book is not part of it (its file would change the book's file list).
    const inside = path.relative(spec.root, cacheFolder).split(path.sep).join('/');
    const exclude = useCache && inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? [inside, `${inside}/**`] : [];
    const texts = stdinFile && options.stdin ? new Map([[path.relative(spec.root, stdinFile).split(path.sep).join('/'), options.stdin.text]]) : undefined;
    const book = loadBook(spec, { slug: settings.slug, exclude, ...(chapterCache ? { cache: chapterCache } : {}), ...(texts ? { texts } : {}) });
    const prefix = path.relative(base, spec.root).split(path.sep).join('/');
    const only = onlyFiles.get(spec.root);
    const lintOptions = { rules, settings, cache, ...(options.locale ? { locale: options.locale } : {}), ...(only ? { only } : {}), ...(chapterCache ? { chapterCache } : {}), ...(rulesFor ? { rulesFor } : {}) };
    if (options.fix) {
      const fixed = fixBook(book, lintOptions);
      for (const [file, text] of fixed.changed) {
        writeFileAtomic(path.join(spec.root, file), text);
        result.written.push(prefix ? `${prefix}/${file}` : file);
      }
      for (const [rule, count] of Object.entries(fixed.fixed)) result.fixed[rule] = (result.fixed[rule] ?? 0) + count;
      result.fixRounds = Math.max(result.fixRounds ?? 0, fixed.fixingRounds);
      result.fixableAtStart = (result.fixableAtStart ?? 0) + fixed.fixableAtStart;
    }
    const findings = lintBook(book, lintOptions);
    chapterCache?.save();
    for (const finding of findings) {
      if (prefix) {
        finding.file = `${prefix}/${finding.file}`;
        if (finding.cause) finding.cause = { ...finding.cause, file: `${prefix}/${finding.cause.file}` };
      }
      result.findings.push(finding);
    }
    if (options.external ?? config.external) {
      result.externalLinks = [...(result.externalLinks ?? []), ...collectExternalLinks(book, { prefix, ...(settings.repository ? { repository: settings.repository } : {}), ...(only ? { only } : {}) })];
    }
    result.files += only ? [...only].filter((file) => book.chapters.has(file)).length : book.chapters.size;
    result.books.push({ spec, prefix, chapters: book.chapters.size, hasContents: Boolean(spec.contents) });
  }
  if (result.files === 0 && result.findings.length === 0) {
    throw new InputError(`No Markdown files found in ${targets.map((t) => path.relative(options.cwd, t) || '.').join(', ')}`);
  }
  return result;
}
