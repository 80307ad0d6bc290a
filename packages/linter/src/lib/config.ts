import path from 'node:path';
import { dialects, slugFlavours, type Dialect, type Severity, type SlugFlavour } from '@tongwen/book';
import { ConfigFileError, configNames, findConfig, readConfigFile, type FoundConfig } from '@tongwen/workspace';
import { basePreset, getRule, locales, type MirrorSetting, presetSetting, optionDefaults, presets, rules as registry, validateOptions, type AnyRule, type Locale, type PresetName } from '@tongwen/rules';

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
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export { configNames };

const levels = ['off', 'info', 'warning', 'warn', 'error'];
const known: Record<keyof Config, true> = { contents: true, grammar: true, locale: true, slug: true, ignore: true, preset: true, rules: true, repository: true, external: true, $schema: true, root: true, dialect: true, publicDir: true, siteBase: true, mirrors: true };

/**
 * The configuration of a folder: the explicit file, else the nearest
 * configuration file found upward (see `findConfig` of `@tongwen/workspace`);
 * `{}` when there is none.
 */
export function loadConfig(dir: string, explicit?: string): { config: Config; file?: string } {
  let found: FoundConfig | undefined;
  try {
    found = explicit ? readConfigFile(path.resolve(explicit)) : findConfig(dir);
  } catch (error) {
    if (error instanceof ConfigFileError) throw new ConfigError(error.message);
    throw error;
  }
  if (!found) return { config: {} };
  try {
    return { config: validateConfig(found.raw, found.file), file: found.file };
  } catch (error) {
    // A value nested 100,000 levels deep overflows the stack when it is shown in a message: a configuration error, not an internal one.
    if (error instanceof RangeError) throw new ConfigError(`Invalid ${found.file}: a value is nested too deeply, expected a flat configuration`);
    throw error;
  }
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
  for (const key of Array.isArray(config.contents) ? ['repository', '$schema'] : ['contents', 'repository', '$schema']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(`\`${key}\` is ${JSON.stringify(config[key])}, expected a string`);
  }
  if (typeof config.repository === 'string' && !/^[\w.-]+\/[\w.-]+$/.test(config.repository)) {
    fail(`\`repository\` is ${JSON.stringify(config.repository)}, expected \`owner/repo\``);
  }
  if (typeof config.contents === 'string' && !isInsidePath(config.contents)) {
    fail(`\`contents\` is ${JSON.stringify(config.contents)}, expected a path inside the book folder`);
  }
  if (config.root !== undefined && typeof config.root !== 'boolean') fail(`\`root\` is ${JSON.stringify(config.root)}, expected true or false`);
  if (config.external !== undefined && typeof config.external !== 'boolean') fail(`\`external\` is ${JSON.stringify(config.external)}, expected true or false`);
  if (config.ignore !== undefined && !(Array.isArray(config.ignore) && config.ignore.every((glob) => typeof glob === 'string'))) {
    fail(`\`ignore\` is ${JSON.stringify(config.ignore)}, expected an array of globs`);
  }
  if (config.mirrors !== undefined) checkMirrors(config.mirrors, fail);
  if (config.rules !== undefined) {
    if (config.rules === null || typeof config.rules !== 'object' || Array.isArray(config.rules)) fail(`\`rules\` is ${JSON.stringify(config.rules)}, expected an object`);
    for (const [id, setting] of Object.entries(config.rules as Record<string, unknown>)) {
      checkRuleSetting(id, setting, fail);
    }
  }
  return config as Config;
}

/** Whether a relative path stays inside its folder (no `..` above it, not absolute). */
function isInsidePath(file: string): boolean {
  const normal = path.posix.normalize(file.replace(/\\/g, '/'));
  return !path.posix.isAbsolute(normal) && !/^[a-zA-Z]:/.test(normal) && normal !== '..' && !normal.startsWith('../');
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

function checkMirrors(mirrors: unknown, fail: (message: string) => never): void {
  if (!Array.isArray(mirrors)) fail(`\`mirrors\` is ${JSON.stringify(mirrors)}, expected an array of { source, mirror, kind }`);
  (mirrors as unknown[]).forEach((entry, i) => {
    const key = `mirrors[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) fail(`\`${key}\` is ${JSON.stringify(entry)}, expected { source, mirror, kind }`);
    const value = entry as Record<string, unknown>;
    for (const name of Object.keys(value)) {
      if (!['source', 'mirror', 'kind', 'profile'].includes(name)) fail(`unknown key \`${key}.${name}\`, expected one of \`source\`, \`mirror\`, \`kind\`, \`profile\``);
    }
    for (const name of ['source', 'mirror']) {
      const folder = value[name];
      if (typeof folder !== 'string' || folder.replace(/^\.\/?|\/$/g, '') === '' || folder.split('/').includes('..') || path.isAbsolute(folder)) {
        fail(`\`${key}.${name}\` is ${JSON.stringify(folder)}, expected a folder inside the book`);
      }
    }
    if (value.source === value.mirror) fail(`\`${key}.mirror\` is ${JSON.stringify(value.mirror)}, expected a folder other than its source`);
    if (value.kind !== 'human' && value.kind !== 'generated') fail(`\`${key}.kind\` is ${JSON.stringify(value.kind)}, expected \`human\` or \`generated\``);
    if (value.profile !== undefined && value.profile !== 'phrases') fail(`\`${key}.profile\` is ${JSON.stringify(value.profile)}, expected \`phrases\``);
  });
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
