import path from 'node:path';
import picomatch from 'picomatch';
import { dialects } from '@tongwen/book';
import { getRule, locales, presets, validateOptions } from '@tongwen/rules';
import { configSlugFlavours, grammars, ruleLevels } from './config-schema.js';

/** The keys of a configuration file, in the order the docs list them. */
export const configKeys = ['$schema', 'root', 'extends', 'contents', 'grammar', 'locale', 'slug', 'dialect', 'publicDir', 'siteBase', 'ignore', 'preset', 'rules', 'overrides', 'repository', 'external', 'mirrors'] as const;

const overrideKeys = ['files', 'excludedFiles', 'rules'] as const;

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
const oneOfText = (allowed: readonly string[]): string => `one of ${allowed.map((a) => `\`${a}\``).join(', ')}`;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why a glob is unusable, or undefined when it is fine. */
export function globProblem(glob: unknown): string | undefined {
  if (typeof glob !== 'string' || glob.trim() === '') return 'a non-empty glob';
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return 'a glob relative to the book root (no leading `/`)';
  if (glob.split('/').includes('..')) return 'a glob inside the book (no `..`)';
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
  } catch {
    return 'a valid glob (every `[` and `(` closed)';
  }
  return undefined;
}

/** Problems of a list of globs (a string or an array of strings) at `key`. */
function globsProblems(key: string, value: unknown, single: boolean): string[] {
  if (single && typeof value === 'string') value = [value];
  if (!Array.isArray(value)) return [`\`${key}\` is ${show(value)}, expected ${single ? 'a glob or ' : ''}an array of globs`];
  return value.flatMap((glob, i) => {
    const expected = globProblem(glob);
    return expected ? [`\`${key}[${i}]\` is ${show(glob)}, expected ${expected}`] : [];
  });
}

/** Problems of one rule setting (`rules.<id>` at `key`). */
export function ruleSettingProblems(key: string, id: string, setting: unknown): string[] {
  const rule = getRule(id);
  if (!rule) return [`\`${key}\` names an unknown rule \`${id}\`, expected a rule id (see \`tongwen rules\`)`];
  const level = Array.isArray(setting) ? setting[0] : setting;
  if (typeof level !== 'string' || !(ruleLevels as readonly string[]).includes(level)) {
    return [`\`${key}\` is ${show(setting)}, expected ${oneOfText(ruleLevels)} or [level, options]`];
  }
  if (!Array.isArray(setting)) return [];
  const options = setting[1];
  if (setting.length > 2 || (options !== undefined && !isObject(options))) return [`\`${key}\` is ${show(setting)}, expected [level, { options }]`];
  return validateOptions(rule.meta, options ?? {}).map((problem) => `\`${key}\`: ${problem}`);
}

function rulesProblems(key: string, value: unknown): string[] {
  if (!isObject(value)) return [`\`${key}\` is ${show(value)}, expected an object of rule settings`];
  return Object.entries(value).flatMap(([id, setting]) => ruleSettingProblems(`${key}.${id}`, id, setting));
}

function overridesProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return [`\`overrides\` is ${show(value)}, expected an array of { files, rules }`];
  return value.flatMap((entry, i) => {
    const key = `overrides[${i}]`;
    if (!isObject(entry)) return [`\`${key}\` is ${show(entry)}, expected an object { files, rules }`];
    const problems = Object.keys(entry)
      .filter((name) => !(overrideKeys as readonly string[]).includes(name))
      .map((name) => `\`${key}\` has an unknown key \`${name}\`, expected ${oneOfText(overrideKeys)}`);
    if (entry.files === undefined) problems.push(`\`${key}\` has no \`files\`, expected a glob or an array of globs`);
    else problems.push(...globsProblems(`${key}.files`, entry.files, true));
    if (entry.excludedFiles !== undefined) problems.push(...globsProblems(`${key}.excludedFiles`, entry.excludedFiles, true));
    if (entry.rules !== undefined) problems.push(...rulesProblems(`${key}.rules`, entry.rules));
    return problems;
  });
}

function enumProblem(config: Record<string, unknown>, key: string, allowed: readonly string[]): string[] {
  const value = config[key];
  return value !== undefined && (typeof value !== 'string' || !allowed.includes(value)) ? [`\`${key}\` is ${show(value)}, expected ${oneOfText(allowed)}`] : [];
}

function scalarProblems(config: Record<string, unknown>): string[] {
  const problems = [
    ...enumProblem(config, 'grammar', grammars),
    ...enumProblem(config, 'locale', locales),
    ...enumProblem(config, 'slug', configSlugFlavours),
    ...enumProblem(config, 'preset', presets),
    ...enumProblem(config, 'dialect', dialects),
  ];
  for (const key of ['$schema', 'repository']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') problems.push(`\`${key}\` is ${show(config[key])}, expected a string`);
  }
  problems.push(...contentsProblems(config.contents), ...siteProblems(config));
  if (config.root !== undefined && typeof config.root !== 'boolean') problems.push(`\`root\` is ${show(config.root)}, expected true or false`);
  if (config.mirrors !== undefined) problems.push(...mirrorsProblems(config.mirrors));
  if (typeof config.repository === 'string' && !/^[\w.-]+\/[\w.-]+$/.test(config.repository)) problems.push(`\`repository\` is ${show(config.repository)}, expected \`owner/repo\``);
  if (config.external !== undefined && typeof config.external !== 'boolean') problems.push(`\`external\` is ${show(config.external)}, expected true or false`);
  return problems;
}

