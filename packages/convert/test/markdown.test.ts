import { describe, expect, test } from 'vitest';
import { parseChapter } from '@tongwen/book';
import { commentSyntax, convertBook, convertChapter, convertMarkdown, createConverters, type TextConverter } from '@tongwen/convert';

const converters = await createConverters();
const s2tw: TextConverter = converters.get('s2tw');
const md = (source: string): string => convertMarkdown(source, { convert: s2tw });

describe('convertMarkdown: prose only', () => {
  test.each([
    ['paragraph', '关系运行于环境里之后\n', '關係運行於環境裡之後\n'],
    ['escapes and entities stay as written', '\\*关系\\* &amp; &lt;里&gt; &#20851;系\n', '\\*關係\\* &amp; &lt;裡&gt; &#20851;系\n'],
    ['inline code', '里`里`里\n', '裡`里`裡\n'],
    ['code block and its comments', '```js\n// 注释里\nconst 里 = 1;\n```\n', '```js\n// 注释里\nconst 里 = 1;\n```\n'],
    ['indented code', '    里面\n', '    里面\n'],
    ['link text, not its URL; title converted', '[里面](./里.md "标题里")\n', '[裡面](./里.md "標題裡")\n'],
    ['title in single quotes and parentheses', "[a](x '里') [b](y (里))\n", "[a](x '裡') [b](y (裡))\n"],
    ['image alt and title, not src', '![图里](图里.png "图里")\n', '![圖裡](图里.png "圖裡")\n'],
    ['image alt with a code span', '![图`里`里](a.png)\n', '![圖`里`裡](a.png)\n'],
    ['full reference: text converted, label kept', '[里面][里]\n\n[里]: http://x.com "定义里"\n', '[裡面][里]\n\n[里]: http://x.com "定義裡"\n'],
    ['collapsed and shortcut references: text is the label', '[里][] [里]\n\n[里]: http://x.com\n', '[里][] [里]\n\n[里]: http://x.com\n'],
    ['image reference alt', '![图里][里] ![里]\n\n[里]: a.png\n', '![圖裡][里] ![里]\n\n[里]: a.png\n'],
    ['autolinks and GFM URL literals', '<https://里.com/里> https://例子.com/里 www.里.com\n', '<https://里.com/里> https://例子.com/里 www.里.com\n'],
    ['footnotes: label kept, text converted', '见[^里]\n\n[^里]: 里面\n', '見[^里]\n\n[^里]: 裡面\n'],
    ['explicit heading id', '# 里面 {#里面}\n', '# 裡面 {#里面}\n'],
    ['math', '$$\n里\n$$\n', '$$\n里\n$$\n'],
    ['inline HTML: tags kept, alt and title values converted', '里<span class="里" title="里">里</span><img src="里.png" alt="里">\n', '裡<span class="里" title="裡">裡</span><img src="里.png" alt="裡">\n'],
    ['HTML block: text converted except code and comments', '<div id="里">\n里面<code>里</code><!-- 里 --><pre>里</pre>里\n</div>\n', '<div id="里">\n裡面<code>里</code><!-- 里 --><pre>里</pre>裡\n</div>\n'],
    ['front matter: listed keys only, keys never', '---\ntitle: 关于里\n里: 里\ndescription: "里面"\n---\n里\n', '---\ntitle: 關於裡\n里: 里\ndescription: "裡面"\n---\n裡\n'],
    ['blockquote and list continuations', '> 关\n> 系\n\n- 环境\n  里面\n', '> 關\n> 系\n\n- 環境\n  裡面\n'],
    ['table cells', '| 里 | `里` |\n|---|---|\n| 面里 | 里 |\n', '| 裡 | `里` |\n|---|---|\n| 面裡 | 裡 |\n'],
    ['surrogate pairs around converted text', '𠮷里𠮷\n', '𠮷裡𠮷\n'],
  ])('%s', (_name, input, expected) => {
    expect(md(input)).toBe(expected);
  });

  test('CRLF line endings and a BOM are kept', () => {
    expect(md('\uFEFF# 关系\r\n\r\n里面\r\n')).toBe('\uFEFF# 關係\r\n\r\n裡面\r\n');
  });

  test('a phrase that changes length', () => {
    const s2twp = converters.get('s2twp');
    expect(convertMarkdown('**软件**下载了`软件`和软件包\n', { convert: s2twp })).toBe('**軟體**下載了`软件`和軟體包\n');
  });

  test('edits cover prose only and never overlap', () => {
    const chapter = parseChapter('a.md', '# 关系\n\n[里](#关系) `里` 里\n');
    const conversion = convertChapter(chapter, { convert: s2tw });
    expect(conversion.edits).toEqual([
      { start: 2, end: 4, text: '關係' },
      { start: 7, end: 8, text: '裡' },
      { start: 19, end: 20, text: '裡' },
    ]);
    expect(conversion.anchors).toEqual([['关系', '關係']]);
    expect(conversion.fragments).toEqual([{ start: 11, end: 13, target: 'a.md', fragment: '关系', encoded: false }]);
  });
});

