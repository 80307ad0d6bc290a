import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dialects, type Dialect, type Severity, type SlugFlavour } from '@tongwen/book';
import { getRule, locales, optionDefaults, presets, rules as registry, validateOptions, type AnyRule, type Locale, type PresetName } from '@tongwen/rules';

/** A rule's setting in the configuration: a level, or a level and options. */
export type RuleLevel = 'off' | Severity | 'warn';
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

/** The configuration file (`tongwen.config.json` or `.tongwenrc.json` at the book root). */
export interface Config {
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
  /** `owner/repo` whose absolute GitHub URLs are checked as local files. */
  repository?: string;
  /** Also check external `http(s)` links (as `--external`). Default false. */
  external?: boolean;
  /** The site tool the book is written for. Default: detected from the project's files (`book.toml`, `.vitepress/`, `hugo.toml`…), else none. */
  dialect?: Dialect;
  /** Folder(s) from the book root served at the site root (`/images/x.png`). Default: the dialect's (`public`, `static`). */
  publicDir?: string | string[];
  /** The path the site is served under (`/docs/`), stripped from site-absolute links. Default none. */
  siteBase?: string;
}

/** A configuration problem: fails the run before any file is read (exit 2). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** File names searched for at the book root, in order. */
export const configNames = ['tongwen.config.json', '.tongwenrc.json'] as const;

const levels = ['off', 'info', 'warning', 'warn', 'error'];
const slugFlavours = ['github', 'gitbook', 'vitepress', 'mdbook', 'hexo'];
const known: Record<keyof Config, true> = { contents: true, grammar: true, locale: true, slug: true, ignore: true, preset: true, rules: true, repository: true, external: true, dialect: true, publicDir: true, siteBase: true };

/** Read the configuration of a folder: the explicit file, or one of {@link configNames}; `{}` when there is none. */
export function loadConfig(dir: string, explicit?: string): { config: Config; file?: string } {
  const file = explicit ? path.resolve(explicit) : configNames.map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  if (!file) return { config: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(`Cannot read configuration \`${file}\`: ${reason}`);
  }
  return { config: validateConfig(raw, file), file };
}

/** Check a raw configuration value; throws {@link ConfigError} naming the key, the value and what was expected. */
export function validateConfig(raw: unknown, source = 'configuration'): Config {
  const fail = (message: string): never => {
    throw new ConfigError(`Invalid ${source}: ${message}`);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`expected an object, got ${JSON.stringify(raw)}`);
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!(key in known)) fail(`unknown key \`${key}\`, expected one of ${Object.keys(known).map((k) => `\`${k}\``).join(', ')}`);
  }
  const oneOf = (key: string, allowed: readonly string[]) => {
    const value = config[key];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
      fail(`\`${key}\` is ${JSON.stringify(value)}, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
    }
  };
  oneOf('grammar', ['auto', 'gitbook', 'mdbook']);
  oneOf('locale', locales);
  oneOf('slug', slugFlavours);
  oneOf('preset', presets);
  oneOf('dialect', dialects);
  checkSiteKeys(config, fail);
  if (Array.isArray(config.contents) && !(config.contents.length > 0 && config.contents.every((item) => typeof item === 'string'))) {
    fail(`\`contents\` is ${JSON.stringify(config.contents)}, expected a file, or a non-empty array of files and globs`);
  }
  for (const key of Array.isArray(config.contents) ? ['repository'] : ['contents', 'repository']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(`\`${key}\` is ${JSON.stringify(config[key])}, expected a string`);
  }
  if (typeof config.repository === 'string' && !/^[\w.-]+\/[\w.-]+$/.test(config.repository)) {
    fail(`\`repository\` is ${JSON.stringify(config.repository)}, expected \`owner/repo\``);
  }
  if (config.external !== undefined && typeof config.external !== 'boolean') fail(`\`external\` is ${JSON.stringify(config.external)}, expected true or false`);
  if (config.ignore !== undefined && !(Array.isArray(config.ignore) && config.ignore.every((glob) => typeof glob === 'string'))) {
    fail(`\`ignore\` is ${JSON.stringify(config.ignore)}, expected an array of globs`);
  }
  if (config.rules !== undefined) {
    if (config.rules === null || typeof config.rules !== 'object' || Array.isArray(config.rules)) fail(`\`rules\` is ${JSON.stringify(config.rules)}, expected an object`);
    for (const [id, setting] of Object.entries(config.rules as Record<string, unknown>)) {
      checkRuleSetting(id, setting, fail);
    }
  }
  return config as Config;
}

/** `publicDir` (a folder or a list of folders) and `siteBase` (a path from `/`). */
function checkSiteKeys(config: Record<string, unknown>, fail: (message: string) => never): void {
  const publicDir = config.publicDir;
  if (publicDir !== undefined && typeof publicDir !== 'string' && !(Array.isArray(publicDir) && publicDir.every((dir) => typeof dir === 'string'))) {
    fail(`\`publicDir\` is ${JSON.stringify(publicDir)}, expected a folder or an array of folders`);
  }
  const siteBase = config.siteBase;
  if (siteBase !== undefined && (typeof siteBase !== 'string' || !siteBase.startsWith('/'))) fail(`\`siteBase\` is ${JSON.stringify(siteBase)}, expected a path starting with \`/\``);
}

function checkRuleSetting(id: string, setting: unknown, fail: (message: string) => never): void {
  const rule = getRule(id);
  if (!rule) fail(`unknown rule \`${id}\` in \`rules\``);
  const level = Array.isArray(setting) ? setting[0] : setting;
  if (typeof level !== 'string' || !levels.includes(level)) {
    fail(`\`rules.${id}\` is ${JSON.stringify(setting)}, expected one of ${levels.map((l) => `\`${l}\``).join(', ')} or [level, options]`);
  }
  if (Array.isArray(setting)) {
    const options = setting[1];
    if (setting.length > 2 || (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))) {
      fail(`\`rules.${id}\` is ${JSON.stringify(setting)}, expected [level, { options }]`);
    }
    const problems = validateOptions(rule!.meta, (options ?? {}) as Record<string, unknown>);
    if (problems.length > 0) fail(problems.join('; '));
  }
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
