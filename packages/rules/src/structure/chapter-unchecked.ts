/**
 * # chapter-unchecked
 *
 * A chapter that tongwen refused to parse, so that no other rule checked
 * it: it is larger than 32 MiB of text or has more than 2 MiB of text outside
 * fenced code, its block quotes and lists are
 * nested more than 32 levels deep, its syntax tree is more than 256 levels
 * deep, or the Markdown parser ran out of stack on it. The message names
 * the reason and the limit; the rest of the book is checked as usual.
 * An `.mdx` chapter that MDX cannot parse (an HTML comment `<!-- -->`, a
 * stray `{` or `<`) is reported once, where MDX stops, with MDX's own
 * message: the site cannot build it either.
 * These limits keep one file from ending or stalling a run: parsing costs
 * time quadratic in nesting depth, and a check costs about 0.5 GB of memory
 * per MB of dense prose.
 *
 * ```markdown
 * > > > 三层引用，没有问题    <!-- fine -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineChapterRule({
  meta: {
    id: 'chapter-unchecked',
    family: 'structure',
    scope: 'chapter',
    description: 'Chapters must stay within the parser limits so that they can be checked',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    if (!chapter.refused) return;
    const syntax = chapter.syntaxError;
    if (syntax) {
      // MDX's own message reads "Unexpected …, expected …"; the site's build stops on it too.
      report({ start: syntax.offset, end: syntax.offset, message: `${syntax.message} (MDX does not compile this chapter; the rest of it is not checked)` });
      return;
    }
    report({ start: 0, end: 0, message: `Unexpected chapter that cannot be checked: ${chapter.refused}; expected a chapter within the limits (split it, or flatten its nesting)` });
  },
});
