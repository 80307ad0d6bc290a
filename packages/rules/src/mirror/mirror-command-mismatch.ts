/**
 * # mirror-command-mismatch
 *
 * An inline command or signature of a mirror file (inline code with a space,
 * a parenthesis or a `{{…}}` placeholder) that its source file does not
 * have: a stale option, a changed signature, a typo such as `–m` for `-m`.
 * Compared as skeletons: tldr placeholders `{{…}}` are emptied and CJK
 * text is masked, since both are translated.
 *
 * ```markdown
 * <!-- zh-hans/git.md: `git commit -m {{消息}}` -->
 * <!-- zh-tw/git.md:   `git commit –m {{訊息}}` : reported -->
 * ```
 */
import { inlineCode } from '../lib/format.js';
import { commandSkeleton, defineMirrorRule, shapeOf } from '../lib/mirror.js';
import { nearest } from '../lib/nearest.js';

/** Inline code that reads as a command or a signature, not a single name. */
const commandLike = (value: string): boolean => /\S\s+\S|\(|\{\{/.test(value.trim());

export default defineMirrorRule({
  meta: {
    id: 'mirror-command-mismatch',
    description: 'The inline commands and signatures of a mirror file must be those of its source',
    severity: 'error',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const left = new Map<string, number>();
    const original = new Map<string, string>();
    for (const command of shapeOf(source, cache).commands) {
      const skeleton = commandSkeleton(command.value);
      left.set(skeleton, (left.get(skeleton) ?? 0) + 1);
      if (!original.has(skeleton)) original.set(skeleton, command.value);
    }
    const known = [...left.keys()];
    const sourceAll = new Set(known);
    for (const command of shapeOf(mirror, cache).commands) {
      const skeleton = commandSkeleton(command.value);
      const count = left.get(skeleton) ?? 0;
      if (count > 0) {
        left.set(skeleton, count - 1);
        continue;
      }
      if (!commandLike(command.value) || sourceAll.has(skeleton)) continue;
      const near = nearest(skeleton, known);
      if (!near) continue;
      report({ start: command.start, end: command.end }, `Unexpected command ${inlineCode(command.value)}, expected ${inlineCode(original.get(near) ?? near)} as in \`${pair.source}\``);
    }
  },
});
