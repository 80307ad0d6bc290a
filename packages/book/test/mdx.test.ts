import { parseChapter, syntaxOf } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

const page = [
  '---',
  'title: 状态管理',
  '---',
  "import Sandpack from '../components/Sandpack';",
  'export const meta = { level: 2 };',
  '',
  '## 选择状态结构 {/*choosing-the-state-structure*/}',
  '',
  '<Intro title="简介">',
  '',
  '见[安装](./install.mdx)与<a href="/learn/x">链接</a>，图<img src="/images/a.png" />。',
  '',
  '</Intro>',
  '',
  '<TeamMember permalink="evan" name={"Evan"} />',
  '',
  '{/* 注释：不是正文 */}',
  '',
].join('\n');

describe('MDX chapters', () => {
  it('reads `.mdx` files with MDX syntax and the rest as Markdown', () => {
    expect([syntaxOf('a.mdx'), syntaxOf('A.MDX'), syntaxOf('a.md'), syntaxOf('a.markdown')]).toEqual(['mdx', 'mdx', 'markdown', 'markdown']);
  });

  it('makes ESM, expressions and JSX nodes of their own, and reads links and anchors from JSX attributes', () => {
    const chapter = parseChapter('learn/state.mdx', page);
    expect(chapter.refused).toBeUndefined();
    expect(chapter.tree.children.map((node) => node.type)).toEqual(['yaml', 'mdxjsEsm', 'heading', 'mdxJsxFlowElement', 'mdxJsxFlowElement', 'mdxFlowExpression']);
    expect(chapter.frontmatter).toEqual({ title: '状态管理' });
    expect(chapter.headings.map(({ depth, text, id }) => ({ depth, text, id }))).toEqual([{ depth: 2, text: '选择状态结构', id: 'choosing-the-state-structure' }]);
    expect(chapter.links.map(({ kind, url, position }) => [kind, url, position?.start.line, position?.start.column])).toEqual([
      ['link', './install.mdx', 11, 2],
      ['html-link', '/learn/x', 11, 31],
      ['html-image', '/images/a.png', 11, 59],
    ]);
    expect(chapter.anchors.map(({ id, position }) => [id, position?.start.line, position?.start.column])).toEqual([['evan', 15, 24]]);
  });

  it('reads the same text as Markdown when the file is `.md`', () => {
    expect(parseChapter('learn/state.md', page).tree.children.map((node) => node.type)).not.toContain('mdxjsEsm');
  });

  it('gives an MDX syntax error as one problem with its place, keeping the headings others link to and no links', () => {
    const chapter = parseChapter('a.mdx', '# 标题\n\n见[其他](b.mdx)。<br>\n');
    expect(chapter.syntaxError).toEqual({ message: 'Expected a closing tag for `<br>` (3:14-3:18) before the end of `paragraph`', offset: 6 });
    expect(chapter.refused).toBe(`its MDX does not parse (${chapter.syntaxError!.message})`);
    expect(chapter.headings.map((heading) => heading.text)).toEqual(['标题']);
    expect(chapter.links).toEqual([]);
  });

  it('accepts what Docusaurus 3 accepts in MDX by default: HTML comments and `{#id}` heading ids, offsets kept', () => {
    const source = '## 安装 {#install-steps}\n\n<!-- 注释 -->\n\n```html\n<!-- 代码 -->\n```\n\n写 `<!-- x -->` 即可\n';
    const chapter = parseChapter('a.mdx', source);
    expect(chapter.syntaxError).toBeUndefined();
    expect(chapter.headings.map(({ text, id, position }) => [text, id, position?.end.offset])).toEqual([['安装', 'install-steps', 22]]);
    expect(chapter.tree.children.map((node) => [node.type, node.position?.start.offset])).toEqual([
      ['heading', 0],
      ['mdxFlowExpression', 24],
      ['code', 37],
      ['paragraph', 62],
    ]);
    expect(chapter.tree.children[3]).toMatchObject({ children: [{ type: 'text' }, { type: 'inlineCode', value: '<!-- x -->' }, { type: 'text' }] });
    expect(chapter.tree.children[2]).toMatchObject({ value: '<!-- 代码 -->' });
  });

  it('never throws on broken MDX: an unclosed expression, an unclosed tag', () => {
    expect(parseChapter('a.mdx', '文本 { 未闭合\n').syntaxError?.offset).toBe(8);
    expect(parseChapter('a.mdx', '<Note>\n\n文本\n').syntaxError?.message).toMatch(/^Expected a closing tag for `<Note>`/);
  });
});
