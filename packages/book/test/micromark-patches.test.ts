/**
 * Every corpus chapter gives the same events with micromark as patched by this repository
 * (`patches/`: subtokenize, the text resolver) as with the published code of those files
 * (`published-micromark.ts`). One walk over the corpora for all of them: each parse of a corpus
 * costs seconds. Each patch's own test file holds it on written texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { syntaxOf } from '@tongwen/book';
import { mdxCompatible } from '../src/lib/mdx.js';
import { allEvents, described, documentEvents, publishedSubtokenize, publishedTextResolvers } from './published-micromark.js';

describe.skipIf(!hasShared)('micromark as patched, on every corpus chapter', () => {
  it(`gives the events of the published code${hasShared ? '' : ` (${sharedSkipReason})`}`, async () => {
    const subtokenize = await publishedSubtokenize();
    const withPublishedText = await publishedTextResolvers();
    /** The published subtokenize and text resolvers, as micromark's postprocess runs them. */
    const published = (text: string, mdx: boolean): string[] =>
      withPublishedText(() => {
        const events = documentEvents(text, mdx);
        while (!subtokenize(events)) {
          // As micromark's postprocess does.
        }
        return described(events);
      }).result;
    let chapters = 0;
    for (const entry of readdirSync(corpusPath(), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const mdx = syntaxOf(file) === 'mdx';
      const source = readFileSync(file, 'utf8');
      const text = mdx ? mdxCompatible(source) : source;
      expect(described(allEvents(text, mdx)), file).toEqual(published(text, mdx));
      chapters++;
    }
    expect(chapters).toBeGreaterThan(1000);
  }, 600_000);
});
