import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { CompiledSource, compileDictionaries } from '../src/lib/compiled.js';
import { jiebaWords, naturalLog } from '../src/lib/jieba.js';
import { jiebaDictionary, loadJieba } from '../src/lib/segmenter.js';

const native = loadJieba();
const dictionary = jiebaDictionary();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

describe('naturalLog', () => {
  test.each([
    [0, -Infinity],
    [1, 0],
    [2, 0.6931471805599453],
    [10, 2.302585092994046],
    // V8's Math.log gives 1.0986122886681096 and 3.8712010109078907: one unit in the last place below.
    [3, 1.0986122886681098],
    [48, 3.871201010907891],
    [60101967, 17.91155312775522],
  ])('ln(%d) = %d, correctly rounded', (n, expected) => {
    expect(naturalLog(n)).toBe(expected);
  });
});

describe('jiebaWords', () => {
  test('a word given again takes the later frequency; no frequency is 0; the extra words come last', () => {
    const { words, total } = jiebaWords('一 3 m\n二 5\n一 4\n三\n\n', [['二', 7], ['四', 1]]);
    expect([...words]).toEqual([['一', 4], ['二', 7], ['三', 0], ['四', 1]]);
    expect(total).toBe(12);
  });
});

describe.skipIf(!native || dictionary === undefined)("jieba's cut in JavaScript", () => {
  const cutter = new CompiledSource(compileDictionaries(OpenCC, dictionary)).segmenter()!;

  test.each([
    '注册表单和归档文件夹',
    'Docker 容器\r\n镜像,\n\n  运行于 `docker run` 之后😀好的𠮷野家。',
    '\r\r\n一\r\n',
    'AA制和T恤，abc123 x+y_z%5-1.2 C# c++ 我们中出了一个叛徒',
    '',
  ])('cuts as the native jieba: %j', (text) => {
    expect(cutter.cut(text)).toEqual(native!.cut(text));
  });

  test.skipIf(!hasShared)('cuts every corpus book as the native jieba', () => {
    const different: string[] = [];
    for (const file of markdownFiles(corpusPath())) {
      const text = readFileSync(file, 'utf8');
      if (JSON.stringify(cutter.cut(text)) !== JSON.stringify(native!.cut(text))) different.push(path.relative(corpusPath(), file));
    }
    expect(different).toEqual([]);
  }, sharedSkipReason as unknown as number);
});
