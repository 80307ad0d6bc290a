import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { Boundaries, inJiebaBlock } from '../src/lib/boundaries.js';
import { compoundSplit, loadJieba, wordCuts, type Segmenter } from '../src/lib/segmenter.js';

const jieba = loadJieba();

/** Boundaries of the whole text, every position asked for. */
function lazyCuts(text: string, segmenter: Segmenter, simplified = new Uint16Array(0x10000)): Uint8Array | undefined {
  const boundaries = new Boundaries(text, { segmenter: () => segmenter, simplified, split: (word) => compoundSplit(segmenter, word) });
  boundaries.ensure(0, text.length);
  return boundaries.failed ? undefined : boundaries.cuts;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

describe.skipIf(!jieba)('Boundaries', () => {
  test("jieba's block class", () => {
    expect(['中', 'a', 'Z', '9', '+', '#', '&', '.', '_', '%', '-', '𠮷', '豈'].every((char) => inJiebaBlock(char.codePointAt(0)!))).toBe(true);
    expect([' ', '，', '(', '/', '😀', '·', '\u3000', 'é'].some((char) => inJiebaBlock(char.codePointAt(0)!))).toBe(false);
  });

  test.each([
    ['注册表单和归档文件夹', 'a plain sentence'],
    ['Docker 容器\r\n镜像,\n\n  运行于 `docker run` 之后😀好的𠮷野家。', 'line ends, emoji, a surrogate pair in a block, Latin runs'],
    ['\r\r\n一\r\n', 'a \\r before \\r\\n'],
    ['', 'empty text'],
  ])('give the cuts of the whole text: %j (%s)', (text) => {
    expect(lazyCuts(text, jieba!)).toEqual(wordCuts(jieba!, text));
  });

  test('cut only the blocks asked for, once each', () => {
    const cut: string[] = [];
    const segmenter: Segmenter = { cut: (text) => (cut.push(text), jieba!.cut(text)) };
    const boundaries = new Boundaries('前面一句，中间这一句。后面', { segmenter: () => segmenter, simplified: new Uint16Array(0x10000), split: () => 0 });
    boundaries.ensure(6, 8);
    boundaries.ensure(5, 9);
    expect(cut).toEqual(['中间这一句']);
  });

  test('Traditional text is cut on its Simplified form', () => {
    const simplified = new Uint16Array(0x10000);
    for (const [from, to] of [['註', '注'], ['冊', '册'], ['單', '单']]) simplified[from!.charCodeAt(0)] = to!.charCodeAt(0);
    expect(lazyCuts('註冊表單', jieba!, simplified)).toEqual(wordCuts(jieba!, '注册表单'));
  });

  test('words that do not add up to a block fail, as wordCuts gives no cuts', () => {
    expect(lazyCuts('一二三', { cut: () => ['一', '三'] })).toBeUndefined();
    expect(wordCuts({ cut: () => ['一', '三'] }, '一二三')).toBeUndefined();
  });

  test.skipIf(!hasShared)('give the cuts of the whole text on every corpus book', () => {
    let files = 0;
    for (const book of ['docker_practice-2026', 'trpl-zh-cn', 'hexo-docs-zh', 'vue-docs-zh-cn', 'tldr-zh']) {
      for (const file of markdownFiles(corpusPath(book))) {
        const text = readFileSync(file, 'utf8');
        const lazy = lazyCuts(text, jieba!);
        const whole = wordCuts(jieba!, text);
        if (lazy?.join('') !== whole?.join('')) expect.fail(`Unexpected cuts of \`${file}\`, expected those of the whole text`);
        files++;
      }
    }
    expect(files).toBeGreaterThan(2000);
  }, sharedSkipReason as unknown as number);
});
