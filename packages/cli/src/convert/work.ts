import { parseChapter, type SlugFlavour } from '@tongwen/book';
import { convertChapter, createConverters, parseGlossary, quoteConverter, thenConvert, type ChapterConversion, type CodeMode, type Converters, type OpenccConfig, type QuoteStyle } from '@tongwen/convert';

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

/**
 * The converter of one run or one worker: built lazily on the first item.
 * A chapter the parser refuses (see `limits.ts` of @tongwen/book) is an
 * error naming why, never an unconverted copy passed off as converted.
 */
export function createWorker(options: WorkOptions): (item: WorkItem) => Promise<ChapterConversion> {
  let converters: Promise<Converters> | undefined;
  return async (item) => {
    converters ??= createConverters(options.glossary ? { glossary: parseGlossary(options.glossary.text, options.glossary.format ? { format: options.glossary.format } : {}) } : {});
    const text = (await converters).get(options.config);
    const quotes = options.quotes ? quoteConverter(options.quotes) : undefined;
    const convert = quotes ? thenConvert(text, quotes) : text;
    const chapter = parseChapter(item.path, item.source, { slug: options.slug });
    // A chapter beyond the parser's limits has an empty tree: converting it would silently change nothing.
    if (chapter.refused) throw new Error(`${chapter.refused}; expected a chapter within the limits (split it, or flatten its nesting)`);
    const all = await converters;
    const review = options.review ? (value: string) => all.review(options.config, value) : undefined;
    return convertChapter(chapter, { convert, slug: options.slug, ...(options.code ? { code: options.code } : {}), ...(review ? { review } : {}) });
  };
}
