import { mirrorRules } from '../mirror/index.js';
import { scriptRules } from '../script/index.js';
import { structureRules } from '../structure/index.js';
import { typographyRules } from '../typography/index.js';
import { everyPreset, type AnyRule, type Locale, type PresetName } from './types.js';

/** Every rule, by family then in the order of each family's index. */
export const rules: readonly AnyRule[] = [...structureRules, ...typographyRules, ...scriptRules, ...mirrorRules];

/** Look a rule up by id. */
export function getRule(id: string): AnyRule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

/** The preset names. */
export const presets: readonly PresetName[] = everyPreset;

/** The rules a preset turns on, with their default severity. */
export function presetRules(name: PresetName): AnyRule[] {
  return rules.filter((rule) => rule.meta.presets.includes(name));
}

/** The locale a preset is for (`zh-tw` → `zh-TW`); none for `recommended`. */
export function presetLocale(name: PresetName): Locale | undefined {
  return ({ 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-tw': 'zh-TW', 'zh-hk': 'zh-HK' } as const satisfies Partial<Record<PresetName, Locale>>)[name as 'zh-hans'];
}
