import picomatch from 'picomatch';
import { getRule, locales, presets, validateOptions } from '@tongwen/rules';
import { configSlugFlavours, grammars, ruleLevels } from './config-schema.js';

/** The keys of a configuration file, in the order the docs list them. */
export const configKeys = ['$schema', 'extends', 'contents', 'grammar', 'locale', 'slug', 'ignore', 'preset', 'rules', 'overrides', 'repository', 'external'] as const;

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
  ];
  for (const key of ['$schema', 'contents', 'repository']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') problems.push(`\`${key}\` is ${show(config[key])}, expected a string`);
  }
  if (typeof config.repository === 'string' && !/^[\w.-]+\/[\w.-]+$/.test(config.repository)) problems.push(`\`repository\` is ${show(config.repository)}, expected \`owner/repo\``);
  if (config.external !== undefined && typeof config.external !== 'boolean') problems.push(`\`external\` is ${show(config.external)}, expected true or false`);
  return problems;
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
