/**
 * # heading-duplicate-id
 *
 * Two explicit anchors of one chapter with the same id: a custom heading id
 * (`## 安装 {#install}`, `{#install .class}`, `{/*install*\/}`) or an HTML
 * `id`/`name` (`<a id="install">`) written again further down, usually a
 * section copied and its id left as it was. The page then has two elements
 * with one id, and every link to the second goes to the first. Generated
 * anchors are not compared (site generators number repeated heading text).
 *
 * ```markdown
 * ## 安装 {#install}
 * ## 升级 {#upgrade}          <!-- fine -->
 * ## 卸载 {#install}          <!-- reported: `#install` is already on line 1 -->
 * ```
 */
import type { Range } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

interface ExplicitId {
  id: string;
  position?: Range;
  /** An HTML `id`/`name` attribute, not a heading's custom id. */
  html?: boolean;
}

export default defineChapterRule({
  meta: {
    id: 'heading-duplicate-id',
    family: 'structure',
    scope: 'chapter',
    description: 'Explicit heading and HTML ids must be unique within a chapter',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const first = new Map<string, ExplicitId>();
    for (const anchor of explicitIds(chapter.headings, chapter.anchors)) {
      const earlier = first.get(anchor.id);
      if (!earlier) {
        first.set(anchor.id, anchor);
        continue;
      }
      if (sameTag(chapter.source, earlier, anchor)) continue;
      const where = earlier.position ? `line ${earlier.position.start.line}` : 'above';
      report({
        ...(anchor.position ? { start: anchor.position.start.offset, end: anchor.position.end.offset } : {}),
        message: `Unexpected duplicate id \`#${anchor.id}\` (already on ${where}), expected a unique id`,
      });
    }
  },
});

/** Whether two HTML anchors are attributes of one tag (`<a name="x" id="x">`): only attribute text between them. */
function sameTag(source: string, earlier: ExplicitId, later: ExplicitId): boolean {
  if (!earlier.html || !later.html || !earlier.position || !later.position) return false;
  return /^[^<>]*$/.test(source.slice(earlier.position.end.offset, later.position.start.offset));
}

/** Heading custom ids and HTML anchors, in source order (those without a position last). */
function explicitIds(headings: readonly { id?: string; position?: Range }[], anchors: readonly ExplicitId[]): ExplicitId[] {
  const ids: ExplicitId[] = anchors.map((anchor) => ({ ...anchor, html: true }));
  for (const heading of headings) if (heading.id) ids.push(heading.position ? { id: heading.id, position: heading.position } : { id: heading.id });
  const at = (item: ExplicitId): number => item.position?.start.offset ?? Number.MAX_SAFE_INTEGER;
  return ids.sort((a, b) => at(a) - at(b));
}
