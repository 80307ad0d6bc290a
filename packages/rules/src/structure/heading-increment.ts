/**
 * # heading-increment
 *
 * A heading more than one level deeper than the heading before it
 * (`#` then `###`): the outline skips a level, screen readers and the
 * generated tables of contents show a hole. Headings inside a container
 * with levels of its own — a block quote (`> #### 注意`), an MDX or Vue
 * component (`<DeepDive>`, `<details>`), a `:::` container (`::: tip`) —
 * are checked only against the headings of the same container, the first
 * one at any level; the heading after the container may follow either the
 * outline or the container's last heading.
 *
 * ```markdown
 * # 镜像
 * ## 获取镜像        <!-- fine -->
 * #### 参数          <!-- reported: level 4 after level 2 -->
 *
 * <DeepDive>
 *
 * #### 深入          <!-- fine: the component's first heading -->
 *
 * </DeepDive>
 * ```
 */
import type { HeadingFact } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { conventionalJumps } from '../lib/convention.js';

/** A skipped level: the heading and the level it came after. */
export interface LevelJump {
  heading: HeadingFact;
  after: number;
}

/**
 * The level jumps of a chapter's headings: in the outline, and inside each
 * container among its own headings (see {@link HeadingFact.scope}). A
 * heading of the outline right after a container may follow the outline's
 * last level or the container's last one.
 */
export function levelJumps(headings: readonly HeadingFact[], allowed: (from: number, to: number) => boolean = () => false): LevelJump[] {
  const jumps: LevelJump[] = [];
  const lastIn = new Map<string, number>();
  let outline: number | undefined;
  let container: number | undefined;
  for (const heading of headings) {
    const depth = heading.depth;
    const skips = (from: number | undefined): boolean => from !== undefined && depth > from + 1 && !allowed(from, depth);
    if (heading.scope !== undefined) {
      const previous = lastIn.get(heading.scope);
      if (skips(previous)) jumps.push({ heading, after: previous! });
      lastIn.set(heading.scope, depth);
      container = depth;
      continue;
    }
    if (skips(outline) && (container === undefined || skips(container))) jumps.push({ heading, after: outline! });
    outline = depth;
    container = undefined;
  }
  return jumps;
}

export default defineChapterRule<{ consistent: boolean }>({
  meta: {
    id: 'heading-increment',
    family: 'structure',
    scope: 'chapter',
    description: 'Heading levels must go up one at a time',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      consistent: {
        type: 'boolean',
        default: true,
        description: 'Follow the book: a level jump that most chapters make (`####` under `##` in at least half of them, three at least) is its convention and is not reported',
      },
    },
  },
  check({ chapter, book, options, cache, report }) {
    // The book's convention is read only for a chapter that jumps (allowing jumps only removes some): a chapter pass needs no other chapter otherwise.
    if (levelJumps(chapter.headings).length === 0) return;
    const conventional = options.consistent ? conventionalJumps(book, cache) : new Set<string>();
    for (const { heading, after } of levelJumps(chapter.headings, (from, to) => conventional.has(`${from}>${to}`))) {
      report({
        ...(heading.position ? { start: heading.position.start.offset, end: heading.position.end.offset } : {}),
        message: `Unexpected heading level ${heading.depth} after level ${after}, expected level ${after + 1} at most`,
      });
    }
  },
});
