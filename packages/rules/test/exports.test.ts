import * as rules from '@tongwen/rules';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(rules).sort()).toEqual([
    'changedIndices',
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
    'mirrorPairings',
    'nearest',
    'optionDefaults',
    'presetLocale',
    'presetRules',
    'presets',
    'proposeMirrors',
    'repositoryPath',
    'rules',
    'sectionsOf',
    'toLintPlugin',
    'validateOptions',
  ]);
});
