/**
 * # mirror-link-target
 *
 * A link or image of a mirror file whose target the source file does not
 * have, once locale path segments are normalised (`zh-cn`, `zh-tw`,
 * `zh_TW`, `pages.zh` all read `{locale}`) and fragments dropped (the
 * mirror's own anchors are checked by `link-missing-anchor`). Reported only
 * when the source has a link close to it: a mirror that links the English
 * site where the source links the Chinese one, a stale URL, a wrong image.
 *
 * ```markdown
 * <!-- zh-cn/a.md: [文档](/zh-cn/docs/) -->
 * <!-- zh-tw/a.md: [文件](/docs/)       : reported -->
 * ```
 */
import { urlKind } from '@tongwen/book';
import { inlineCode } from '../lib/format.js';
import { defineMirrorRule, normaliseTarget, shapeOf } from '../lib/mirror.js';
import { nearest } from '../lib/nearest.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-link-target',
    description: 'The link and image targets of a mirror file must be those of its source, but for locale path segments',
    severity: 'warning',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const targets = new Map<string, string>();
    for (const link of shapeOf(source, cache).links) {
      const target = normaliseTarget(link.url);
      if (target && !targets.has(target)) targets.set(target, link.url);
    }
    for (const link of shapeOf(mirror, cache).links) {
      const target = normaliseTarget(link.url);
      if (!target || targets.has(target) || urlKind(link.url) === 'fragment' || urlKind(link.url) === 'empty') continue;
      const near = nearest(target, targets.keys());
      if (!near) continue;
      const what = link.image ? 'image' : 'link';
      report({ start: link.start, end: link.end }, `Unexpected ${what} target ${inlineCode(link.url)}, expected ${inlineCode(targets.get(near)!)} as in \`${pair.source}\``);
    }
  },
});
