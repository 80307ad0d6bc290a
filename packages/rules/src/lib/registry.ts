import { mirrorRules } from '../mirror/index.js';
import { scriptRules } from '../script/index.js';
import { structureRules } from '../structure/index.js';
import { typographyRules } from '../typography/index.js';
import { conventionNames, isConvention, presetSetting } from './conventions.js';
import { everyPreset, type AnyRule, type Locale, type PresetName } from './types.js';

/** Every rule, by family then in the order of each family's index. */
export const rules: readonly AnyRule[] = [...structureRules, ...typographyRules, ...scriptRules, ...mirrorRules];

/** Look a rule up by id. */
export function getRule(id: string): AnyRule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

/** The preset names: the rule sets, then the conventions. */
export const presets: readonly PresetName[] = [...everyPreset, ...conventionNames];

/** The rule set a preset builds on: a convention builds on `recommended`. */
export function basePreset(name: PresetName): PresetName {
  return isConvention(name) ? 'recommended' : name;
}

/** The rules a preset turns on, with their default severity. */
export function presetRules(name: PresetName): AnyRule[] {
  return rules.filter((rule) => rule.meta.presets.includes(basePreset(name)) && presetSetting(name, rule.meta.id) !== 'off');
}

/** The locale a preset is for (`zh-tw` → `zh-TW`); none for `recommended`. */
export function presetLocale(name: PresetName): Locale | undefined {
  return ({ 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-tw': 'zh-TW', 'zh-hk': 'zh-HK', 'moe-tw': 'zh-TW' } as const satisfies Partial<Record<PresetName, Locale>>)[name as 'zh-hans'];
}
