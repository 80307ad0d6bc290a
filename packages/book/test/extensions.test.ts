import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown, syntaxOf } from '@tongwen/book';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { extensionsFor } from '../src/lib/extensions.js';
import { mdxCompatible } from '../src/lib/mdx.js';

/** The reference: every extension, through the remark plugins, as chapters were read before the scan. */
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath, { singleDollarTextMath: false }).freeze();
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath, { singleDollarTextMath: false }).freeze();

function reference(text: string, syntax: 'markdown' | 'mdx' = 'markdown'): Root {
  return syntax === 'mdx' ? mdx.parse(mdxCompatible(text)) : markdown.parse(text);
}

describe('extensionsFor: an extension is left out only where its syntax cannot occur', () => {
  const cases: Array<[string, string[]]> = [
    ['纯文本，没有任何扩展语法。', []],
    ['见 https://example.com 。', ['gfm-autolink-literal']],
    ['WWW.example.com', ['gfm-autolink-literal']],
    ['写信给 a@example.com', ['gfm-autolink-literal']],
    ['正文[^1]\n\n[^1]: 注释', ['gfm-footnote']],
    ['~~删除~~', ['gfm-strikethrough']],
    ['| a |\n| - |', ['gfm-table']],
    ['abc\n:--', ['gfm-table']],
    ['abc\n--:', ['gfm-table']],
    ['a |\n---', ['gfm-table']],
    ['> | a |\n> | :- |', ['gfm-table']],
    ['- 列表\n\n  a | b\n  --|--', ['gfm-table']],
    ['```sh\necho a | grep b\n```\n\n---\n', ['gfm-table']],
    ['```sh\necho a | grep b\n```\n', []],
    ['a:-b 与 c-:d\n', []],
    ['- [ ] 待办\n- [x] 完成', ['gfm-task-list-item']],
    ['---\ntitle: 标题\n---\n', ['frontmatter']],
    ['+++\ntitle = "标题"\n+++\n', ['frontmatter']],
    // Front matter's fences are not a delimiter row, and its `|` is no table's.
    ['---\ntitle: a | b\n---\n\n正文\n', ['frontmatter']],
    ['---\r\ntags: [a|b]\r\n---x\r\n---\r\n', ['frontmatter']],
    ['+++ \rx = "|"\r+++\r---\r', ['frontmatter']],
    ['---\na\n--- \n| b |\n---\n', ['gfm-table', 'frontmatter']],
    ['---\n---\n| a |\n| - |\n', ['gfm-table', 'frontmatter']],
    // Not closed: not front matter, so its `---` may be a delimiter row.
    ['---\na | b\n', ['gfm-table', 'frontmatter']],
    ['$$\nx^2\n$$', ['math']],
  ];
  it.each(cases)('%j', (text, names) => {
    expect(extensionsFor(text)).toEqual(names);
    expect(parseMarkdown(text)).toEqual(reference(text));
  });

  it('MDX is always read with the MDX extension', () => {
    expect(extensionsFor('# 标题', true)).toEqual(['mdx']);
    expect(parseMarkdown('<Note>正文</Note>\n', 'mdx')).toEqual(reference('<Note>正文</Note>\n', 'mdx'));
  });

  it('the same tree without the syntax as with every extension (one text of each near miss)', () => {
    const text = '标题\n---\n\n- [ ]x 不是任务\n\n一美元 $ 两个 $ \n\n~单波浪线~ 与 [链接][^]\n\n行 a\n-\n\nemail 不是 at\n';
    expect(parseMarkdown(text)).toEqual(reference(text));
  });
});

/** Every chapter file (Markdown and MDX) under a folder. */
function chapterFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(!hasShared)(`parse with the scanned extensions = parse with all, on every corpus chapter${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const books = hasShared ? readdirSync(corpusPath(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  /** The book whose top-level blocks are also parsed alone, as the fix verification parses them. */
  const blocksOf = 'docker_practice-2026';
  it.each(books)('%s: whole chapters (and each top-level block alone in one book)', (book) => {
    let differences = 0;
    let parsed = 0;
    for (const file of chapterFiles(corpusPath(book))) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const syntax = syntaxOf(file);
      let expected: Root;
      try {
        expected = reference(text, syntax);
      } catch {
        continue; // MDX that does not parse: it throws the same way (parse.test.ts).
      }
      const blocks = book === blocksOf ? expected.children : [];
      const texts = [text, ...blocks.map((block) => text.slice(block.position!.start.offset, block.position!.end.offset))];
      for (const [i, part] of texts.entries()) {
        const want = i === 0 ? expected : reference(part, syntax);
        if (JSON.stringify(parseMarkdown(part, syntax)) !== JSON.stringify(want)) differences++;
        parsed++;
      }
    }
    expect({ book, differences }).toEqual({ book, differences: 0 });
    expect(parsed).toBeGreaterThan(0);
  }, 300_000);
});
