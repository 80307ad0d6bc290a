/**
 * Shortcuts of `lib/text.ts` against what they stand for. `isHanAt`
 * decides the code points below U+2E80 and the CJK Unified Ideographs
 * without the pattern: it gives the pattern's answer at every code point.
 * The spans prose rules never edit (`protectedSpans`):
 * every kind needs one of `[ { / . @`, so a text with none of them has none
 * (decided without the pattern); and a stream's spans, shared by the prose
 * rules through the run cache, are the spans of its text.
 */
import { parseChapter } from '@tongwen/book';
import { loadBook } from '@tongwen/linter';
import { corpusPath, hasShared } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { createRunCache } from '../src/index.js';
import { hanPattern, isAsciiLetter, isCodeLike, isHanAt, proseStreams, protectedSpans, streamSpans } from '../src/lib/text.js';

describe('isHanAt', () => {
  it('gives the pattern’s answer at every code point, and reads surrogate pairs', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCodePoint(code)}`;
      const han = hanPattern.test(String.fromCodePoint(code));
      if (isHanAt(text, 1) !== han || (code > 0xffff && isHanAt(text, 2) !== han)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
    expect([isHanAt('中', 0), isHanAt('a', 0), isHanAt('𠀀', 1), isHanAt('中', 1)]).toEqual([true, false, true, false]);
  });
});

describe('isAsciiLetter', () => {
  it('gives `[A-Za-z]`’s answer at every code unit (`@ [ ` { ` and full-width `Ａ` are no letters)', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isAsciiLetter(String.fromCharCode(code)) !== /[A-Za-z]/.test(String.fromCharCode(code))) wrong.push(code);
    expect(wrong).toEqual([]);
    expect(['a', 'Z', '@', '[', '`', '{', 'Ａ'].map(isAsciiLetter)).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('protectedSpans', () => {
  const cases: Array<[string, string, Array<[number, number]>]> = [
    ['no mark: no span', '使用 docker run 命令，然后 (可选) 查看日志 100% 完成', []],
    ['a link that did not render', '见 [文字](a b.md) 一节', [[2, 14]]],
    ['a template tag', '插入 {% youtube id %} 标签', [[3, 19]]],
    ['a placeholder', '填写 {{name}} 即可', [[3, 11]]],
    ['a URL', '访问 https://example.com/a 即可', [[3, 24]]],
    ['an address', '写信到 a@b.cn 即可', [[4, 10]]],
    ['a path', '编辑 ./a/b 文件', [[3, 8]]],
    ['a domain name or version', '使用 v1.2 版本', [[3, 7]]],
    ['code written without backticks is protected whole', 'a=1,b=2', [[0, 7]]],
  ];
  it.each(cases)('%s', (_name, text, spans) => {
    expect(protectedSpans(text)).toEqual(spans);
  });
});

describe('streamSpans', () => {
  it('gives the spans of the stream text, once per stream and run', () => {
    const chapter = parseChapter('a.md', '编辑 ./a/b 文件。\n\n使用 docker 命令。\n');
    const cache = createRunCache();
    const streams = proseStreams(chapter, cache);
    expect(streams.map((stream) => streamSpans(stream, cache))).toEqual([[[3, 8]], []]);
    expect(streamSpans(streams[0]!, cache)).toBe(streamSpans(streams[0]!, cache));
    expect(streamSpans(streams[0]!)).toEqual([[3, 8]]);
  });
});

describe.skipIf(!hasShared)('protectedSpans on the corpus', () => {
  it('a stream text without `[ { / . @` gets what the pattern finds', () => {
    let without = 0;
    for (const name of ['docker_practice-2026', 'trpl-zh-cn']) {
      const book = loadBook({ root: corpusPath(name) } as never);
      for (const chapter of book.chapters.values()) {
        for (const stream of proseStreams(chapter)) {
          const text = stream.text;
          if (/[[{/.@]/.test(text)) continue;
          without++;
          // A line holding only `.` adds the mark the pattern then runs for, and no span of its own.
          const reference = isCodeLike(text) ? [[0, text.length]] : protectedSpans(`${text}\n.`);
          expect(protectedSpans(text), `${name}/${chapter.path}`).toEqual(reference);
        }
      }
    }
    expect(without).toBeGreaterThan(1000);
  }, 300_000);
});
