/**
 * # mirror-prose-ratio
 *
 * A mirror file whose prose is much shorter or longer than its source
 * file's: untranslated or dropped sections, or a source that grew since.
 * Prose size counts Han characters plus English words (outside code); a
 * file is reported when the mirror's size divided by the source's is
 * outside [`min`, `max`] and the source has at least `minSize` of prose.
 *
 * ```markdown
 * <!-- zh-cn/a.md: 400 characters of prose; zh-tw/a.md: 200: reported -->
 * ```
 */
import { defineMirrorRule, proseSize } from '../lib/mirror.js';

export default defineMirrorRule<{ min: number; max: number; minSize: number }>({
  meta: {
    id: 'mirror-prose-ratio',
    description: 'A mirror file must have about as much prose as its source',
    severity: 'warning',
    options: {
      min: { type: 'number', default: 0.75, description: 'Smallest mirror-to-source prose ratio' },
      max: { type: 'number', default: 1.5, description: 'Largest mirror-to-source prose ratio' },
      minSize: { type: 'number', default: 100, description: 'Prose size of the source under which a file is not compared' },
    },
  },
  checkPair({ pair, source, mirror, cache, options, report }) {
    const want = proseSize(source, cache);
    const have = proseSize(mirror, cache);
    if (want < options.minSize) return;
    const ratio = have / want;
    if (ratio >= options.min && ratio <= options.max) return;
    const percent = Math.round(ratio * 100);
    report({ start: 0 }, `Unexpected prose size ${have} (${percent} % of the source), expected ${Math.ceil(want * options.min)} to ${Math.floor(want * options.max)} as \`${pair.source}\` has ${want}`);
  },
});
