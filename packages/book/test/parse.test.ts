import { parseChapter } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

describe('parseChapter', () => {
  it('extracts headings with GitHub slugs, explicit ids and positions', () => {
    const chapter = parseChapter('a.md', '# 镜像\n\n## 使用 Dockerfile 定制镜像\n\n## 镜像\n\n### 安装 {#install}\n');
    expect(chapter.headings.map(({ depth, text, slug, id }) => ({ depth, text, slug, id }))).toEqual([
      { depth: 1, text: '镜像', slug: '镜像', id: undefined },
      { depth: 2, text: '使用 Dockerfile 定制镜像', slug: '使用-dockerfile-定制镜像', id: undefined },
      { depth: 2, text: '镜像', slug: '镜像-1', id: undefined },
      { depth: 3, text: '安装', slug: '安装', id: 'install' },
    ]);
    expect(chapter.headings[1]!.position).toEqual({ start: { line: 3, column: 1, offset: 6 }, end: { line: 3, column: 22, offset: 27 } });
  });

  it('extracts links, images, definitions, references and HTML anchors', () => {
    const source = [
      '见[安装](install.md#安装-pnpm)和![图](img/a.png "标题")。',
      '',
      '[参考][ref]与<a href="other.md">其他</a><a name="旧锚点"></a>',
      '',
      '<img src="b.png" alt="x"><span id="x1"></span>',
      '',
      '[ref]: https://example.com',
      '',
    ].join('\n');
    const chapter = parseChapter('dir/a.md', source);
    expect(chapter.links.map(({ kind, url, position }) => [kind, url, position?.start.line, position?.start.column])).toEqual([
      ['link', 'install.md#安装-pnpm', 1, 2],
      ['image', 'img/a.png', 1, 27],
      ['html-link', 'other.md', 3, 20],
      ['html-image', 'b.png', 5, 11],
      ['definition', 'https://example.com', 7, 1],
    ]);
    expect(chapter.references).toEqual([{ kind: 'link', identifier: 'ref', label: 'ref', position: expect.objectContaining({ start: { line: 3, column: 1, offset: 49 } }) }]);
    expect(chapter.anchors.map((anchor) => anchor.id)).toEqual(['旧锚点', 'x1']);
  });

  it('strips a byte-order mark and keeps positions relative to the text after it', () => {
    const chapter = parseChapter('a.md', '\uFEFF# 标题\r\n\r\n正文\r\n');
    expect(chapter.bom).toBe(true);
    expect(chapter.source).toBe('# 标题\r\n\r\n正文\r\n');
    expect(chapter.lineStarts).toEqual([0, 6, 8, 12]);
    expect(chapter.headings[0]!.position?.start.offset).toBe(0);
  });

  it('counts columns in UTF-16 code units across a surrogate pair', () => {
    const chapter = parseChapter('a.md', '𠮷[链接](x.md)\n');
    expect(chapter.links[0]!.position?.start).toEqual({ line: 1, column: 3, offset: 2 });
  });

  it('reads flat front matter', () => {
    const chapter = parseChapter('a.md', '---\ntitle: "标题"\nlang: zh-TW\n---\n\n# 标题\n');
    expect(chapter.frontmatter).toEqual({ title: '标题', lang: 'zh-TW' });
  });
});

describe('headings of the documentation dialects', () => {
  it('keeps the text inside inline HTML and drops the tags, as sites slug it', () => {
    const chapter = parseChapter('a.md', '### `tidb_enable_1pc` <span class="version-mark">从 v5.0 版本开始引入</span>\n\n## 安装<a id="setup"></a>\n\n## ![图标](x.png) 概述\n');
    expect(chapter.headings.map(({ text, slug }) => [text, slug])).toEqual([
      ['tidb_enable_1pc 从 v5.0 版本开始引入', 'tidb_enable_1pc-从-v50-版本开始引入'],
      ['安装', '安装'],
      [' 概述', '-概述'],
    ]);
    expect(chapter.anchors.map((anchor) => anchor.id)).toEqual(['setup']);
  });

  it('reads custom ids in every syntax and leaves them out of the text', () => {
    const source = '## 响应式基础 {#reactivity-fundamentals}\n\n## 深入 {#deep .tip data-x="1"}\n\n## 你好？ {/*hello*/}\n\n## 集合{/* #set */}\n';
    const chapter = parseChapter('a.md', source, { slug: 'vitepress' });
    expect(chapter.headings.map(({ text, id }) => [text, id])).toEqual([
      ['响应式基础', 'reactivity-fundamentals'],
      ['深入', 'deep'],
      ['你好？', 'hello'],
      ['集合', 'set'],
    ]);
  });

  it('reads the title of TOML front matter (Hugo `+++`)', () => {
    const chapter = parseChapter('a.md', '+++\ntitle = "安装指南"\nweight = 2\n[params]\ntitle = "x"\n+++\n\n正文\n');
    expect(chapter.frontmatter).toEqual({ title: '安装指南', weight: '2' });
  });
});
