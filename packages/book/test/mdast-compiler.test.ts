import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown, syntaxOf } from '@tongwen/book';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { fromMarkdownOptionsFor, parseWithExtensions } from '../src/lib/extensions.js';
import { mdxCompatible } from '../src/lib/mdx.js';

/** The reference: `fromMarkdown` with the same extensions, built for this one text. */
function reference(text: string, mdx = false): string {
  return JSON.stringify(fromMarkdown(text, fromMarkdownOptionsFor(text, mdx)));
}

/** The tree of the built parsers, as JSON: key order and every position compared. */
function built(text: string, mdx = false): string {
  return JSON.stringify(parseWithExtensions(text, mdx));
}

/** Texts with every construct the core handlers and the extensions build (written for this test). */
const markdown: Record<string, string> = {
  headings: '# 标题 #\n\n## 二级\n\n设置标题\n===\n\n二级设置\n---\n\n###### 六级 ###   \n',
  lists: '- 一\n- 二\n\n- 三（松散）\n\n1. 甲\n2. 乙\n   - 嵌套\n\n     段落\n\n7) 起始\n8) 接着\n\n* a\n\n  > 引用\n*\n* 空项之后\n',
  tightNested: '- a\n  - b\n    - c\n- d\n\n\n- e\n',
  quotes: '> 引用\n> 续行\n>\n> - 列表\n>   续\n\n> 另一个\n懒续行\n',
  code: '```js title="x"\nconst a = 1;\n```\n\n    缩进代码\n    第二行\n\n~~~\n未闭合\n',
  codeText: '行内 `代码` 与 `` 含`反引号 ``。\n',
  html: '<div class="x">\n块\n</div>\n\n行内 <span>HTML</span> 与 <!-- 注释 -->。\n',
  links: '[资源](/a "标题") [完整][引用] [折叠][] [简写] ![图](/i.png \'t\') ![引用图][引用]\n\n[引用]: /ref "定义标题"\n[简写]: <带 空格>\n[折叠]: /c\n',
  undefinedReferences: '[没有定义] 与 [x][y] 与 ![图][]\n',
  references: '&amp; &#35; &#x4e2d; &notanentity; \\* \\\\ 中文\n',
  breaks: '硬换行\\\n下一行  \n再下一行\n软换行\n',
  autolinks: '<https://example.com> <a@b.cn> 与 **强调** *斜体* _下划线_ ***两者***\n',
  thematic: '---\n\n***\n\n段落\n',
  gfm: '| 表 | 头 |\n| :-- | --: |\n| `a|b` | **c** |\n\n~~删除~~ ~单~\n\n- [ ] 待办\n- [x] 完成\n\n脚注[^1] 与 www.example.com 与 https://example.com/路径 与 a@example.com。\n\n[^1]: 注释\n    续行\n',
  frontmatterYaml: '---\ntitle: 标题\n---\n\n正文\n',
  frontmatterToml: '+++\ntitle = "标题"\n+++\n\n正文\n',
  math: '$$\nx^2\n$$\n\n行内 $$y$$ 与 $ 单 $\n',
  crlf: '# 标题\r\n\r\n- 项\r\n- 项二\r\n\r\n```\r\n代码\r\n```\r\n',
  surrogate: '𠮷野家 [链接𠮷](/𠮷)\n',
  empty: '',
  onlyBlank: '\n\n\n',
  unclosed: '- [ ] \n\n> \n\n1.\n',
  // Literals the GFM tree transform links (after a reference or an escape, split text), and ones it must leave.
  literalsByTransform: 'x&amp;www.example.com y\\_a@b.cn 与 mailto:a@b.cn、xmpp:a@b.cn/x 和 HTTP://Example.COM/路径 与 WWW.a.b\n',
  literalsInLinks: '[www.example.com](/x) 与 [a@b.cn][r] 与 `www.a.b` 与 <span>a@b.cn</span>\n\n[r]: /r\n',
  noLiteral: '只有 http: 与 www 与 @ 之外的文字：https 和 wwwx.\n',
};

