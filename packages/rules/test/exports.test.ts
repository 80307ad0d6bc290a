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
    'fixShape',
    'getRule',
    'inlineCode',
    'isBookRule',
    'localeFromFrontmatter',
    'localeFromPath',
    'localeFromTag',
    'locales',
    'nearest',
    'optionDefaults',
    'presetLocale',
    'presetRules',
    'presets',
    'regionOf',
    'repositoryPath',
    'rules',
    'toLintPlugin',
    'validateOptions',
    'verifyFix',
    'verifyFixes',
  ]);
});
