import { existsSync, readFileSync } from 'node:fs';
import { parseContents, parseMarkdown, type Contents, type ContentsEntry } from '@tongwen/book';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';

/** The fields of entries that most tests look at. */
const brief = (contents: Contents) => contents.entries.map((e) => ({ title: e.title, kind: e.kind, depth: e.depth, path: e.path, anchor: e.anchor, part: e.part }));
/** Problems as `line:column-line:column message`. */
const problemsOf = (contents: Contents) => contents.problems.map((p) => `${p.position.start.line}:${p.position.start.column}-${p.position.end.line}:${p.position.end.column} ${p.message}`);
const clean = (entry: Partial<ContentsEntry>) => JSON.parse(JSON.stringify(entry)) as Partial<ContentsEntry>;

describe('parseContents: GitBook / HonKit grammar', () => {
  it('nests items indented from the parent content offset up to three more columns, as CommonMark does', () => {
    const contents = parseContents('* [一](a.md)\n   * [二](b.md)\n      * [三](c.md)\n1. [四](d.md)\n   1. [五](e.md)\n', 'SUMMARY.md');
    expect(contents.problems).toEqual([]);
    expect(contents.entries.map((entry) => entry.depth)).toEqual([0, 1, 2, 0, 1]);
  });

  it('takes the depth of nested 2- and 4-space lists from their nesting', () => {
    const source = [
      '# 示例手册',
      '',
      '* [前言](README.md)',
      '* [第一章](ch1/README.md)',
      '  * [1.1 安装](ch1/install.md)',
      '    * [细节](ch1/detail.md)',
      '- [第二章](ch2/README.md)',
      '    - [2.1](ch2/a.md)',
      '        + [2.1.1](ch2/b.md)',
      '',
    ].join('\n');
    const contents = parseContents(source, 'SUMMARY.md');
    expect(contents.grammar).toBe('gitbook');
    expect(contents.title).toBe('示例手册');
    expect(contents.entries.map((e) => [e.title, e.depth, e.path])).toEqual([
      ['前言', 0, 'README.md'],
      ['第一章', 0, 'ch1/README.md'],
      ['1.1 安装', 1, 'ch1/install.md'],
      ['细节', 2, 'ch1/detail.md'],
      ['第二章', 0, 'ch2/README.md'],
      ['2.1', 1, 'ch2/a.md'],
      ['2.1.1', 2, 'ch2/b.md'],
    ]);
    expect(contents.problems).toEqual([]);
  });

  it('reads a title link, parts, separators, anchors, plain text, encoded, angle, relative and external targets', () => {
    const source = [
      '# [书名](https://example.com/book)',
      '',
      '## 目录',
      '',
      '* [简介](README.md)',
      '',
      '## 第一部分',
      '',
      '* [概念](concepts/README.md#镜像)',
      '* 未完成的章节',
      '* [编码](a%20b/%E9%95%9C%E5%83%8F.md#%E4%BB%8B%E7%BB%8D)',
      '* [角括号](<docs/my file.md>)',
      '* [上级](./x/../y.md)',
      '* [越界](../../etc/passwd)',
      '* [外部](https://example.com/x#y)',
      '* [*强调* 与 `代码`](z/code.md)',
      '',
      '---',
      '',
      '* [无部分](z.md)',
    ].join('\n');
    const contents = parseContents(source, 'SUMMARY.md');
    expect(contents.title).toBe('书名');
    expect(contents.parts).toEqual(['目录', '第一部分']);
    expect(contents.problems).toEqual([]);
    expect(brief(contents).map(clean)).toEqual([
      { title: '简介', kind: 'chapter', depth: 0, path: 'README.md', part: '目录' },
      { title: '概念', kind: 'chapter', depth: 0, path: 'concepts/README.md', anchor: '镜像', part: '第一部分' },
      { title: '未完成的章节', kind: 'text', depth: 0, part: '第一部分' },
      { title: '编码', kind: 'chapter', depth: 0, path: 'a b/镜像.md', anchor: '介绍', part: '第一部分' },
      { title: '角括号', kind: 'chapter', depth: 0, path: 'docs/my file.md', part: '第一部分' },
      { title: '上级', kind: 'chapter', depth: 0, path: 'y.md', part: '第一部分' },
      { title: '越界', kind: 'chapter', depth: 0, path: '../../etc/passwd', part: '第一部分' },
      { title: '外部', kind: 'chapter', depth: 0, anchor: 'y', part: '第一部分' },
      { title: '强调 与 代码', kind: 'chapter', depth: 0, path: 'z/code.md', part: '第一部分' },
      { title: '无部分', kind: 'chapter', depth: 0, path: 'z.md' },
    ]);
    const byTitle = (title: string) => contents.entries.find((e) => e.title === title)!;
    expect(byTitle('编码').target).toBe('a%20b/%E9%95%9C%E5%83%8F.md#%E4%BB%8B%E7%BB%8D');
    expect(byTitle('外部').target).toBe('https://example.com/x#y');
    expect(byTitle('未完成的章节').target).toBeUndefined();
    // The position of an angle-bracketed target is inside the brackets.
    expect(byTitle('角括号').targetPosition).toEqual({ start: { line: 12, column: 10, offset: 172 }, end: { line: 12, column: 25, offset: 187 } });
    expect(source.slice(172, 187)).toBe('docs/my file.md');
  });

  it('reads part titles of plain text without remark, as remark reads them', () => {
    const titles = ['第一部分：入门', 'Part 1 基础', '附录　其他', '1. 开始', '- 列表', 'A *强调* 部分', '见 www.example.com', 'C++ & Go', 'a\\*b', '`code` 部分', '100%', '数学 $x$', '邮件 a@b.io', 'http://x.io'];
    const contents = parseContents(`# 书名\n\n${titles.map((title) => `## ${title}\n\n* [甲](a.md)\n`).join('\n')}`, 'SUMMARY.md');
    const byRemark = titles.map((title) => {
      const first = parseMarkdown(title).children[0];
      return (first?.type === 'paragraph' ? toString(first) : title).trim();
    });
    expect(contents.parts).toEqual(byRemark);
    expect(contents.parts).toEqual(['第一部分：入门', 'Part 1 基础', '附录　其他', '1. 开始', '- 列表', 'A 强调 部分', '见 www.example.com', 'C++ & Go', 'a*b', 'code 部分', '100%', '数学 $x$', '邮件 a@b.io', 'http://x.io']);
  });

  it('resolves paths from the directory of the contents file', () => {
    const contents = parseContents('* [a](./a/../b.md)\n* [c](/c.md)\n* [d](#here)\n', 'docs/SUMMARY.md');
    expect(contents.entries.map((e) => [e.path, e.anchor])).toEqual([
      ['b.md', undefined],
      ['c.md', undefined],
      ['SUMMARY.md', 'here'],
    ]);
  });

  it('gives positions in UTF-16 code units after a BOM is stripped, with CRLF line endings', () => {
    const source = '\uFEFF# T\r\n\r\n* [A](a.md)\r\n  * [𠮷野家](𠮷.md)\r\n';
    const contents = parseContents(source, 'SUMMARY.md');
    expect(contents.problems).toEqual([]);
    const [a, b] = contents.entries;
    expect(a!.position).toEqual({ start: { line: 3, column: 1, offset: 7 }, end: { line: 3, column: 12, offset: 18 } });
    expect(a!.targetPosition).toEqual({ start: { line: 3, column: 7, offset: 13 }, end: { line: 3, column: 11, offset: 17 } });
    expect(b!.depth).toBe(1);
    expect(b!.position).toEqual({ start: { line: 4, column: 1, offset: 20 }, end: { line: 4, column: 18, offset: 37 } });
    expect(b!.targetPosition).toEqual({ start: { line: 4, column: 12, offset: 31 }, end: { line: 4, column: 17, offset: 36 } });
    expect(source.slice(1).slice(31, 36)).toBe('𠮷.md');
  });

  it('reports malformed lines with their exact line and column, and still parses the rest', () => {
    const source = [
      '# 书', //                      1
      '', //                          2
      '* [好](good.md)', //           3
      '* [坏](', //                   4: unclosed link
      '* [空]()', //                  5: empty target
      '随便写的一行', //              6: bare text line
      '   * [三格](three.md)', //     7: 3 spaces deeper than its parent: valid (CommonMark nests 2–5)
      '* [a](a.md)', //               8
      '    * [b](b.md)', //           9
      '  * [c](c.md)', //            10: 2 spaces where its sibling has 4
      '* [没有目标]', //             11: a link without target
      '*', //                        12: empty item
    ].join('\n');
    // Forced: left to `auto`, the draft-like `[空]()` would make this an mdBook list.
    const contents = parseContents(source, 'SUMMARY.md', { grammar: 'gitbook' });
    expect(parseContents(source, 'SUMMARY.md').grammar).toBe('mdbook');
    expect(problemsOf(contents)).toEqual([
      '4:3-4:7 Unexpected malformed link `[坏](`, expected `[title](file.md)`',
      '5:3-5:8 Unexpected empty link target in `[空]()`, expected a file path (or the title alone for a plain-text entry)',
      '6:1-6:7 Unexpected line `随便写的一行` in the contents list, expected a list item (`* [title](file.md)`), a `##` part heading, `---` or a blank line',
      '10:1-10:4 Unexpected indentation of 2 spaces, expected 4 like the entries above at the same level',
      '11:3-11:9 Unexpected malformed link `[没有目标]`, expected `[title](file.md)`',
      '12:1-12:2 Unexpected empty list item, expected `[title](file.md)` or a title',
    ]);
    expect(contents.entries.map((e) => [e.title, e.kind, e.depth])).toEqual([
      ['好', 'chapter', 0],
      ['空', 'text', 0],
      ['三格', 'chapter', 1],
      ['a', 'chapter', 0],
      ['b', 'chapter', 1],
      ['c', 'chapter', 1],
    ]);
  });

  it('reports malformed percent-encoding on the target', () => {
    const contents = parseContents('* [坏编码](a%E9.md)\n', 'SUMMARY.md');
    expect(problemsOf(contents)).toEqual(['1:9-1:16 Unexpected malformed percent-encoding in `a%E9.md`, expected `%` followed by two hexadecimal digits']);
    expect(contents.entries[0]!.path).toBe('a%E9.md');
  });

  it('ignores HTML comments', () => {
    const contents = parseContents('<!-- 目录\n随便 -->\n* [a](a.md)\n<!-- x -->\n', 'SUMMARY.md');
    expect(contents.problems).toEqual([]);
    expect(contents.entries).toHaveLength(1);
  });

  it('never throws, whatever the input', () => {
    for (const source of ['', '\uFEFF', '*', '* [', '[', '# ', '<!--', '\u0000', '\uD800', '* [a](<b)', '* [a](b.md "t")', '\t* [a](a.md)\n\t\t* [b](b.md)', '* [a](%)', ']]](((', '    * [a](a.md)']) {
      expect(() => parseContents(source, 'SUMMARY.md')).not.toThrow();
      expect(() => parseContents(source, 'SUMMARY.md', { grammar: 'mdbook' })).not.toThrow();
    }
  });
});

describe('parseContents: mdBook grammar', () => {
  const mdbook = [
    '# Summary', //                    1
    '', //                             2
    '[前言](preface.md)', //           3
    '', //                             4
    '# 第一部分', //                   5
    '', //                             6
    '- [第一章](ch1.md)', //           7
    '  - [未写]()', //                 8
    '---', //                          9
    '- [第二章](ch2.md)', //          10
    '', //                            11
    '[附录](appendix.md)', //         12
    '[贡献者](contributors.md)', //   13
  ].join('\n');

  it('reads prefix, numbered, draft and suffix chapters, parts and separators', () => {
    const contents = parseContents(mdbook, 'src/SUMMARY.md');
    expect(contents.grammar).toBe('mdbook');
    expect(contents.title).toBe('Summary');
    expect(contents.parts).toEqual(['第一部分']);
    expect(contents.problems).toEqual([]);
    expect(brief(contents).map(clean)).toEqual([
      { title: '前言', kind: 'prefix', depth: 0, path: 'preface.md' },
      { title: '第一章', kind: 'chapter', depth: 0, path: 'ch1.md', part: '第一部分' },
      { title: '未写', kind: 'draft', depth: 1, part: '第一部分' },
      { title: '第二章', kind: 'chapter', depth: 0, path: 'ch2.md', part: '第一部分' },
      { title: '附录', kind: 'suffix', depth: 0, path: 'appendix.md' },
      { title: '贡献者', kind: 'suffix', depth: 0, path: 'contributors.md' },
    ]);
  });

  it('can be forced to the GitBook grammar, which reports the unbulleted lines', () => {
    const contents = parseContents(mdbook, 'src/SUMMARY.md', { grammar: 'gitbook' });
    expect(contents.grammar).toBe('gitbook');
    expect(problemsOf(contents).map((p) => p.slice(0, p.indexOf(' ')))).toEqual(['3:1-3:17', '8:5-8:11', '12:1-12:18', '13:1-13:23']);
    expect(contents.problems[1]!.message).toBe('Unexpected empty link target in `[未写]()`, expected a file path (or the title alone for a plain-text entry)');
  });

  it('detects mdBook from a draft chapter, or from book.toml when told there is one', () => {
    expect(parseContents('- [草稿]()\n', 'SUMMARY.md').grammar).toBe('mdbook');
    expect(parseContents('- [a](a.md)\n', 'src/SUMMARY.md').grammar).toBe('gitbook');
    expect(parseContents('- [a](a.md)\n', 'src/SUMMARY.md', { bookToml: true }).grammar).toBe('mdbook');
    expect(parseContents('- [a](a.md)\n', 'src/SUMMARY.md', { bookToml: true, grammar: 'gitbook' }).grammar).toBe('gitbook');
  });

  it('reports items without links, bare text and lists after suffix chapters', () => {
    const source = [
      '[前言](preface.md)', //  1
      '- 没有链接', //          2
      '随便', //                3
      '[后记](after.md)', //    4
      '- [晚了](late.md)', //   5
    ].join('\n');
    const contents = parseContents(source, 'SUMMARY.md');
    expect(contents.grammar).toBe('mdbook');
    expect(problemsOf(contents)).toEqual([
      '2:3-2:7 Unexpected list item `没有链接` without a link, expected `[title](file.md)` or a draft chapter `[title]()`',
      '3:1-3:3 Unexpected line `随便` in the contents list, expected a chapter link `[title](file.md)`, a list item, a part heading, `---` or a blank line',
      '4:1-4:15 Unexpected unbulleted chapter between numbered chapters, expected prefix chapters before the first list and suffix chapters after the last',
    ]);
    expect(contents.entries.map((e) => [e.title, e.kind])).toEqual([
      ['前言', 'prefix'],
      ['没有链接', 'text'],
      ['后记', 'suffix'],
      ['晚了', 'chapter'],
    ]);
  });
});

describe.skipIf(!hasShared)(`parseContents on the real corpora${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const parse = (book: string, file: string) => {
    return parseContents(readFileSync(corpusPath(book, file), 'utf8'), file, { bookToml: existsSync(corpusPath(book, 'book.toml')) });
  };
  const withPath = (contents: Contents) => contents.entries.filter((e) => e.path !== undefined);

  it('docker_practice-2018: 158 entries with a path, zero problems', () => {
    // The 158 are the 158 list items; the 159th link of the file is the title
    // `# [Docker — 从入门到实践](https://github.com/…)`: the book's title, not an
    // entry (and an external URL, so it would have no path anyway). No
    // target is listed twice.
    const contents = parse('docker_practice-2018', 'SUMMARY.md');
    expect(contents.grammar).toBe('gitbook');
    expect(contents.title).toBe('Docker — 从入门到实践');
    expect(withPath(contents)).toHaveLength(158);
    expect(contents.entries).toHaveLength(158);
    expect(new Set(withPath(contents).map((e) => e.path)).size).toBe(158);
    expect(contents.entries.map((e) => e.depth).filter((d) => d === 0)).toHaveLength(27);
    expect(contents.entries.map((e) => e.depth).filter((d) => d === 2)).toHaveLength(21);
    expect(contents.parts).toEqual([]);
    expect(contents.problems).toEqual([]);
  });

  it('docker_practice-2026: 196 entries with a path under `## 目录` and four parts plus an appendix, zero problems', () => {
    const contents = parse('docker_practice-2026', 'SUMMARY.md');
    expect(contents.grammar).toBe('gitbook');
    // `## 目录` is a level-2 heading: HonKit shows it as a part, not as the title.
    expect(contents.title).toBeUndefined();
    expect(contents.parts).toEqual(['目录', '第一部分：入门篇', '第二部分：进阶篇', '第三部分：深入篇', '第四部分：实战篇', '附录']);
    expect(withPath(contents)).toHaveLength(196);
    expect(contents.entries).toHaveLength(196);
    expect(contents.entries.filter((e) => e.part === '目录').map((e) => e.path)).toEqual(['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md']);
    expect(contents.entries.map((e) => e.depth).filter((d) => d === 2)).toHaveLength(13);
    expect(contents.problems).toEqual([]);
  });

  it('trpl-zh-cn: mdBook with 3 prefix chapters and 108 numbered chapters in 4 parts, zero problems', () => {
    const contents = parse('trpl-zh-cn', 'src/SUMMARY.md');
    expect(contents.grammar).toBe('mdbook');
    expect(contents.title).toBe('Rust 程序设计语言');
    const count = (kind: ContentsEntry['kind']) => contents.entries.filter((e) => e.kind === kind).length;
    expect([count('prefix'), count('chapter'), count('suffix'), count('draft'), count('text')]).toEqual([3, 108, 0, 0, 0]);
    expect(contents.entries.filter((e) => e.kind === 'chapter' && e.depth === 0)).toHaveLength(22);
    expect(contents.entries.filter((e) => e.depth === 1)).toHaveLength(86);
    expect(contents.entries.slice(0, 3).map((e) => e.path)).toEqual(['title-page.md', 'foreword.md', 'ch00-00-introduction.md']);
    expect(contents.parts).toEqual(['入门指南', '基本 Rust 技能', 'Rust 编程思想', '高级主题']);
    expect(withPath(contents)).toHaveLength(111);
    expect(contents.problems).toEqual([]);
    // Without the prefix lines' hint, book.toml above src/ still says mdBook.
    const body = readFileSync(corpusPath('trpl-zh-cn', 'src/SUMMARY.md'), 'utf8').replace(/^\[.*\n/gm, '');
    expect(parseContents(body, 'src/SUMMARY.md', { bookToml: true }).grammar).toBe('mdbook');
  });
});
