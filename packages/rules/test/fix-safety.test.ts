/**
 * `--fix` with the typography and script rules on copies of both Docker
 * books (in memory): every fixed file parses to the same tree shape (text
 * values aside), code, inline code, URLs and HTML stay byte-identical, every
 * emphasis and link is still there, and a second fix changes nothing.
 */
import { parseMarkdown, type Book } from '@tongwen/book';
import { fixBook, loadBook, type ActiveRule } from '@tongwen/linter';
import { getRule, optionDefaults, type Settings } from '@tongwen/rules';
import { corpusPath, hasShared } from '@tongwen/test-utils';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';

/** The fixable rules of the typography and script families. */
export const fixableIds = ['zh-spacing', 'zh-punctuation-width', 'zh-space-around-fullwidth', 'zh-quotes', 'zh-ellipsis-dash', 'proper-noun-case', 'zh-script-mixed', 'zh-misconversion'];

/** Everything a fix must keep: node types and nesting, code, inline code, HTML and URL bytes. */
function skeleton(node: Nodes, out: string[] = []): string[] {
  const type = node.type;
  if (type === 'text') return out;
  let entry = type;
  if (type === 'code' || type === 'inlineCode' || type === 'html' || (type as string) === 'math' || (type as string) === 'inlineMath') entry += ` ${JSON.stringify((node as { value: string }).value)}`;
  if (type === 'link' || type === 'image' || type === 'definition') entry += ` ${JSON.stringify((node as { url: string }).url)}`;
  out.push(entry);
  if ('children' in node) {
    out.push('[');
    for (const child of node.children as Nodes[]) skeleton(child, out);
    out.push(']');
  }
  return out;
}

function count(node: Nodes, type: string): number {
  let n = node.type === type ? 1 : 0;
  if ('children' in node) for (const child of node.children as Nodes[]) n += count(child, type);
  return n;
}

/** Fix a book in memory; returns what changed, per rule, and the original sources. */
export function fixCopy(root: string, ids = fixableIds): { book: Book; before: Map<string, string>; fixed: Record<string, number>; changed: Map<string, string>; again: number } {
  const book = loadBook({ root } as never);
  const before = new Map([...book.chapters].map(([path, chapter]) => [path, chapter.source]));
  const rules: ActiveRule[] = ids.map((id) => ({ rule: getRule(id)!, severity: 'warning', options: optionDefaults(getRule(id)!.meta) }));
  const settings: Settings = { slug: 'github', ignore: [] };
  const result = fixBook(book, { rules, settings });
  const again = fixBook(book, { rules, settings });
  return { book, before, fixed: result.fixed, changed: result.changed, again: again.changed.size };
}

describe.skipIf(!hasShared)('fixing the Docker books is safe and idempotent', () => {
  for (const name of ['docker_practice-2018', 'docker_practice-2026']) {
    it(name, () => {
      const { book, before, fixed, changed, again } = fixCopy(corpusPath(name));
      expect(changed.size).toBeGreaterThan(0);
      for (const path of changed.keys()) {
        const original = parseMarkdown(before.get(path)!);
        const after = book.chapters.get(path)!.tree;
        expect(skeleton(after).join(' '), path).toBe(skeleton(original).join(' '));
        for (const type of ['emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'inlineCode', 'code', 'html']) {
          expect(count(after, type), `${path} ${type}`).toBe(count(original, type));
        }
      }
      // Idempotent: a second fix run changes nothing.
      expect(again).toBe(0);
      expect(Object.keys(fixed).length).toBeGreaterThan(0);
    });
  }
});
