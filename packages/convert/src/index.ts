export { configFor, defaultProfile, hasDocumentMode, localesOf, locales, openccConfigs, parseLocale, profiles, UnsupportedDirectionError, type Direction, type Locale, type OpenccConfig, type Profile } from './lib/profiles.js';
export { Converters, createConverters, createConvertersSync, type ConvertersOptions, type TextConverter } from './lib/engine.js';
export type { Segmenter } from './lib/segmenter.js';
export { thenConvert } from './lib/script.js';
export { reviewMessage, type ReviewItem } from './lib/review.js';
export { GlossaryError, glossaryPairs, parseGlossary, type Glossary, type GlossaryEntry, type ParseGlossaryOptions } from './lib/glossary.js';
export {
  anchorMaps,
  convertBook,
  convertChapter,
  convertMarkdown,
  defaultFrontmatterKeys,
  finishChapter,
  finishPlan,
  fragmentEdits,
  fragmentTargets,
  fragmentRefs,
  planChapter,
  planTexts,
  type ChapterConversion,
  type ChapterPlan,
  type PlanOptions,
  type ConvertChapterOptions,
  type ConvertMarkdownOptions,
  type FragmentRef,
} from './lib/markdown.js';
export { linkCandidates, linkedChapter, type LinkRef, type LinkTargets } from './lib/link-targets.js';
export { codeModes, commentSyntax, type CodeMode, type CommentSyntax } from './lib/code.js';
export { defaultQuoteStyle, quoteConverter, type QuoteStyle } from './lib/quotes.js';
export { createSegmenter, toWords, wordsAround, type WordSegmenter, type Word } from './lib/words.js';
export { anchorsAfter, anchorsKey, finishQueue, followingAnchors, planConversion, type FinishQueue, type ManifestEntry, type PlanInput, type PlanMode, type PlanSource, type PlanStep } from './lib/plan.js';
