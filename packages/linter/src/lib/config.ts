import path from 'node:path';
import type { Dialect, Severity, SlugFlavour } from '@tongwen/book';
import { ConfigFileError, configNames, findConfig, readConfigFile as readFoundConfig, type FoundConfig } from '@tongwen/workspace';
import { basePreset, getRule, optionDefaults, presetSetting, rules as registry, type AnyRule, type Locale, type MirrorSetting, type PresetName } from '@tongwen/rules';
import { ruleLevels } from './config-schema.js';
import { configProblems } from './config-validate.js';
import { resolveExtends } from './extends.js';
import type { ConfigOverride } from './overrides.js';

/** A rule's setting in the configuration: a level, or a level and options. */
export type RuleLevel = 'off' | Severity | 'warn';
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

/** The configuration file (`tongwen.config.json` or `.tongwenrc.json` at the book root). */
export interface Config {
  /** Presets or configuration files (relative to this one) this configuration builds on, in order. */
  extends?: string | string[];
  /**
   * Contents-list file from the book root, or a list of files and globs (the
   * first file is the main list; the others publish their files too).
   * Default: `SUMMARY.md` or `summary.md` (mdBook: `src/SUMMARY.md`), else `TOC.md` with its `TOC-*.md`.
   */
  contents?: string | string[];
  /** Contents-list grammar. Default `auto`. */
  grammar?: 'auto' | 'gitbook' | 'mdbook';
  /** Locale of the chapters when neither the command line nor front matter says. */
  locale?: Locale;
  /** Slug flavour of heading anchors. Default `github`. */
  slug?: SlugFlavour;
  /** Globs (from the book root) of files that are not part of the book. */
  ignore?: string[];
  /** Preset of rules. Default `recommended`. */
  preset?: PresetName;
  /** Rule levels and options, over the preset. */
  rules?: Record<string, RuleSetting>;
  /** Rule settings for the files matching globs (from the book root); later entries win. */
  overrides?: ConfigOverride[];
  /** `owner/repo` whose absolute GitHub URLs are checked as local files. */
  repository?: string;
  /** Also check external `http(s)` links (as `--external`). Default false. */
  external?: boolean;
  /** The JSON Schema of the file, for editors; ignored. */
  $schema?: string;
  /** This is the top configuration: folders above are not searched. */
  root?: boolean;
  /** The site tool the book is written for. Default: detected from the project's files (`book.toml`, `.vitepress/`, `hugo.toml`…), else none. */
  dialect?: Dialect;
  /** Folder(s) from the book root served at the site root (`/images/x.png`). Default: the dialect's (`public`, `static`). */
  publicDir?: string | string[];
  /** The path the site is served under (`/docs/`), stripped from site-absolute links. Default none. */
  siteBase?: string;
  /** Editions kept in step with a source edition: `[{ source, mirror, kind }]`, folders from the book root. */
  mirrors?: MirrorSetting[];
}

/** A configuration problem: fails the run before any file is read (exit 2). */
export class ConfigError extends Error {
  /** Every problem, one line each (the message joins them). */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

export { configNames };

const levels: readonly string[] = ruleLevels;

/**
 * The configuration of a folder: the explicit file, else the nearest
 * configuration file found upward (see `findConfig` of `@tongwen/workspace`),
 * with its `extends` resolved; `{}` when there is none. Every problem is
 * reported at once.
 */
export function loadConfig(dir: string, explicit?: string): { config: Config; file?: string } {
  let found: FoundConfig | undefined;
  try {
    found = explicit ? readFoundConfig(path.resolve(explicit)) : findConfig(dir);
  } catch (error) {
    if (error instanceof ConfigFileError) throw new ConfigError(error.message);
    throw error;
  }
  if (!found) return { config: {} };
  let resolved: ReturnType<typeof resolveExtends>;
  try {
    resolved = resolveExtends(found.raw, found.file);
  } catch (error) {
    // A value nested 100,000 levels deep overflows the stack when it is shown in a message: a configuration error, not an internal one.
    if (error instanceof RangeError) throw new ConfigError(`Invalid ${found.file}: a value is nested too deeply, expected a flat configuration`);
    throw error;
  }
  if (resolved.problems.length > 0) throw new ConfigError(resolved.problems.join('\n'), resolved.problems);
  return { config: resolved.config, file: found.file };
}

/** Check a raw configuration value (not its `extends`); throws {@link ConfigError} listing every problem, one line each. */
export function validateConfig(raw: unknown, source = 'configuration'): Config {
  const problems = configProblems(raw).map((problem) => `Invalid ${source}: ${problem}`);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'), problems);
  return raw as Config;
}

/** A rule turned on for a run. */
export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Normalise a level: `warn` is `warning`; undefined for `off`. */
export function severityOf(level: RuleLevel): Severity | undefined {
  if (level === 'off') return undefined;
  return level === 'warn' ? 'warning' : level;
}

/**
 * The rules of a run: the preset's, then the configuration's `rules`, then
 * the command line's overrides (`id → level`).
 */
export function activeRules(config: Config, overrides: Record<string, RuleLevel> = {}): ActiveRule[] {
  const preset = config.preset ?? 'recommended';
  const settings = new Map<string, { level: RuleLevel | undefined; options: Record<string, unknown> }>();
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const [level, options] = Array.isArray(setting) ? setting : [setting, {}];
    settings.set(id, { level, options: options ?? {} });
  }
  for (const [id, level] of Object.entries(overrides)) {
    if (!getRule(id)) throw new ConfigError(`Unknown rule \`${id}\` in --rule`);
    if (!levels.includes(level)) throw new ConfigError(`--rule ${id}=${level}: expected one of ${levels.map((l) => `\`${l}\``).join(', ')}`);
    const existing = settings.get(id);
    settings.set(id, { level, options: existing?.options ?? {} });
  }
  const result: ActiveRule[] = [];
  for (const rule of registry) {
    const id = rule.meta.id;
    const setting = settings.get(id);
    const conventional = presetSetting(preset, id);
    const inPreset = rule.meta.presets.includes(basePreset(preset)) && conventional !== 'off';
    const level = setting?.level ?? (inPreset ? rule.meta.severity : 'off');
    const severity = severityOf(level);
    if (!severity) continue;
    const presetOptions = typeof conventional === 'object' ? conventional : {};
    result.push({ rule, severity, options: { ...optionDefaults(rule.meta), ...presetOptions, ...(setting?.options ?? {}) } });
  }
  return result;
}