describe('anchors follow headings', () => {
  test('in the same chapter, encoded or not, duplicates numbered', () => {
    const input = '# 关系\n\n## 关系\n\n[a](#关系) [b](#关系-1) [c](#%E5%85%B3%E7%B3%BB) [d](#other) <a href="#关系">e</a>\n\n[r]: #关系\n';
    expect(md(input)).toBe('# 關係\n\n## 關係\n\n[a](#關係) [b](#關係-1) [c](#%E9%97%9C%E4%BF%82) [d](#other) <a href="#關係">e</a>\n\n[r]: #關係\n');
  });

  test('an explicit id keeps its anchor', () => {
    expect(md('# 关系 {#rel}\n\n[a](#rel) [b](#关系)\n')).toBe('# 關係 {#rel}\n\n[a](#rel) [b](#关系)\n');
  });

  test('headings that do not change keep their links as written', () => {
    expect(md('# Docker 入门\n\n[a](#docker-入门)\n')).toBe('# Docker 入門\n\n[a](#docker-入門)\n');
    expect(md('# ABC\n\n[a](#abc)\n')).toBe('# ABC\n\n[a](#abc)\n');
  });

  test('across chapters, with relative paths, in the contents list too', () => {
    const book = new Map([
      ['SUMMARY.md', '* [关系](basic/a.md#关系)\n* [后](basic/a.md#之后)\n'],
      ['basic/a.md', '# 关系\n\n## 之后\n'],
      ['other/b.md', '[x](../basic/a.md#关系) [y](../basic/a.md) [z](http://x.com/a.md#关系) [w](../basic/a.md#%E4%B9%8B%E5%90%8E)\n'],
    ]);
    const out = convertBook(book, { convert: s2tw });
    expect(out.get('SUMMARY.md')).toBe('* [關係](basic/a.md#關係)\n* [後](basic/a.md#之後)\n');
    expect(out.get('basic/a.md')).toBe('# 關係\n\n## 之後\n');
    expect(out.get('other/b.md')).toBe('[x](../basic/a.md#關係) [y](../basic/a.md) [z](http://x.com/a.md#关系) [w](../basic/a.md#%E4%B9%8B%E5%BE%8C)\n');
  });

  test('site-absolute and locale-prefixed links follow their heading, as the site serves them (Hexo: case-kept slugs, `source/` static)', () => {
    const book = new Map([
      ['docs/writing.md', '## 布局（Layout）\n\n## 布局（Layout）\n\n## Front-matter 设置\n'],
      ['api/injector.md', '[a](/zh-cn/docs/writing#布局（Layout）) [b](/zh-cn/docs/writing.html#布局（Layout）-1) [c](/docs/writing#Front-matter-设置) [d](/en/docs/writing#布局（Layout）)\n'],
      ['api/other.md', '[e](//example.com/docs/writing#布局（Layout）) [f](/zh-cn/docs/missing#布局（Layout）)\n'],
    ]);
    const out = convertBook(book, { convert: s2tw, slug: 'hexo', site: { publicDirs: ['source'] } });
    expect(out.get('docs/writing.md')).toBe('## 佈局（Layout）\n\n## 佈局（Layout）\n\n## Front-matter 設置\n');
    expect(out.get('api/injector.md')).toBe('[a](/zh-cn/docs/writing#佈局（Layout）) [b](/zh-cn/docs/writing.html#佈局（Layout）-1) [c](/docs/writing#Front-matter-設置) [d](/en/docs/writing#佈局（Layout）)\n');
    expect(out.get('api/other.md')).toBe('[e](//example.com/docs/writing#布局（Layout）) [f](/zh-cn/docs/missing#布局（Layout）)\n');
  });

  test('a site-absolute link opens the first chapter the site serves there (from the book root first, as the check resolves it), even one whose anchors do not change', () => {
    const book = new Map([
      ['a.md', '# Setup\n'],
      ['guide/a.md', '# 关系\n'],
      ['guide/b.md', '[x](/a#关系) [y](/a)\n'],
    ]);
    expect(convertBook(book, { convert: s2tw, slug: 'hexo' }).get('guide/b.md')).toBe('[x](/a#关系) [y](/a)\n');
  });

  test('heading text split over inline nodes gives the anchor the converted heading really has', () => {
    // 关**系** converts piece by piece: 關**系**, whose anchor is 關系.
    expect(md('# 关**系**\n\n[a](#关系)\n')).toBe('# 關**系**\n\n[a](#關系)\n');
  });
});

