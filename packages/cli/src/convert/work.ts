import { parseChapter, type SlugFlavour } from '@tongwen/book';
import { createConverters, finishPlan, parseGlossary, planChapter, quoteConverter, thenConvert, type ChapterConversion, type ChapterPlan, type CodeMode, type Converters, type OpenccConfig, type QuoteStyle, type TextConverter } from '@tongwen/convert';

/** What every conversion of a run shares (sent once to each worker). */
export interface WorkOptions {
  config: OpenccConfig;
  /** The glossary file's text, parsed again in each worker. */
  glossary?: { text: string; format?: 'json' | 'text' };
  slug: SlugFlavour;
  /** Rewrite quotation marks of prose into this style; absent: keep them. */
  quotes?: QuoteStyle;
  /** Chinese in code converted (`--code`); absent: none. */
  code?: CodeMode;
  /** Make the review list of each chapter (`--review`). */
  review?: boolean;
}

/** One chapter to convert. */
export interface WorkItem {
  path: string;
  /** Source text (may start with a BOM). */
  source: string;
}

/** The converters of a run's options (glossary included): built on the first call, then shared. */
function lazyConverters(options: WorkOptions): () => Promise<Converters> {
  let converters: Promise<Converters> | undefined;
  return () => (converters ??= createConverters(options.glossary ? { glossary: parseGlossary(options.glossary.text, options.glossary.format ? { format: options.glossary.format } : {}) } : {}));
}

/** The text converter of a run's options: the configuration's, then its quotation marks. */
async function textConverter(converters: Promise<Converters>, options: WorkOptions): Promise<TextConverter> {
  const text = (await converters).get(options.config);
  const quotes = options.quotes ? quoteConverter(options.quotes) : undefined;
  return quotes ? thenConvert(text, quotes) : text;
}

/** The text converter of a run's options, built on the first call (the engine thread's, see `engine-thread.ts`); `converters`: shared with the caller. */
export function createTextConverter(options: WorkOptions, converters = lazyConverters(options)): () => Promise<TextConverter> {
  let convert: Promise<TextConverter> | undefined;
  return () => (convert ??= textConverter(converters(), options));
}

/**
 * Parse a chapter and plan its conversion (see `planChapter`). A chapter the
 * parser refuses (see `limits.ts` of @tongwen/book) is an error naming why,
 * never an unconverted copy passed off as converted.
 */
export function planItem(item: WorkItem, options: WorkOptions, prose: boolean): ChapterPlan {
  const chapter = parseChapter(item.path, item.source, { slug: options.slug });
  // A chapter beyond the parser's limits has an empty tree: converting it would silently change nothing.
  if (chapter.refused) throw new Error(`${chapter.refused}; expected a chapter within the limits (split it, or flatten its nesting)`);
  return planChapter(chapter, { slug: options.slug, ...(options.code ? { code: options.code } : {}), prose });
}

/**
 * The converter of one run or one worker: built lazily on the first item.
 * A chapter the parser refuses (see `limits.ts` of @tongwen/book) is an
 * error naming why, never an unconverted copy passed off as converted.
 */
export function createWorker(options: WorkOptions): (item: WorkItem) => Promise<ChapterConversion> {
  const converters = lazyConverters(options);
  const convert = createTextConverter(options, converters);
  return async (item) => {
    const text = await convert();
    const plan = planItem(item, options, text.forDocument !== undefined);
    const all = await converters();
    return finishPlan(plan, text, options.review ? (value: string) => all.review(options.config, value) : undefined);
  };
}
