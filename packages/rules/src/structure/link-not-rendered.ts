/**
 * # link-not-rendered
 *
 * Text written as a link that CommonMark leaves as plain text, because the
 * target contains a space or a line break (`[镜像创建](../image/create.md#利用 Dockerfile 来创建镜像)`):
 * readers see the brackets and the path instead of a link, and no link
 * check ever sees it. Detected in the text of the parsed tree (never in
 * code), only where the target looks like a path, a URL or an anchor.
 * Fixable when it is safe: the target is wrapped in `<…>` (which allows
 * spaces), and the fix is kept only if the line then parses as a link.
 *
 * The same for a link whose `](` was typed apart: a space between `]` and
 * `(` (`[官方文档] (https://docs.docker.com)`), or parentheses typed
 * full-width by a Chinese input method (`[官方文档]（https://docs.docker.com）`).
 * Fixable: the gap is closed and the parentheses made half-width.
 *
 * ```markdown
 * 见[镜像创建](../image/create.md#利用-dockerfile-来创建镜像)。   <!-- fine -->
 * 见[镜像创建](<../image/create.md#利用 Dockerfile 来创建镜像>)。 <!-- fine: a link -->
 * 见[镜像创建](../image/create.md#利用 Dockerfile 来创建镜像)。   <!-- reported; fixed with <…> -->
 * ```
 */
import { parseMarkdown } from '@tongwen/book';
import type { Nodes, Text } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { inlineCode } from '../lib/format.js';
import { everyPreset } from '../lib/types.js';
import { offsetsOf, walk } from '../lib/walk.js';

/** `[text](target)` whose target has whitespace in it (so it is not a link destination) and is not `<…>`. */
const brokenLink = /(!?)\[([^\[\]\n]+)\]\(([^()<>\s"']*\s[^()<>"']*?)\)/g;
/**
 * `[text]` then a target in parentheses that do not make a link: a space or
 * tab before `(`, or a full-width `（` or `）`. The target holds no space.
 */
const apartLink = /(!?)\[([^\[\]\n]+)\]([ \t]*)([（(])([^()（）\s]+)([)）])/g;
/** A target that looks like a path, URL or anchor, not prose in parentheses. */
const looksLikeTarget = /^(?:[a-z][a-z\d+.-]*:|\.{0,2}\/|#|[^\s/]+\/|[^\s]*\.(?:md|markdown|html?|png|jpe?g|gif|svg|webp)(?:[#?\s]|$)|[^\s]+#)|\.(?:md|markdown|html?|png|jpe?g|gif|svg|webp)$/i;

export default defineChapterRule({
  meta: {
    id: 'link-not-rendered',
    family: 'structure',
    scope: 'chapter',
    description: 'Links must be written so that they render (no bare spaces in the target)',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['link'],
  },
  check({ chapter, report }) {
    const source = chapter.source;
    const check = (node: Text): void => {
      const offsets = offsetsOf(node);
      if (!offsets) return;
      const { start, end } = offsets;
      const text = source.slice(start, end);
      if (!text.includes('](')) return;
      for (const match of text.matchAll(brokenLink)) {
        const at = start + match.index!;
        if (source[at - 1] === '\\') continue;
        const target = match[3]!;
        if (!looksLikeTarget.test(target.trim())) continue;
        const written = match[0];
        const targetStart = at + written.length - 1 - target.length;
        const fix = [{ start: targetStart, end: targetStart, text: '<' }, { start: targetStart + target.length, end: targetStart + target.length, text: '>' }];
        report({
          start: at,
          end: at + written.length,
          message: `Unexpected ${match[1] ? 'image' : 'link'} ${inlineCode(written)} left as text: its target has a space, expected the target in \`<…>\` (or spaces written as \`%20\`)`,
          ...(rendersAsLink(written, fix.map((edit) => ({ ...edit, start: edit.start - at, end: edit.end - at }))) ? { fix } : {}),
        });
      }
    };
    // Links typed apart: read in the source of each block, since a URL target is an autolink of its own in the tree.
    const checkApart = (block: Nodes): void => {
      const offsets = offsetsOf(block);
      if (!offsets) return;
      const text = source.slice(offsets.start, offsets.end);
      if (!text.includes(']')) return;
      // Where the block has plain text: `[` and `]` must be in it (not in code, HTML, a link or a reference).
      const plain: Array<[number, number]> = [];
      walk(block, (node) => {
        if (node.type === 'text') {
          const at = offsetsOf(node);
          if (at) plain.push([at.start, at.end]);
          return false;
        }
        return node.type !== 'inlineCode' && node.type !== 'html' && node.type !== 'link' && node.type !== 'linkReference' && node.type !== 'imageReference';
      });
      const inPlain = (offset: number): boolean => plain.some(([start, end]) => offset >= start && offset < end);
      for (const match of text.matchAll(apartLink)) {
        const [written, bang, , gap, open, target, close] = match as unknown as [string, string, string, string, string, string, string];
        if (!gap && open === '(' && close === ')') continue;
        const at = offsets.start + match.index!;
        const closeAt = at + written.length - 1;
        const openAt = closeAt - target.length - 1;
        const bracketAt = openAt - gap.length - 1;
        if (source[at - 1] === '\\' || !inPlain(at + bang.length) || !inPlain(bracketAt)) continue;
        if (!looksLikeTarget.test(target)) continue;
        const fix = [
          ...(gap || open !== '(' ? [{ start: bracketAt + 1, end: openAt + 1, text: '(' }] : []),
          ...(close !== ')' ? [{ start: closeAt, end: closeAt + 1, text: ')' }] : []),
        ];
        const what = gap ? `a space between \`]\` and \`(\`` : 'full-width parentheses around its target';
        report({
          start: at,
          end: at + written.length,
          message: `Unexpected ${bang ? 'image' : 'link'} ${inlineCode(written)} left as text: ${what}, expected \`](…)\``,
          ...(rendersAsLink(written, fix.map((edit) => ({ ...edit, start: edit.start - at, end: edit.end - at }))) ? { fix } : {}),
        });
      }
    };
    walk(chapter.tree, (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') checkApart(node);
      if (node.type === 'text') {
        check(node);
        return false;
      }
      return node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html' && node.type !== 'link' && node.type !== 'linkReference';
    });
  },
});

/** Whether the fixed text parses to a link or image: the proof the fix works. */
function rendersAsLink(written: string, edits: Array<{ start: number; end: number; text: string }>): boolean {
  let fixed = written;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
  const tree = parseMarkdown(fixed);
  const first = tree.children[0];
  return first?.type === 'paragraph' && first.children.length === 1 && (first.children[0]!.type === 'link' || first.children[0]!.type === 'image');
}
