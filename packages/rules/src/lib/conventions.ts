/**
 * Convention presets: the `recommended` rules, with the options that follow
 * a published Chinese style guide. A convention changes how the typography
 * rules judge a book, never which problems count as defects.
 *
 * - `copywriting`: sparanoid/chinese-copywriting-guidelines — a space
 *   between Chinese and Latin or digits, full-width punctuation and
 *   parentheses in Chinese, corner quotes `「」`.
 * - `mdn-zh-cn`: the MDN zh-CN writing guide — spaces between Chinese and
 *   Latin, full-width punctuation and parentheses, curly quotes `“”`.
 * - `vue-zh-cn`: the Vue zh-CN translation guide — spaces between Chinese
 *   and Latin, and the parentheses and quotes the book already writes
 *   (`consistent`: half-width parentheses with spaces in the Vue docs).
 * - `moe-tw`: Taiwan's Ministry of Education punctuation manual (重訂標點
 *   符號手冊) — full-width punctuation, `「」` then `『』`; it sets no rule for
 *   spaces between Chinese and Latin, so `zh-spacing` is off.
 * - `autospace`: books that rely on CSS `text-autospace` — no manual space
 *   between Chinese and Latin (`zh-spacing` with `space: "never"`).
 */
import type { ConventionName } from './types.js';

/** The rule settings of a convention: options over the defaults, or `off`. */
export type ConventionRules = Readonly<Record<string, 'off' | Readonly<Record<string, unknown>>>>;

/** Every convention, by name. */
export const conventions: Readonly<Record<ConventionName, ConventionRules>> = {
  copywriting: {
    'zh-spacing': { space: 'always' },
    'zh-punctuation-width': { parentheses: 'full' },
    'zh-quotes': { style: 'corner' },
  },
  'mdn-zh-cn': {
    'zh-spacing': { space: 'always' },
    'zh-punctuation-width': { parentheses: 'full' },
    'zh-quotes': { style: 'curly' },
  },
  'vue-zh-cn': {
    'zh-spacing': { space: 'always' },
    'zh-punctuation-width': { parentheses: 'consistent' },
    'zh-quotes': { style: 'consistent' },
  },
  'moe-tw': {
    'zh-spacing': 'off',
    'zh-punctuation-width': { parentheses: 'full' },
    'zh-quotes': { style: 'corner' },
  },
  autospace: {
    'zh-spacing': { space: 'never' },
  },
};

/** The convention names. */
export const conventionNames = Object.keys(conventions) as ConventionName[];

/** Whether a preset name is a convention. */
export function isConvention(name: string): name is ConventionName {
  return Object.hasOwn(conventions, name);
}

/** What a preset says about a rule: `off`, options over its defaults, or nothing. */
export function presetSetting(preset: string, ruleId: string): ConventionRules[string] | undefined {
  return isConvention(preset) ? conventions[preset][ruleId] : undefined;
}
