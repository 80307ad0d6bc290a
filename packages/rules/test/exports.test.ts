import * as rules from '@tongwen/rules';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(rules).sort()).toEqual([
    'createRunCache',
    'defineBookRule',
    'defineChapterRule',
    'detectLocale',
    'distance',
    'docsPath',
    'everyPreset',
    'getRule',
    'inlineCode',
    'isBookRule',
    'localeFromFrontmatter',
    'localeFromPath',
    'localeFromTag',
    'locales',
    'nearest',
    'optionDefaults',
    'optionSchema',
    'optionsSchema',
    'optionsSection',
    'plugins',
    'presetLocale',
    'presetRules',
    'presets',
    'repositoryPath',
    'rules',
    'toLintPlugin',
    'validateOptions',
    'withOptionsSection',
    'writtenOptionsSection',
  ]);
});
