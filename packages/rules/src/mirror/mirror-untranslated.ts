/**
 * # mirror-untranslated
 *
 * Paragraphs and headings of a mirror file left in the source language:
 * English text (no Chinese, four words or more; two for a heading) that the
 * source file does not have as it is, and, in a Traditional mirror of a
 * Simplified source, paragraphs copied verbatim from the source (still in
 * Simplified). Grouped: one finding per file and kind, at the first one,
 * with the lines of the others.
 *
 * ```markdown
 * <!-- zh-cn/a.md: 安装 Hexo 只需几分钟。 -->
 * <!-- zh-tw/a.md: Installing Hexo takes only a few minutes. : reported -->
 * ```
 */
import type { Chapter } from '@tongwen/book';
import { defineMirrorRule, englishWords, hanCount, lineList, shapeOf, type MirrorAt, type Shape } from '../lib/mirror.js';
import type { RunCache } from '../lib/types.js';
import { converter } from '../script/opencc.js';

type Prose = Shape['prose'][number];

export default defineMirrorRule<{ words: number }>({
  meta: {
    id: 'mirror-untranslated',
    description: 'The paragraphs and headings of a mirror file must be translated from its source',
    severity: 'warning',
    options: {
      words: { type: 'number', default: 4, description: 'English words from which a paragraph without Chinese counts as untranslated (headings: half)' },
    },
  },
  checkPair({ pair, source, mirror, cache, options, localeOf, report }) {
    const sourceProse = shapeOf(source, cache).prose;
    const sourceTexts = new Set(sourceProse.map((block) => block.text));
    const mirrorProse = shapeOf(mirror, cache).prose;
    const english = mirrorProse.filter((block) => isEnglish(block, options.words) && !sourceTexts.has(block.text) && sourceHasChinese(sourceProse));
    group(mirror, english, `left in English`, pair.source, report);
    const traditional = localeOf(pair.mirror) !== 'zh-Hans' && localeOf(pair.source) === 'zh-Hans';
    if (!traditional) return;
    const copied = mirrorProse.filter((block) => sourceTexts.has(block.text) && isSimplified(block.text, cache));
    group(mirror, copied, 'copied in Simplified', pair.source, report);
  },
});

function isEnglish(block: Prose, words: number): boolean {
  return hanCount(block.text) === 0 && englishWords(block.text) >= (block.kind === 'heading' ? Math.max(2, Math.ceil(words / 2)) : words);
}

function sourceHasChinese(prose: readonly Prose[]): boolean {
  return prose.some((block) => hanCount(block.text) > 0);
}

/** Text with four Han characters or more that conversion to Traditional changes. */
function isSimplified(text: string, cache: RunCache): boolean {
  return hanCount(text) >= 4 && converter(cache, 's2t')(text) !== text;
}

function group(mirror: Chapter, blocks: readonly Prose[], how: string, source: string, report: (at: MirrorAt, message: string) => void): void {
  const first = blocks[0];
  if (!first) return;
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph').length;
  const headings = blocks.length - paragraphs;
  const counts = [paragraphs ? `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}` : '', headings ? `${headings} heading${headings === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  report({ start: first.start }, `Unexpected ${counts} ${how} (line ${lineList(mirror, blocks.map((block) => block.start))}), expected a translation of \`${source}\``);
}
