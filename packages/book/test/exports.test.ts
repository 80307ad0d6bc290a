import * as book from '@tongwen/book';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(book).sort()).toEqual([
    'EditConflictError',
    'applyEdits',
    'chapterFromFacts',
    'chapterFromTree',
    'createSlugger',
    'customIdOf',
    'detectDialect',
    'dialectDefaults',
    'dialects',
    'factsOf',
    'findChapter',
    'headingCustomId',
    'headingText',
    'htmlText',
    'lineStartsOf',
    'nonOverlapping',
    'offsetAt',
    'parseChapter',
    'parseContents',
    'parseFrontmatter',
    'parseMarkdown',
    'pointAt',
    'rangeAt',
    'resolveLocal',
    'safeDecode',
    'slugOf',
    'sortEdits',
    'stripBom',
    'targetCandidates',
    'urlKind',
  ]);
});
