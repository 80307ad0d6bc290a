/**
 * # definition-unused
 *
 * A link reference definition (`[label]: url`) that no `[text][label]`,
 * `[label][]` or `[label]` of the chapter uses: dead weight, or a sign that
 * the reference meant to use it is misspelled. The comment idiom
 * `[//]: # (note)` / `[comment]: <> (note)` is not a definition to use.
 *
 * ```markdown
 * 见[官网][docker]。
 *
 * [docker]: https://www.docker.com      <!-- fine: used -->
 * [compose]: https://docs.docker.com    <!-- reported: never used -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineChapterRule({
  meta: {
    id: 'definition-unused',
    family: 'structure',
    scope: 'chapter',
    description: 'Link reference definitions must be used',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const used = new Set(chapter.references.map((reference) => reference.identifier));
    const seen = new Set<string>();
    for (const link of chapter.links) {
      if (link.kind !== 'definition' || link.identifier === undefined) continue;
      // The comment idiom `[//]: # (note)`, `[comment]: <> (note)`: a definition nobody means to use.
      if (link.identifier === '//' || link.url === '#' || link.url === '') continue;
      if (seen.has(link.identifier)) continue;
      seen.add(link.identifier);
      if (used.has(link.identifier)) continue;
      const position = link.position;
      const label = position ? /^\s*\[((?:\\.|[^\]\\])*)\]/.exec(chapter.source.slice(position.start.offset, position.end.offset))?.[1] : undefined;
      report({
        ...(position ? { start: position.start.offset, end: position.end.offset } : {}),
        message: `Unexpected unused definition \`[${label ?? link.identifier}]\`, expected a reference to it or no definition`,
      });
    }
  },
});