const mdx: Record<string, string> = {
  jsx: 'import {Note} from "./note.js"\nexport const a = 1\n\n<Note type="tip" {...props}>\n  正文 {a}\n</Note>\n\n行内 <b>粗</b> 与 {1 + 1}。\n',
  fragment: '<>\n  片段\n</>\n',
};

describe('the built parsers give the tree of fromMarkdown with the same extensions', () => {
  it.each(Object.entries(markdown))('%s', (_name, text) => {
    expect(built(text)).toBe(reference(text));
  });
  it.each(Object.entries(mdx))('MDX %s', (_name, text) => {
    expect(built(mdxCompatible(text), true)).toBe(reference(mdxCompatible(text), true));
  });

  it('positions are their own objects, as fromMarkdown makes them', () => {
    const tree = parseMarkdown('段落\n');
    const paragraph = tree.children[0]!;
    expect(paragraph.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } });
    expect(paragraph.position!.start).not.toBe(tree.position!.start);
  });

  it('an MDX syntax error is thrown as fromMarkdown throws it', () => {
    const text = '<a>\n\n</b>\n';
    expect(() => parseWithExtensions(text, true)).toThrow();
    let expected: unknown;
    let actual: unknown;
    try {
      fromMarkdown(text, fromMarkdownOptionsFor(text, true));
    } catch (error) {
      expected = String(error);
    }
    try {
      parseWithExtensions(text, true);
    } catch (error) {
      actual = String(error);
    }
    expect(actual).toBe(expected);
  });
});

describe('a parse does not depend on what was parsed before it', () => {
  /** Documents that leave state behind in a parser: definitions, footnotes, front matter, HTML, tables, math, lists, MDX imports. */
  const before = [
    '[a]: /defined\n[b]: /b\n\n[^1]: 脚注\n',
    '---\ntitle: x\n---\n\n<div>\n未闭合的 HTML\n',
    '| a |\n| - |\n| 未完',
    '$$\n未闭合的公式\n',
    '```\n未闭合的代码\n',
    '1. 有序\n\n   松散\n2. 列表\n',
    '[链接](/x "未闭合',
  ];
  const after = ['[a] [b][] [^1] 与 [a][b]\n', '- 紧凑\n- 列表\n', '| a |\n| - |\n| b |\n', '正文 $$x$$\n', '## 标题\n'];
  it.each(after)('%j after each document that leaves state', (text) => {
    const alone = reference(text);
    for (const earlier of before) {
      parseWithExtensions(earlier);
      expect(built(text)).toBe(alone);
    }
  });

  it('MDX: an import seen in an earlier document', () => {
    const text = 'import {A} from "./a.js"\n\n<A />\n';
    const alone = reference(text, true);
    expect(built(text, true)).toBe(alone);
    expect(built(text, true)).toBe(alone);
  });

  it('a reference defined only in an earlier document stays text', () => {
    parseWithExtensions('[仅此处]: /x\n');
    expect(parseMarkdown('[仅此处]\n').children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: '[仅此处]' }] });
  });
});

/** Every chapter file (Markdown and MDX) under a folder. */
function chapterFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(!hasShared)(`the built parsers = fromMarkdown on every corpus chapter${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const books = hasShared ? readdirSync(corpusPath(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  it.each(books)('%s', (book) => {
    const differences: string[] = [];
    let parsed = 0;
    for (const file of chapterFiles(corpusPath(book))) {
      const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const isMdx = syntaxOf(file) === 'mdx';
      const text = isMdx ? mdxCompatible(source) : source;
      let expected: string;
      try {
        expected = reference(text, isMdx);
      } catch (error) {
        expect(() => parseWithExtensions(text, isMdx)).toThrow(String((error as Error).message));
        continue;
      }
      if (built(text, isMdx) !== expected) differences.push(path.relative(corpusPath(book), file));
      parsed++;
    }
    expect({ book, differences }).toEqual({ book, differences: [] });
    expect(parsed).toBeGreaterThan(0);
  }, 300_000);
});
