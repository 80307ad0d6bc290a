/**
 * # mirror-code-mismatch
 *
 * A code block of a mirror file that differs from the source's block at the
 * same position, or a different number of code blocks. Blocks are compared
 * raw, then with CJK text masked, then with comments removed, and a text
 * block (`text`, `plain` or no language) with its natural language masked
 * (runs of CJK, or of two English words or more: notes that a translation
 * words again or leaves in English; a single word stays, it may be a name).
 * Only a difference that survives them all is reported (translated comments,
 * strings and notes are fine), such as a stale API signature or broken code.
 *
 * ```markdown
 * <!-- zh-hans/a.md: ```js url_for(path, [option]) ``` -->
 * <!-- zh-tw/a.md:   ```js url_for(path) ```           : reported -->
 * ```
 */
import { inlineCode } from '../lib/format.js';
import { codeDifference, defineMirrorRule, maskCjk, shapeOf, stripComments } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-code-mismatch',
    description: 'The code blocks of a mirror file must be those of its source, but for comments and CJK text',
    severity: 'error',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const want = shapeOf(source, cache).code;
    const have = shapeOf(mirror, cache).code;
    if (want.length !== have.length) {
      const at = have[Math.min(want.length, have.length)] ?? have[have.length - 1];
      report({ start: at?.start ?? 0 }, `Unexpected ${have.length} code blocks, expected ${want.length} as in \`${pair.source}\``);
      return;
    }
    have.forEach((block, i) => {
      const original = want[i]!;
      if (codeDifference(original.value, block.value, block.lang || original.lang) !== 'code') return;
      const [found, expected] = firstDifference(stripComments(original.value, original.lang), stripComments(block.value, block.lang));
      report({ start: block.start, sourceAt: original.start }, `Unexpected code ${inlineCode(found)} in code block ${i + 1}, expected ${inlineCode(expected)} as in \`${pair.source}\``);
    });
  },
});

/** The first differing lines: `[mirror line, source line]` (trimmed, shortened). */
function firstDifference(source: string, mirror: string): [string, string] {
  const a = source.split('\n');
  const b = mirror.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && maskCjk(a[i]!) === maskCjk(b[i]!)) i++;
  const cut = (line: string | undefined): string => {
    const text = (line ?? '').trim() || '(nothing)';
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  return [cut(b[i]), cut(a[i])];
}
