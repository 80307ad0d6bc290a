import picomatch from 'picomatch';
import { activeRules, type ActiveRule, type Config, type RuleLevel, type RuleSetting } from './config.js';

/** One entry of `overrides`: rule settings for the files matching `files` (globs from the book root). */
export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
}

/** The rules of one file of the book (path from the book root). */
export type RulesForFile = (file: string) => readonly ActiveRule[];

const list = (globs: string | string[]): string[] => (typeof globs === 'string' ? [globs] : globs);

function matcherOf(override: ConfigOverride): (file: string) => boolean {
  const included = picomatch(list(override.files), { dot: true });
  const excluded = override.excludedFiles ? picomatch(list(override.excludedFiles), { dot: true }) : () => false;
  return (file) => included(file) && !excluded(file);
}

/**
 * The rules of each file under the configuration's `overrides`: the
 * configuration's `rules`, then every matching entry in order, then the
 * command line. Undefined when there are no overrides (every file has the
 * run's rules). Results are kept per set of matching entries, in the closure.
 */
export function rulesByFile(config: Config, commandLine: Record<string, RuleLevel> = {}): RulesForFile | undefined {
  const overrides = config.overrides ?? [];
  if (overrides.length === 0) return undefined;
  const matchers = overrides.map(matcherOf);
  const known = new Map<string, ActiveRule[]>();
  return (file) => {
    const matching = overrides.filter((_, i) => matchers[i]!(file));
    const key = matching.map((o) => overrides.indexOf(o)).join(',');
    let rules = known.get(key);
    if (!rules) {
      const settings = matching.reduce<Record<string, RuleSetting>>((merged, o) => ({ ...merged, ...o.rules }), { ...config.rules });
      known.set(key, (rules = activeRules({ ...config, rules: settings }, commandLine)));
    }
    return rules;
  };
}

/** The book rules to run when files differ: every book rule active for at least one of the files. */
export function unionOfRules(base: readonly ActiveRule[], rulesFor: RulesForFile, files: Iterable<string>): ActiveRule[] {
  const byId = new Map(base.map((active) => [active.rule.meta.id, active]));
  for (const file of files) for (const active of rulesFor(file)) if (!byId.has(active.rule.meta.id)) byId.set(active.rule.meta.id, active);
  return [...byId.values()];
}
