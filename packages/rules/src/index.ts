export type {
  AnyRule,
  BookContext,
  BookReport,
  BookRule,
  ChapterContext,
  ChapterRule,
  Locale,
  PresetName,
  Report,
  RuleFamily,
  RuleMeta,
  RuleOption,
  RunCache,
  Settings,
} from './lib/types.js';
export { everyPreset, locales } from './lib/types.js';
export { defineBookRule, defineChapterRule, isBookRule } from './lib/define.js';
export { createRunCache } from './lib/cache.js';
export { optionDefaults, validateOptions } from './lib/options.js';
export { optionSchema, optionsSchema, optionsSection, withOptionsSection, writtenOptionsSection, type JsonSchema } from './lib/schema.js';
export { docsPath, toLintPlugin } from './lib/lint-plugin.js';
export { plugins } from './lib/plugins.js';
export { repositoryPath } from './lib/links.js';
export { distance, nearest } from './lib/nearest.js';
export { inlineCode } from './lib/format.js';
export { detectLocale, localeFromFrontmatter, localeFromPath, localeFromTag } from './lib/locale.js';
export { getRule, presetLocale, presetRules, presets, rules } from './lib/registry.js';
