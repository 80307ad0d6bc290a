/**
 * # mirror-paragraphs
 *
 * A section of a mirror file with another number of paragraphs than the
 * same section of its source: a note, a caveat or an explanation added or
 * dropped on one side only (the source is sometimes the stale side), which
 * the prose size of a whole file hides. Sections are compared by position
 * when both files have the same heading levels (else
 * `mirror-heading-structure` reports); paragraphs in lists (see
 * `mirror-list-items`) and paragraphs without prose (only inline code,
 * images or HTML) are not counted.
 *
 * ```markdown
 * <!-- zh-hans/a.md: ## 安装 / 第一段。 / 第二段。 -->
 * <!-- zh-tw/a.md:   ## 安裝 / 第一段。           : reported -->
 * ```
 */
import { defineMirrorRule, shapeOf, type Shape } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-paragraphs',
    description: 'The sections of a mirror file must have the paragraphs of its source',
    severity: 'warning',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const want = shapeOf(source, cache);
    const have = shapeOf(mirror, cache);
    if (!sameOutline(want, have)) return;
    const wanted = paragraphsBySection(want);
    paragraphsBySection(have).forEach((count, i) => {
      const original = wanted[i]!;
      if (count === original) return;
      const heading = i === 0 ? undefined : have.headings[i - 1];
      const sourceHeading = i === 0 ? undefined : want.headings[i - 1];
      const where = heading ? `section \`${heading.text}\`` : 'the text before the first heading';
      report({ start: heading?.start ?? 0, ...(sourceHeading ? { sourceAt: sourceHeading.start } : {}) }, `Unexpected ${count} paragraphs in ${where}, expected ${original} as in \`${pair.source}\``);
    });
  },
});

/** Whether two files have the same headings, level by level. */
function sameOutline(a: Shape, b: Shape): boolean {
  return a.headings.length === b.headings.length && a.headings.every((heading, i) => heading.depth === b.headings[i]!.depth);
}

/** The number of prose paragraphs outside lists in each section (index 0: before the first heading). */
function paragraphsBySection(shape: Shape): number[] {
  const counts = new Array<number>(shape.headings.length + 1).fill(0);
  let section = 0;
  // Blocks and lists are in document order: a list that started before a paragraph holds it when it ends after it.
  let list = 0;
  let listsEnd = -1;
  for (const block of shape.prose) {
    for (; list < shape.lists.length && shape.lists[list]!.start <= block.start; list++) listsEnd = Math.max(listsEnd, shape.lists[list]!.end);
    if (block.kind === 'heading') section++;
    else if (block.text !== '' && block.end > listsEnd) counts[section]!++;
  }
  return counts;
}
