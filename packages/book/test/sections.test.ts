import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { parseWithExtensions } from '../src/lib/extensions.js';
import { parseInSections, sectionsOf, sectionStarts } from '../src/lib/sections.js';

const whole = (text: string) => parseWithExtensions(text);
/** Cut at every place the scan allows (no minimum length): the strictest comparison. */
const everywhere = (text: string) => parseInSections(text, whole, 0, 0);

describe('sectionStarts: a section starts at an ATX heading after a blank line, outside blocks that run over blank lines', () => {
  const at = (text: string) => [text.lastIndexOf('# 标题')];
  const cases: Array<[string, string, number[]]> = [
    ['headings after blank lines', '# 一\n\n正文\n\n## 二\n\n- 项\n\n### 三\n', [9, 20]],
    ['not without a blank line before', '正文\n# 标题\n', []],
    ['not an indented heading', '正文\n\n # 标题\n', []],
    ['not inside fenced code', '```\n\n# 注释\n```\n\n# 标题\n', [15]],
    ['a longer closing fence closes, another marker does not', '````\n\n~~~\n\n# 注释\n`````\n\n# 标题\n', [23]],
    ['not inside math', '$$\n\n# x\n$$\n\n# 标题\n', [12]],
    ['not inside an HTML comment', '<!--\n\n# 注释\n-->\n\n# 标题\n', [16]],
    ['a comment closed on its line is no block', '<!-- 注 -->\n\n# 标题\n', [12]],
    ['not inside <pre>', '<pre>\n\n# x\n</pre>\n\n# 标题\n', [19]],
    ['not inside front matter', '---\ntitle: x\n\n# y\n---\n\n# 标题\n', [23]],
    ['CRLF line endings', '正文\r\n\r\n# 标题\r\n', [6]],
    ['a one-line formula is no math block', '$$x = 1$$\n\n正文\n\n$$\na\n\n# b\n$$\n\n# 标题\n', [29]],
  ];
  it('the offsets of the table are those of its last heading', () => {
    for (const [, text, starts] of cases) if (starts.length === 1) expect(starts).toEqual(at(text));
  });
  it.each(cases)('%s', (_, text, starts) => {
    expect(sectionStarts(text)).toEqual(starts);
    expect(everywhere(text)).toEqual(whole(text));
  });

  // The scan reads lines, not containers: where it takes a fence for closed that the parser does not, the section's tree
  // ends in an open fence, and the text is parsed whole.
  it.each([
    ['a closing fence under a list item, a fence at column 1 after it', '1. 安装\n   ```bash\n   x\n```\n\n# 第二节\n\n正文\n'],
    ['a fence line inside an HTML block', '<div>\n```\n</div>\n\n```\necho\n\n# 注释\n```\n\n# 标题\n'],
  ])('%s: the whole text\'s tree', (_, text) => {
    expect(sectionStarts(text).length).toBeGreaterThan(0);
    expect(everywhere(text)).toEqual(whole(text));
  });

  it('a text with a definition or a bare CR is never cut', () => {
    expect(sectionStarts('见[甲][a]。\n\n# 标题\n\n[a]: https://example.com\n')).toEqual([]);
    expect(sectionStarts('注[^1]\n\n# 标题\n\n[^1]: 注释\n')).toEqual([]);
    expect(sectionStarts('正文\r\r# 标题\r')).toEqual([]);
  });

  it('sections are at least the given length, but the last', () => {
    const text = '# 一\n\n12345\n\n# 二\n\n1\n\n# 三\n\n123456789\n';
    expect(sectionStarts(text)).toEqual([12, 20]);
    expect(sectionsOf(text, 8)).toEqual([[0, 12], [12, 20], [20, 35]]);
    expect(sectionsOf(text, 13)).toEqual([[0, 20], [20, 35]]);
    expect(sectionsOf(text, 100)).toEqual([[0, 35]]);
  });

  it('a short text is parsed whole, a long one in sections to the same tree', () => {
    const part = (n: number) => `## 第 ${n} 部分\n\n- [甲](a${n}.md)\n- [乙](b${n}.md)\n  - [丙](c${n}.md)\n\n> 引用\n继续\n\n`;
    const text = `# 目录\n\n${Array.from({ length: 400 }, (_, n) => part(n)).join('')}`;
    expect(sectionsOf(text, 4096).length).toBeGreaterThan(5);
    expect(parseInSections(text, whole, 1024, 4096)).toEqual(whole(text));
  });
});

/** Every Markdown chapter file under a folder (MDX is parsed whole). */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(!hasShared)(`parse in sections = parse whole, on every corpus chapter cut at every allowed place${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const books = hasShared ? readdirSync(corpusPath(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  it('every chapter of every book', () => {
    let cut = 0;
    const different: string[] = [];
    for (const book of books) {
      for (const file of markdownFiles(corpusPath(book))) {
        const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        if (sectionStarts(text).length === 0) continue;
        cut++;
        if (JSON.stringify(everywhere(text)) !== JSON.stringify(whole(text))) different.push(path.relative(corpusPath(), file));
      }
    }
    expect(different).toEqual([]);
    expect(cut).toBeGreaterThan(100);
  });
});