describe('code option', () => {
  test('placeholders: only the text of `{{…}}` in inline code is converted; code blocks and the rest of the span stay', async () => {
    const convert = (await createConverters()).get('s2tw');
    const source = '复制 `cp {{路径/到/文件}} 目标` 文件\n\n```sh\ncp {{路径}} x\n```\n';
    expect(convertMarkdown(source, { convert, code: 'placeholders' })).toBe('複製 `cp {{路徑/到/文件}} 目标` 文件\n\n```sh\ncp {{路径}} x\n```\n');
    expect(convertMarkdown(source, { convert })).toBe('複製 `cp {{路径/到/文件}} 目标` 文件\n\n```sh\ncp {{路径}} x\n```\n');
  });

  test('comments: the comments of fenced blocks by language; strings, identifiers, paths and unknown languages stay', async () => {
    const convert = (await createConverters()).get('s2tw');
    const source = [
      '```bash',
      '# 创建目录',
      'mkdir -p /数据/目录 && echo "# 不是注释" a#b # 后台运行 `ls 目录`',
      '```',
      '',
      '> ```js title="例子.js"',
      '> const 变量 = "字符串"; // 设置变量 https://例子.com/路径',
      '> /* 多行',
      '>    注释 */ let s = `模板 // 字符串`;',
      '> ```',
      '',
      '```python',
      '"""文档字符串 # 不变"""',
      "x = '单引号 # 字符串'  # 计算结果",
      '```',
      '',
      '```html',
      '<p title="标题">内容</p><!-- 页面说明 -->',
      '```',
      '',
      '```text',
      '# 纯文本说明',
      '```',
      '',
      '    # 缩进的代码',
      '',
      '行内 `{{路径}}` 代码',
      '',
    ].join('\n');
    const expected = [
      '```bash',
      '# 創建目錄',
      'mkdir -p /数据/目录 && echo "# 不是注释" a#b # 後臺運行 `ls 目录`',
      '```',
      '',
      '> ```js title="例子.js"',
      '> const 变量 = "字符串"; // 設置變量 https://例子.com/路径',
      '> /* 多行',
      '>    註釋 */ let s = `模板 // 字符串`;',
      '> ```',
      '',
      '```python',
      '"""文档字符串 # 不变"""',
      "x = '单引号 # 字符串'  # 計算結果",
      '```',
      '',
      '```html',
      '<p title="标题">内容</p><!-- 頁面說明 -->',
      '```',
      '',
      '```text',
      '# 纯文本说明',
      '```',
      '',
      '    # 缩进的代码',
      '',
      '行內 `{{路径}}` 代碼',
      '',
    ].join('\n');
    expect(convertMarkdown(source, { convert, code: 'comments' })).toBe(expected);
    expect(convertMarkdown(source, { convert, code: 'all' })).toBe(expected.replace('`{{路径}}`', '`{{路徑}}`'));
    expect(convertMarkdown(source, { convert, code: 'none' })).toBe(convertMarkdown(source, { convert }));
  });

  test('the language of a fence: its first word, case-insensitive; unknown languages have no comments', () => {
    expect([commentSyntax('Python {1,3}')?.triple, commentSyntax('sh')?.wordStart, commentSyntax('rust')?.quotes, commentSyntax('text'), commentSyntax(undefined)]).toEqual([true, true, ['"'], undefined, undefined]);
  });
});
