import { readFileSync } from 'node:fs';
import type { SlugFlavour } from '@tongwen/book';
import { lintBook } from '@tongwen/linter';
import { hasShared, memoryBook, testdataPath, testRule } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import rule from '../../src/structure/link-missing-anchor.js';

testRule(rule, {
  valid: [
    { name: 'same file, GitHub slug', code: '## 安装 Docker\n\n见[安装](#安装-docker)。\n' },
    { name: 'percent-encoded Chinese fragment', code: '## 安装\n\n见[安装](#%E5%AE%89%E8%A3%85)。\n' },
    { name: 'explicit id and HTML anchors', code: '## 安装 {#install}\n\n<a name="top-of-page"></a><span id="x"></span>\n\n[a](#install) [b](#top-of-page) [c](#x) [d](#top) [e](#)\n' },
    { name: 'other file, through .html and folders', files: { 'a.md': '[b](b.html#获取镜像) [c](c/#简介)\n', 'b.md': '# 获取镜像\n', 'c/README.md': '# 简介\n' } },
    { name: 'duplicate headings are numbered', code: '## 示例\n\n## 示例\n\n[a](#示例-1)\n' },
    { name: 'fragments of files that are not Markdown are not checked', files: { 'a.md': '[x](main.rs#L10)\n', 'main.rs': '' } },
    { name: 'the book\'s own repository URL uses GitHub anchors', files: { 'a.md': '[x](https://github.com/o/r/blob/main/b.md#安装linux)\n', 'b.md': '# 安装（Linux）\n' }, settings: { repository: 'o/r', slug: 'gitbook' } },
    { name: 'ignoreCase accepts a case-only difference', code: '## Docker\n\n[x](#Docker)\n', options: { ignoreCase: true } },
    { name: 'ignore option', code: '[x](#footer)\n', options: { ignore: ['footer'] } },
  ],
  invalid: [
    {
      name: 'a custom id replaces the generated anchor: the heading text is no anchor once the id changed',
      code: '## VNode {#vnode-api}\n\n见 [VNode](#vnode)。\n',
      errors: [{ line: 3, column: 11, endLine: 3, endColumn: 17, message: 'Unexpected link to missing anchor `#vnode` in this file, did you mean `#vnode-api`?' }],
    },
    {
      name: 'same file, with a suggestion',
      code: '## 安装 Docker\n\n见[安装](#安装docker)。\n',
      errors: [{ line: 3, column: 7, endLine: 3, endColumn: 16, message: 'Unexpected link to missing anchor `#安装docker` in this file, did you mean `#安装-docker`?' }],
    },
    {
      name: 'other file, and case (CRLF, 𠮷)',
      files: { 'a.md': '𠮷[b](b.md#获取)\r\n[c](b.md#Docker)\r\n', 'b.md': '# 获取镜像\r\n\r\n## docker\r\n' },
      errors: [
        { file: 'a.md', line: 1, column: 7, endLine: 1, endColumn: 14, message: 'Unexpected link to missing anchor `#获取` in `b.md`, did you mean `#获取镜像`?' },
        { file: 'a.md', line: 2, column: 5, endLine: 2, endColumn: 16, message: 'Unexpected fragment `#Docker` in `b.md`, expected `#docker` (anchors are case-sensitive)' },
      ],
    },
    {
      name: 'a GitHub anchor under the gitbook flavour',
      code: '## 安装（Linux）\n\n[x](#安装linux)\n',
      settings: { slug: 'gitbook' },
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 13, message: 'Unexpected link to missing anchor `#安装linux` in this file, did you mean `#安装（linux）`?' }],
    },
  ],
});

const columns: Partial<Record<SlugFlavour, string>> = { github: 'github_slugger', gitbook: 'honkit_github_slugid', vitepress: 'vitepress_mdit_vue', mdbook: 'mdbook' };
const flavours = Object.keys(columns) as SlugFlavour[];

describe.skipIf(!hasShared)('link-missing-anchor follows the book\'s slug flavour (slug-comparison.json)', () => {
  const cases = hasShared ? (JSON.parse(readFileSync(testdataPath('slugs', 'slug-comparison.json'), 'utf8')) as Record<string, string>[]) : [];
  /** A book with one chapter per heading and links written with the anchors of `written`. */
  const files = (written: SlugFlavour): Record<string, string> => {
    const book: Record<string, string> = {};
    cases.forEach((entry, i) => {
      book[`h${i}.md`] = `# ${entry.heading}\n`;
    });
    book['links.md'] = cases.map((entry, i) => `[${i}](h${i}.md#${encodeURIComponent(entry[columns[written]!]!)})`).join('\n\n') + '\n';
    return book;
  };
  for (const written of flavours) {
    for (const checked of flavours) {
      it(`links written for ${written}, checked as ${checked}`, () => {
        const book = memoryBook(files(written), { slug: checked });
        const findings = lintBook(book, { rules: [{ rule, severity: 'error', options: { ignore: [], ignoreCase: false } }], settings: { slug: checked, ignore: [] } });
        const broken = findings.map((finding) => Number(/^\[?(\d+)/.exec(book.chapters.get('links.md')!.source.split('\n')[finding.line - 1]!)![1]));
        const expected = cases.flatMap((entry, i) => (entry[columns[written]!] !== entry[columns[checked]!] ? [i] : []));
        expect(broken).toEqual(expected);
        if (written === checked) expect(findings).toEqual([]);
      });
    }
  }
});
