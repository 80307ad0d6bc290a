import * as book from '@tongwen/book';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(book).sort()).toEqual([
    'EditConflictError',
    'applyEdits',
    'chapterFromFacts',
    'chapterFromTree',
    'createSlugger',
    'factsOf',
    'findChapter',
    'lineStartsOf',
    'locales',
    'nonOverlapping',
    'offsetAt',
    'parseChapter',
    'parseContents',
    'parseFrontmatter',
    'parseLocale',
    'parseMarkdown',
    'pointAt',
    'rangeAt',
    'resolveLocal',
    'safeDecode',
    'slugFlavours',
    'slugOf',
    'sortEdits',
    'stripBom',
    'targetCandidates',
    'urlKind',
  ]);
});
