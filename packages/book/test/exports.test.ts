import * as book from '@tongwen/book';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(book).sort()).toEqual([
    'EditConflictError',
    'applyEdits',
    'chapterFromFacts',
    'chapterFromTree',
    'createSlugger',
    'defaultLimits',
    'factsOf',
    'findChapter',
    'findContentsFile',
    'inputProblem',
    'lineStartsOf',
    'maxNesting',
    'nonOverlapping',
    'offsetAt',
    'parseChapter',
    'parseContents',
    'parseFrontmatter',
    'parseGuarded',
    'parseMarkdown',
    'pointAt',
    'rangeAt',
    'resolveLocal',
    'safeDecode',
    'slugOf',
    'sortEdits',
    'stripBom',
    'targetCandidates',
    'treeDepth',
    'urlKind',
  ]);
});
