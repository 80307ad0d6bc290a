export type {
  AnyRule,
  BookContext,
  BookReport,
  BookRule,
  ChapterContext,
  ChapterRule,
  FixChange,
  Locale,
  MirrorBasis,
  MirrorDrift,
  MirrorHistory,
  MirrorSetting,
  PresetName,
  ConventionName,
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
export { detectLocale, dominantLocale, isNotChinese, localeFromFrontmatter, localeFromPath, localeFromTag } from './lib/locale.js';
export { basePreset, getRule, presetLocale, presetRules, presets, rules } from './lib/registry.js';
export { conventionNames, conventions, isConvention, presetSetting, type ConventionRules } from './lib/conventions.js';
export { changedIndices, folderOf, mirrorCounterparts, mirrorPairings, proposeMirrors, sectionsOf, type MirrorFilePair, type MirrorPairing, type Section } from './lib/mirror.js';
export { fixShape, regionOf, verifyFix, verifyFixes, type FixCandidate } from './lib/verify.js';