/** Whether a relative path stays inside its folder (no `..` above it, not absolute). */
function isInsidePath(file: string): boolean {
  const normal = path.posix.normalize(file.replace(/\\/g, '/'));
  return !path.posix.isAbsolute(normal) && !/^[a-zA-Z]:/.test(normal) && normal !== '..' && !normal.startsWith('../');
}

/** `contents`: a file inside the book, or a non-empty list of files and globs. */
function contentsProblems(contents: unknown): string[] {
  if (contents === undefined) return [];
  if (typeof contents === 'string') return isInsidePath(contents) ? [] : [`\`contents\` is ${show(contents)}, expected a path inside the book folder`];
  if (Array.isArray(contents) && contents.length > 0 && contents.every((item) => typeof item === 'string')) {
    return contents.filter((item) => !isInsidePath(item)).map((item) => `\`contents\` holds ${show(item)}, expected paths inside the book folder`);
  }
  return [`\`contents\` is ${show(contents)}, expected a file, or a non-empty array of files and globs`];
}

/** `publicDir` (a folder or a list of folders) and `siteBase` (a path from `/`). */
function siteProblems(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { publicDir, siteBase } = config;
  if (publicDir !== undefined && typeof publicDir !== 'string' && !(Array.isArray(publicDir) && publicDir.every((dir) => typeof dir === 'string'))) {
    problems.push(`\`publicDir\` is ${show(publicDir)}, expected a folder or an array of folders`);
  }
  if (siteBase !== undefined && (typeof siteBase !== 'string' || !siteBase.startsWith('/'))) problems.push(`\`siteBase\` is ${show(siteBase)}, expected a path starting with \`/\``);
  return problems;
}

const mirrorKeys = ['source', 'mirror', 'kind', 'profile', 'partial'] as const;

/** `mirrors`: `[{ source, mirror, kind, profile?, partial? }]`, folders inside the book. */
function mirrorsProblems(mirrors: unknown): string[] {
  if (!Array.isArray(mirrors)) return [`\`mirrors\` is ${show(mirrors)}, expected an array of { source, mirror, kind }`];
  return mirrors.flatMap((entry, i) => {
    const key = `mirrors[${i}]`;
    if (!isObject(entry)) return [`\`${key}\` is ${show(entry)}, expected { source, mirror, kind }`];
    const problems = Object.keys(entry)
      .filter((name) => !(mirrorKeys as readonly string[]).includes(name))
      .map((name) => `unknown key \`${key}.${name}\`, expected ${oneOfText(mirrorKeys)}`);
    for (const name of ['source', 'mirror']) {
      const folder = entry[name];
      if (typeof folder !== 'string' || folder.replace(/^\.\/?|\/$/g, '') === '' || folder.split('/').includes('..') || path.isAbsolute(folder)) {
        problems.push(`\`${key}.${name}\` is ${show(folder)}, expected a folder inside the book`);
      }
    }
    if (entry.source === entry.mirror) problems.push(`\`${key}.mirror\` is ${show(entry.mirror)}, expected a folder other than its source`);
    if (entry.kind !== 'human' && entry.kind !== 'generated') problems.push(`\`${key}.kind\` is ${show(entry.kind)}, expected \`human\` or \`generated\``);
    if (entry.profile !== undefined && !['characters', 'phrases', 'tech'].includes(entry.profile as string)) problems.push(`\`${key}.profile\` is ${show(entry.profile)}, expected \`characters\`, \`phrases\` or \`tech\``);
    if (entry.partial !== undefined && typeof entry.partial !== 'boolean') problems.push(`\`${key}.partial\` is ${show(entry.partial)}, expected \`true\` or \`false\``);
    return problems;
  });
}

/**
 * Every problem of a raw configuration value (not its `extends` targets),
 * each one line naming the key, the value and what was expected.
 */
export function configProblems(raw: unknown): string[] {
  if (!isObject(raw)) return [`expected an object, got ${show(raw)}`];
  const problems = Object.keys(raw)
    .filter((key) => !(configKeys as readonly string[]).includes(key))
    .map((key) => `unknown key \`${key}\`, expected ${oneOfText(configKeys)}`);
  problems.push(...scalarProblems(raw));
  if (raw.extends !== undefined && !(typeof raw.extends === 'string' || (Array.isArray(raw.extends) && raw.extends.every((e) => typeof e === 'string')))) {
    problems.push(`\`extends\` is ${show(raw.extends)}, expected a preset name, a file or an array of them`);
  }
  if (raw.ignore !== undefined) problems.push(...globsProblems('ignore', raw.ignore, false));
  if (raw.rules !== undefined) problems.push(...rulesProblems('rules', raw.rules));
  if (raw.overrides !== undefined) problems.push(...overridesProblems(raw.overrides));
  return problems;
}
