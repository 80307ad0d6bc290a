/**
 * micromark's tokenizer for one set of syntax extensions, built once and
 * used for every document. `parse(options)` of micromark combines the
 * extensions with the CommonMark constructs on every call (the
 * `combineExtensions` walk, then the whole parser's code warmed again); the
 * combined constructs do not change between documents, so they are combined
 * once here.
 *
 * What does change is the parser's per-document state: the identifiers of
 * the definitions seen so far (`defined`, read by references), the lazy
 * lines (`lazy`), and whatever an extension keeps on the parser
 * (`gfmFootnotes` of GFM footnotes, `definedModuleSpecifiers` of MDX ESM).
 * The tokenizers micromark creates close over the parser object itself, so
 * the state is reset on that object before each document: `defined` and
 * `lazy` empty again, every other key that was not there when the parser was
 * built removed. A document never sees what an earlier one defined (tested:
 * parsing A then B gives B's tree alone).
 */
import { parse, postprocess, preprocess } from 'micromark';
import type { Event, Extension, ParseContext } from 'micromark-util-types';

/** Text to micromark's events (with sub-tokenized content) for one set of extensions. */
export type EventsOf = (text: string) => Event[];

/** A tokenizer for `extensions`: each call reads one whole document from a fresh state. */
export function createEventsOf(extensions: Extension[]): EventsOf {
  const parser = parse({ extensions });
  const builtKeys = new Set(Object.keys(parser));
  return (text) => {
    resetDocumentState(parser, builtKeys);
    return postprocess(parser.document().write(preprocess()(text, undefined, true)));
  };
}

/** The parser as it was built: nothing of the previous document left on it. */
function resetDocumentState(parser: ParseContext, builtKeys: ReadonlySet<string>): void {
  parser.defined = [];
  parser.lazy = {};
  for (const key of Object.keys(parser)) {
    if (!builtKeys.has(key)) delete (parser as unknown as Record<string, unknown>)[key];
  }
}
