import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Severity, SlugFlavour } from '@tongwen/book';
import { getRule, optionDefaults, rules as registry, type AnyRule, type Locale, type PresetName } from '@tongwen/rules';
import { ruleLevels } from './config-schema.js';
import { configProblems } from './config-validate.js';
import { readConfigFile, resolveExtends } from './extends.js';
import type { ConfigOverride } from './overrides.js';

/** A rule's setting in the configuration: a level, or a level and options. */
export type RuleLevel = 'off' | Severity | 'warn';
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

/** The configuration file (`tongwen.config.json` or `.tongwenrc.json` at the book root). */
export interface Config {
  /** The JSON Schema of the file, for editors; ignored by tongwen. */
  $schema?: string;
  /** Presets or configuration files (relative to this one) this configuration builds on, in order. */
  extends?: string | string[];
  /** Contents-list file from the book root. Default: `SUMMARY.md` or `summary.md` (mdBook: `src/SUMMARY.md`). */
  contents?: string;
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

/** File names searched for at the book root, in order. */
export const configNames = ['tongwen.config.json', '.tongwenrc.json'] as const;

const levels: readonly string[] = ruleLevels;

/** Read the configuration of a folder: the explicit file, or one of {@link configNames}, with its `extends` resolved; `{}` when there is none. */
export function loadConfig(dir: string, explicit?: string): { config: Config; file?: string } {
  const file = explicit ? path.resolve(explicit) : configNames.map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  if (!file) return { config: {} };
  const read = readConfigFile(file);
  if ('problem' in read) throw new ConfigError(read.problem);
  const { config, problems } = resolveExtends(read.raw, file);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'), problems);
  return { config, file };
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
    const inPreset = rule.meta.presets.includes(preset);
    const level = setting?.level ?? (inPreset ? rule.meta.severity : 'off');
    const severity = severityOf(level);
    if (!severity) continue;
    result.push({ rule, severity, options: { ...optionDefaults(rule.meta), ...(setting?.options ?? {}) } });
  }
  return result;
}
