import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '@tongwen/book';
import { anchorMaps, convertChapter, createConverters, finishChapter, fragmentEdits, type Converters, type TextConverter } from '@tongwen/convert';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';

/**
 * Every Simplified corpus book: glaring word-boundary errors (characters
 * converted otherwise than their own jieba word converts alone, e.g. 一箇中央,
 * 這裡麵包含, 提交併且) of plain opencc-js and of tongwen, s2tw.
 */
const books = {
  // 并为 (the conjunction before a one-character word: 並為, see corrections.ts) took 13 of tongwen's errors away.
  'docker_practice-2018': { opencc: 31, tongwen: 3 },
  'docker_practice-2026': { opencc: 38, tongwen: 7 },
  'trpl-zh-cn/src': { opencc: 127, tongwen: 3 },
  'hexo-docs-zh/source/zh-cn': { opencc: 1, tongwen: 0 },
  'tldr-zh/pages.zh': { opencc: 28, tongwen: 1 },
  'vue-docs-zh-cn/src': { opencc: 79, tongwen: 3 },
} as const;

function markdownFiles(root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...markdownFiles(root, relative));
    else if (entry.name.endsWith('.md')) files.push(relative);
  }
  return files.sort();
}

/**
 * Each jieba word converted on its own by plain OpenCC: how a character
 * converts when no phrase reaches across its word.
 */
function wordByWord(converters: Converters, plain: TextConverter): TextConverter {
  return (text) => {
    const cuts = converters.cuts(text);
    if (!cuts) return plain(text);
    let out = '';
    let start = 0;
    for (let k = 1; k <= text.length; k++) {
      if (cuts[k] !== 1) continue;
      out += plain(text.slice(start, k));
      start = k;
    }
    return out;
  };
}

/** Characters where `a` differs from the word-by-word reference (same length only). */
function differences(a: string, reference: string): number {
  if (a.length !== reference.length) return 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== reference[i]) count++;
  return count;
}

describe.skipIf(!hasShared)('word boundaries on every corpus book', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});

  test('every book: fewer glaring word-boundary errors than opencc-js; converting the output again changes nothing (one known exception)', async () => {
    const converters = await createConverters();
    const plain = (await createConverters({ segmentation: false })).get('s2tw');
    const tongwen = converters.get('s2tw');
    const reference = wordByWord(converters, plain);
    const counts: Record<string, { opencc: number; tongwen: number }> = {};
    const unstable: string[] = [];
    for (const book of Object.keys(books)) {
      const root = corpusPath(book);
      const errors = { opencc: 0, tongwen: 0 };
      const measured: TextConverter = (text) => {
        const ours = tongwen(text);
        const expected = reference(text);
        errors.opencc += differences(plain(text), expected);
        errors.tongwen += differences(ours, expected);
        return ours;
      };
      const chapters = markdownFiles(root).map((file) => parseChapter(file, readFileSync(path.join(root, file), 'utf8')));
      const conversions = chapters.map((chapter) => convertChapter(chapter, { convert: measured }));
      const maps = anchorMaps(conversions);
      chapters.forEach((chapter, index) => {
        const conversion = conversions[index]!;
        const output = finishChapter(chapter.source, conversion, fragmentEdits(conversion, (target) => maps.get(target)));
        const again = convertChapter(parseChapter(chapter.path, output), { convert: tongwen });
        for (const edit of again.edits) unstable.push(`${book}/${chapter.path}: ${output.slice(edit.start, edit.end)} → ${edit.text}`);
      });
      counts[book] = errors;
      expect(errors.tongwen, book).toBeLessThan(errors.opencc);
    }
    // One known exception: OpenCC's classical phrase 云为 (云爲, "to say") is used
    // where jieba cuts 阿里/云/为 into whole words; 云為 converted again gives 雲為.
    expect(unstable).toEqual(['docker_practice-2026/16_cloud/16.3_alicloud.md: 云 → 雲']);
    expect(counts).toEqual(books);
    // Six books converted three ways, then again: minutes on a loaded 2-core machine.
  }, 600_000);

  test('every book, phrase and tech profiles: converting the output again changes nothing (the same known exception)', async () => {
    const converters = await createConverters();
    const unstable: string[] = [];
    for (const config of ['s2twp', 's2twt'] as const) {
      const convert = converters.get(config);
      for (const book of Object.keys(books)) {
        const root = corpusPath(book);
        const chapters = markdownFiles(root).map((file) => parseChapter(file, readFileSync(path.join(root, file), 'utf8')));
        const conversions = chapters.map((chapter) => convertChapter(chapter, { convert }));
        const maps = anchorMaps(conversions);
        chapters.forEach((chapter, index) => {
          const conversion = conversions[index]!;
          const output = finishChapter(chapter.source, conversion, fragmentEdits(conversion, (target) => maps.get(target)));
          const again = convertChapter(parseChapter(chapter.path, output), { convert });
          for (const edit of again.edits) unstable.push(`${config} ${book}/${chapter.path}: ${output.slice(edit.start, edit.end)} → ${edit.text}`);
        });
      }
    }
    // Before: 文件 → 檔案 (×408: 文档 became 文件), 台 → 臺 (×148), 程序 → 程式 (×14) and others, 584 in all.
    expect(unstable).toEqual(['s2twp docker_practice-2026/16_cloud/16.3_alicloud.md: 云 → 雲', 's2twt docker_practice-2026/16_cloud/16.3_alicloud.md: 云 → 雲']);
  }, 600_000);
});
