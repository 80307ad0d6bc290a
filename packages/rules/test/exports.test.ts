import * as rules from '@tongwen/rules';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(rules).sort()).toEqual([
    'basePreset',
    'conventionNames',
    'conventions',
    'createRunCache',
    'defineBookRule',
    'defineChapterRule',
    'detectLocale',
    'distance',
    'docsPath',
    'dominantLocale',
    'everyPreset',
    'getRule',
    'inlineCode',
    'isBookRule',
    'isConvention',
    'isNotChinese',
    'localeFromFrontmatter',
    'localeFromPath',
    'localeFromTag',
    'locales',
    'nearest',
    'optionDefaults',
    'presetLocale',
    'presetRules',
    'presetSetting',
    'presets',
    'repositoryPath',
    'rules',
    'toLintPlugin',
    'validateOptions',
  ]);
});
