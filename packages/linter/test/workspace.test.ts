import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, ConfigError } from '@tongwen/linter';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, describe, expect, it } from 'vitest';

/** A temporary folder holding the given files, removed after this file's tests. */
function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongwen-check-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const brief = (result: ReturnType<typeof check>) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('check reads through the workspace', () => {
  it('check FILE in a folder of 3,000 unrelated Markdown files reads that file only', () => {
    const files: Record<string, string> = { 'note.md': '# 笔记\n\n见 [其他](other-0001.md)。\n' };
    for (let i = 0; i < 3000; i++) files[`other-${String(i).padStart(4, '0')}.md`] = `# 第 ${i} 篇\n`;
    const root = tempTree(files);
    const result = check({ paths: ['note.md'], cwd: root, cache: false });
    // The note and the one chapter it links to (its anchors would be checked); nothing else.
    expect(result.reads).toBe(2);
    expect(result.files).toBe(1);
    expect(result.books.map(({ book: _book, ...rest }) => rest)).toEqual([{ spec: { root }, prefix: '', chapters: 2, hasContents: false }]);
  });

  it('config `ignore` and .gitignore keep files out of the book: never read, never checked', () => {
    const root = tempTree({
      '.git/HEAD': '',
      '.gitignore': 'generated/\n',
      'tongwen.config.json': '{ "ignore": ["drafts/**"] }',
      'SUMMARY.md': '* [a](a.md)\n',
      'a.md': '# A\n',
      'drafts/x.md': '# 草稿,没写完\n',
      'generated/y.md': '# 生成,的\n',
    });
    const result = check({ paths: ['.'], cwd: root, cache: false });
    expect(result.reads).toBe(2);
    expect(result.files).toBe(2);
    expect(brief(result)).toEqual([]);
  });

  it('finds the configuration of a parent folder, and stops at the git top', () => {
    const root = tempTree({
      '.git/HEAD': '',
      'tongwen.config.json': '{ "$schema": "./schema.json", "rules": { "heading-increment": "off" } }',
      'docs/book/SUMMARY.md': '* [a](a.md)\n',
      'docs/book/a.md': '# A\n\n### 跳级\n',
    });
    expect(brief(check({ paths: ['docs/book'], cwd: root, cache: false }))).toEqual([]);
    expect(brief(check({ paths: ['docs/book'], cwd: root, cache: false, rules: { 'heading-increment': 'error' } }))).toEqual(['heading-increment a.md:3']);
  });

  it('a configured contents list outside the book folder is a configuration error', () => {
    const root = tempTree({ 'tongwen.config.json': '{ "contents": "../x.md" }', 'a.md': '# A\n' });
    expect(() => check({ paths: ['.'], cwd: root, cache: false })).toThrow(ConfigError);
    expect(() => check({ paths: ['.'], cwd: root, cache: false })).toThrow('`contents` is "../x.md", expected a path inside the book folder');
  });
});

describe.skipIf(!hasShared)(`check FILE on a real book${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('a chapter of docker_practice-2026 checked alone gives exactly the whole-book findings of that file (its folder\'s summary.md is a chapter)', () => {
    const root = corpusPath('docker_practice-2026');
    const file = '01_introduction/1.2_what.md';
    const whole = check({ paths: ['.'], cwd: root, cache: false }).findings.filter((finding) => finding.file === file);
    const alone = check({ paths: [file], cwd: root, cache: false });
    expect(alone.books.map((book) => book.spec)).toEqual([{ root, contents: 'SUMMARY.md', grammar: 'auto' }]);
    expect(alone.files).toBe(1);
    expect(alone.findings.filter((finding) => finding.file === file)).toEqual(whole);
  });
});
