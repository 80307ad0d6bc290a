import { parseContents } from '@tongwen/book';
import { describe, expect, it } from 'vitest';
import { useColor } from '../src/report/context.js';
import { contentsTree } from '../src/report/outline.js';
import { linkBaseFor, reportTargets } from '../src/report/outputs.js';

const io = (env: Record<string, string>, isTTY = false) => ({ stdout: { write: () => true, isTTY }, stderr: { write: () => true }, cwd: '/repo', env });

describe('report context', () => {
  it('colour: the flag, else FORCE_COLOR, else NO_COLOR, else a terminal', () => {
    expect(useColor(false, io({ FORCE_COLOR: '1' }, true))).toBe(false);
    expect(useColor(true, io({ NO_COLOR: '1' }))).toBe(true);
    expect(useColor(undefined, io({ FORCE_COLOR: '1', NO_COLOR: '1' }))).toBe(true);
    expect(useColor(undefined, io({ FORCE_COLOR: '0' }, true))).toBe(false);
    expect(useColor(undefined, io({ NO_COLOR: '1' }, true))).toBe(false);
    expect(useColor(undefined, io({ NO_COLOR: '' }, true))).toBe(true);
    expect(useColor(undefined, io({}, true))).toBe(true);
    expect(useColor(undefined, io({}, false))).toBe(false);
  });

  it('the contents tree: parts, nested chapters in order, entries without a file as text', () => {
    const contents = parseContents('# 书\n\n* [前言](README.md)\n\n## 第一部分\n\n* [一](a/README.md)\n  * [一.1](a/1.md)\n    * [一.1.1](a/1-1.md)\n  * [一.2](a/2.md)\n* 草稿\n\n## 第二部分\n\n* [二](b.md)\n', 'SUMMARY.md', { grammar: 'gitbook' });
    const tree = contentsTree(contents.entries, 'book');
    const shape = (nodes: typeof tree): unknown[] => nodes.map((n) => [n.kind, n.title, n.file ?? null, ...(n.children.length ? [shape(n.children)] : [])]);
    expect(shape(tree)).toEqual([
      ['chapter', '前言', 'book/README.md'],
      ['part', '第一部分', null, [
        ['chapter', '一', 'book/a/README.md', [['chapter', '一.1', 'book/a/1.md', [['chapter', '一.1.1', 'book/a/1-1.md']]], ['chapter', '一.2', 'book/a/2.md']]],
        ['text', '草稿', null],
      ]],
      ['part', '第二部分', null, [['chapter', '二', 'book/b.md']]],
    ]);
  });

  it('targets: NAME, NAME:FILE and --output; relative links from the report to the current folder', async () => {
    expect((await reportTargets(['html', 'sarif:out/r.sarif'], 'site/report.html')).map((t) => [t.name, t.file])).toEqual([['html', 'site/report.html'], ['sarif', 'out/r.sarif']]);
    expect((await reportTargets([], undefined)).map((t) => [t.name, t.file])).toEqual([['stylish', undefined]]);
    const [html] = await reportTargets(['html:site/deep/report.html'], undefined);
    expect(linkBaseFor(html!, undefined, io({}))).toBe('../..');
    expect(linkBaseFor(html!, 'https://github.com/o/r/blob/x', io({}))).toBe('https://github.com/o/r/blob/x');
  });
});
