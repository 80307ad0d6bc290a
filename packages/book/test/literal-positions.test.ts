/**
 * The nodes GFM's autolink-literal transform splits out of a text node get
 * positions where the source around them is exactly their text
 * (`literal-positions.ts`); elsewhere they stay as the transform made them.
 */
import type { Nodes } from 'mdast';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '@tongwen/book';

/** Each inline node of the first paragraph: type, text and source range (`-` when it has none). */
function inlines(source: string): string[] {
  const paragraph = parseMarkdown(source).children.find((node) => node.type === 'paragraph');
  if (!paragraph) throw new Error('no paragraph');
  const text = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? (node.children as Nodes[]).map(text).join('') : '');
  const range = (node: Nodes): string => (node.position ? `${node.position.start.line}:${node.position.start.column}-${node.position.end.line}:${node.position.end.column}@${node.position.start.offset}` : '-');
  return paragraph.children.map((node) => `${node.type} ${JSON.stringify(text(node))} ${range(node)}${node.type === 'link' ? ` child ${range(node.children[0]!)}` : ''}`);
}

describe('positions of split autolink literals', () => {
  test('a `www.` literal the tokenizer leaves to the transform (after `/`) and the text around it', () => {
    expect(inlines('# 标题\n\n见 <https：//www.example.com> 或者 www.foo.com 呢。\n')).toEqual([
      'text "见 <https：//" 3:1-3:12@6',
      'link "www.example.com" 3:12-3:27@17 child 3:12-3:27@17',
      'text "> 或者 " 3:27-3:32@32',
      'link "www.foo.com" 3:32-3:43@37 child 3:32-3:43@37',
      'text " 呢。" 3:43-3:46@48',
    ]);
  });

  test('on a later line of a paragraph, and an email the transform finds', () => {
    expect(inlines('第一行\n写信到：a.b@example.com。\n')).toEqual(['text "第一行\\n写信到：" 1:1-2:5@0', 'link "a.b@example.com" 2:5-2:20@8 child 2:5-2:20@8', 'text "。" 2:20-2:21@23']);
  });

  test('a run whose text is not its source (an escape) stays without positions', () => {
    expect(inlines('见 a\\_b/www.example.com 呢。\n')).toEqual(['text "见 a_b/" -', 'link "www.example.com" - child -', 'text " 呢。" -']);
  });
});
