import path from 'node:path';
import { ConfigFileError, readConfigFile as readFoundConfig } from '@tongwen/workspace';
import { presets, type PresetName } from '@tongwen/rules';
import { configProblems } from './config-validate.js';
import type { Config } from './config.js';

/** A configuration with its `extends` resolved, and every problem found on the way (one line each). */
export interface ResolvedConfig {
  config: Config;
  problems: string[];
}

/** Longest chain of `extends` followed: far more than any real set-up needs. */
const maxDepth = 16;

/** Read and parse one configuration file; a problem naming the file when it cannot be. */
export function readConfigFile(file: string): { raw: unknown } | { problem: string } {
  try {
    return { raw: readFoundConfig(file).raw };
  } catch (error) {
    if (error instanceof ConfigFileError) return { problem: error.message };
    throw error;
  }
}

/**
 * Merge a configuration over another: scalar keys of `over` win, `rules`
 * merge by rule id, `ignore` and `overrides` add up (base first).
 */
export function mergeConfigs(base: Config, over: Config): Config {
  const merged: Config = { ...base, ...over };
  if (base.rules || over.rules) merged.rules = { ...base.rules, ...over.rules };
  if (base.ignore || over.ignore) merged.ignore = [...new Set([...(base.ignore ?? []), ...(over.ignore ?? [])])];
  if (base.overrides || over.overrides) merged.overrides = [...(base.overrides ?? []), ...(over.overrides ?? [])];
  delete merged.extends;
  delete merged.$schema;
  return merged;
}

const entriesOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : []);

/**
 * A configuration value with its `extends` resolved: each entry is a preset
 * name (`recommended`, `zh-tw`, …) or a JSON file relative to `file`, merged
 * in order, then the value itself on top. Cycles and missing files are
 * problems, as are the problems of every file on the way.
 */
export function resolveExtends(raw: unknown, file: string, chain: readonly string[] = []): ResolvedConfig {
  const problems = configProblems(raw).map((problem) => `Invalid ${file}: ${problem}`);
  if (problems.length > 0) return { config: {}, problems };
  const config = raw as Config;
  let base: Config = {};
  for (const entry of entriesOf(config.extends)) {
    const layer = resolveEntry(entry, file, [...chain, file]);
    problems.push(...layer.problems);
    base = mergeConfigs(base, layer.config);
  }
  return { config: mergeConfigs(base, config), problems };
}

function resolveEntry(entry: string, file: string, chain: readonly string[]): ResolvedConfig {
  if ((presets as readonly string[]).includes(entry)) return { config: { preset: entry as PresetName }, problems: [] };
  const fail = (expected: string): ResolvedConfig => ({ config: {}, problems: [`Invalid ${file}: \`extends\` entry ${JSON.stringify(entry)} ${expected}`] });
  if (!/\.json$/i.test(entry)) return fail(`is neither a preset nor a \`.json\` file, expected one of ${presets.map((p) => `\`${p}\``).join(', ')} or a path such as \`./base.json\``);
  const target = path.resolve(path.dirname(file), entry);
  if (chain.includes(target)) return fail(`makes a cycle (${[...chain, target].map((f) => path.basename(f)).join(' → ')}), expected a file that does not extend this one`);
  if (chain.length >= maxDepth) return fail(`is ${maxDepth} levels deep, expected at most ${maxDepth}`);
  const read = readConfigFile(target);
  if ('problem' in read) return fail(`cannot be read (${read.problem.replace(/^Cannot read configuration `[^`]*`: /, '')}), expected an existing file relative to this configuration`);
  return resolveExtends(read.raw, target, chain);
}
