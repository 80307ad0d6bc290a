/**
 * micromark's text resolver, as patched by this repository (patches/micromark@4.0.3.patch): it
 * merges each run of adjacent `data` events in one pass that moves every event once. Published,
 * it spliced the array once for each run, moving every event after it: a line of `[a](` repeated
 * (no `)`, so every `[`, `]` and `(` stays data between short runs) took ~6 s for 100 K characters.
 * The patched resolver gives the events of the published one (`published-micromark.ts` rebuilds
 * the published file; its resolvers take the installed ones' place for the reference parse) on
 * written texts (every corpus chapter: `micromark-patches.test.ts`), and the work it makes grows
 * linearly with the line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '@tongwen/book';
import { allEvents, described, patchedText as patched, publishedSource, publishedTextResolvers } from './published-micromark.js';

/** Texts with runs of data of every kind: text, labels that are and are not links, references, line suffixes (written for this test). */
const texts = [
  '段落 *强调* **加粗** `代码` [链接](/a) ![图](/i.png "题")\n第二行  \n第三行\\\n末行 \t\n',
  '[a](b [a](b [a](\n\n[未定义] [x][y] [^z] ![a] ]( \\[ \\] &amp; &#x5B; a~b~~c~~\n\n[y]: /y\n',
  '# 标题 [a](\n\n> [a](b\n> 续\n\n- [a](\n- x [y](z) [a\n\n| [a]( | b |\n| - | - |\n| c | [d](e) |\n',
  'a  \r\nb\t\r\nc\\\rd 𠮷 *[a](b*) [*a](b)* <https://x.y> www.example.com a@b.co\n\n    缩进 [a](\n\n```\n[a](\n```\n',
];

/** The array elements that `Array.prototype.splice` calls move (each element from the start index on) while `run` runs. */
function splicedElements(run: () => void): number {
  const splice = Array.prototype.splice;
  let moved = 0;
  Array.prototype.splice = function (this: unknown[], ...args: [number, number]) {
    const start = args[0] < 0 ? Math.max(this.length + args[0], 0) : Math.min(args[0], this.length);
    moved += this.length - start;
    return splice.apply(this, args);
  };
  try {
    run();
  } finally {
    Array.prototype.splice = splice;
  }
  return moved;
}

describe('micromark text resolver as patched', () => {
  it('gives the events of the published code on texts with runs of data', async () => {
    const published = await publishedTextResolvers();
    for (const text of texts) {
      const { result, calls } = published(() => described(allEvents(text)));
      expect(calls, 'the published resolvers ran').toBeGreaterThan(0);
      expect(described(allEvents(text))).toEqual(result);
    }
  });

  it('takes the patch back to a different text (the patch is applied)', () => {
    expect(publishedSource(patched)).not.toBe(readFileSync(patched.installed, 'utf8'));
    expect(publishedSource(patched)).toMatch(/events\.splice\(enter \+ 2, index - enter - 2\)/);
  });

  it('moves twice the elements for a line of `[a](` twice as long (published: four times), to the same tree', async () => {
    const published = await publishedTextResolvers();
    const line = (count: number): string => '[a]('.repeat(count);
    const moved = [1000, 2000].map((count) => splicedElements(() => parseMarkdown(line(count))));
    const movedPublished = [1000, 2000].map((count) => published(() => splicedElements(() => parseMarkdown(line(count)))).result);
    expect(moved[1]! / moved[0]!).toBeCloseTo(2, 1);
    expect(movedPublished[1]! / movedPublished[0]!).toBeGreaterThan(3.5);
    expect(parseMarkdown(line(2000))).toEqual(published(() => parseMarkdown(line(2000))).result);
  });
});
