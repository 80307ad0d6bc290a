export type {
  AnchorFact,
  Book,
  Chapter,
  Contents,
  ContentsEntry,
  ContentsGrammar,
  ContentsProblem,
  Edit,
  Finding,
  FindingCause,
  HeadingFact,
  LinkFact,
  LinkKind,
  LoadProblem,
  Point,
  Range,
  ReferenceFact,
  Severity,
  SlugFlavour,
} from './lib/types.js';
export { applyEdits, EditConflictError, editsOverlap, nonOverlapping, sortEdits } from './lib/edits.js';
export { lineStartsOf, offsetAt, pointAt, rangeAt } from './lib/position.js';
export { detectDialect, dialectDefaults, dialects, type Dialect, type DialectDefaults } from './lib/dialect.js';
export { customIdOf, headingCustomId, headingText, htmlText, type CustomId } from './lib/heading.js';
export { createSlugger, slugOf, type Slugger } from './lib/slug.js';
export { chapterFromFacts, chapterFromTree, factsOf, parseChapter, parseFrontmatter, parseGuarded, parseMarkdown, stripBom, type ChapterFacts, type GuardedTree, type ParseOptions } from './lib/parse.js';
export { contentsListsOf, isContentsList } from './lib/contents-lists.js';
export { chapterOnDemand } from './lib/on-demand.js';
export { syntaxOf, type ChapterSyntax, type SyntaxProblem } from './lib/mdx.js';
export { headingScopes } from './lib/scope.js';
export { defaultLimits, inputProblem, maxNesting, treeDepth, type ParseLimits } from './lib/limits.js';
export { walk } from './lib/walk.js';
export {
  parseContents,
  type ParseContentsOptions,
} from './lib/contents.js';
export { findChapter, resolveLocal, safeDecode, targetCandidates, urlKind, type LocalTarget, type TargetOptions, type UrlKind } from './lib/target.js';
export { localeSegment, siteCandidates, type SiteOptions } from './lib/site.js';
export { localeEditions, locales, parseLocale, slugFlavours, type EditionPair, type Locale } from './lib/locale.js';
