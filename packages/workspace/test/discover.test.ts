import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bookOfFile, discoverBooks, findContentsFile } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('findContentsFile', () => {
  const root = tempTree({});
  const folder = (name: string, files: string[]): string => {
    const dir = path.join(root, name);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  it('prefers SUMMARY.md, then summary.md, then any case of the name', () => {
    expect(findContentsFile(folder('upper', ['SUMMARY.md', 'summary.md']))).toEqual({ path: 'SUMMARY.md' });
    expect(findContentsFile(folder('lower', ['summary.md']))).toEqual({ path: 'summary.md' });
    expect(findContentsFile(folder('mixed', ['Summary.md']))).toEqual({ path: 'Summary.md' });
  });

  it('looks in src/ of an mdBook book', () => {
    expect(findContentsFile(folder('mdbook', ['book.toml', 'src/SUMMARY.md']))).toEqual({ path: 'src/SUMMARY.md', grammar: 'mdbook' });
    expect(findContentsFile(folder('mdbook-no-src', ['book.toml', 'SUMMARY.md']))).toEqual({ path: 'SUMMARY.md' });
  });

  it("follows GitBook's .gitbook.yaml and HonKit's book.json (root, structure.summary) to a summary that exists", () => {
    const yaml = folder('gitbook-yaml', ['docs/toc.md', 'docs/README.md', 'SUMMARY.md']);
    writeFileSync(path.join(yaml, '.gitbook.yaml'), "root: ./docs/\n\nstructure:\n  readme: README.md\n  summary: 'toc.md' # the contents\n");
    expect(findContentsFile(yaml)).toEqual({ path: 'docs/toc.md' });
    const rootOnly = folder('gitbook-root', ['docs/SUMMARY.md']);
    writeFileSync(path.join(rootOnly, '.gitbook.yaml'), 'root: docs\n');
    expect(findContentsFile(rootOnly)).toEqual({ path: 'docs/SUMMARY.md' });
    const json = folder('honkit-json', ['content/TOC.md']);
    writeFileSync(path.join(json, 'book.json'), '{ "root": "./content", "structure": { "summary": "TOC.md" } }\n');
    expect(findContentsFile(json)).toEqual({ path: 'content/TOC.md' });
    // A summary that is not there, a book.json that says nothing of it or is not JSON: the usual search.
    const absent = folder('gitbook-absent', ['SUMMARY.md']);
    writeFileSync(path.join(absent, '.gitbook.yaml'), 'root: ./docs/\n');
    expect(findContentsFile(absent)).toEqual({ path: 'SUMMARY.md' });
    const plain = folder('honkit-plain', ['SUMMARY.md']);
    writeFileSync(path.join(plain, 'book.json'), '{ "title": "书" }');
    expect(findContentsFile(plain)).toEqual({ path: 'SUMMARY.md' });
    const broken = folder('honkit-broken', ['SUMMARY.md']);
    writeFileSync(path.join(broken, 'book.json'), '');
    expect(findContentsFile(broken)).toEqual({ path: 'SUMMARY.md' });
  });

  it('takes a Docsify _sidebar.md when there is no SUMMARY.md or TOC.md', () => {
    expect(findContentsFile(folder('docsify', ['_sidebar.md', 'README.md']))).toEqual({ path: '_sidebar.md' });
    expect(findContentsFile(folder('docsify-toc', ['_sidebar.md', 'TOC.md']))).toEqual({ path: 'TOC.md' });
    // A sidebar per folder (Docsify reads their entries from the site root): no one contents list.
    expect(findContentsFile(folder('docsify-i18n', ['_sidebar.md', 'README.md', 'zh-cn/_sidebar.md', 'zh-cn/README.md']))).toBeUndefined();
    expect(findContentsFile(folder('docsify-deep', ['_sidebar.md', 'docs/guide/_sidebar.md']))).toBeUndefined();
  });

  it('returns the configured file when it exists', () => {
    const dir = folder('configured', ['SUMMARY.md', 'docs/目录.md']);
    expect(findContentsFile(dir, { configured: './docs/目录.md' })).toEqual({ path: 'docs/目录.md' });
    expect(findContentsFile(dir, { configured: 'missing.md' })).toBeUndefined();
  });

  it('returns undefined when there is none', () => {
    expect(findContentsFile(folder('none', ['README.md']))).toBeUndefined();
    expect(findContentsFile(path.join(root, 'does-not-exist'))).toBeUndefined();
  });
});

describe('the book of a file', () => {
  const top = tempTree({
    '.git/HEAD': '',
    'book/SUMMARY.md': '* [a](01/a.md)\n',
    'book/01/a.md': '',
    'book/01/summary.md': '# 本章小结\n',
    'book/02/summary.md': '* [b](b.md)\n',
    'lone/summary.md': '* [x](x.md)\n',
    'lone/x.md': '',
    'configured/tongwen.config.json': '{}',
    'configured/deep/n.md': '',
    'loose/notes/n.md': '',
  });
  const of = (file: string) => bookOfFile(path.join(top, file));

  it('a lower-case summary.md among chapters inside a book is a chapter: the book is the ancestor with the contents list', () => {
    expect(of('book/01/a.md')).toEqual({ root: path.join(top, 'book'), contents: 'SUMMARY.md', grammar: 'auto' });
    expect(of('book/01/summary.md')).toEqual({ root: path.join(top, 'book'), contents: 'SUMMARY.md', grammar: 'auto' });
  });

  it('a summary.md alone in its folder, or with no book above, is a contents list', () => {
    expect(of('book/02/summary.md')).toEqual({ root: path.join(top, 'book/02'), contents: 'summary.md', grammar: 'auto' });
    expect(of('lone/x.md')).toEqual({ root: path.join(top, 'lone'), contents: 'summary.md', grammar: 'auto' });
  });

  it('a configuration file marks a book root; else the file\'s own folder is a book without contents', () => {
    expect(of('configured/deep/n.md')).toEqual({ root: path.join(top, 'configured') });
    expect(of('loose/notes/n.md')).toEqual({ root: path.join(top, 'loose/notes') });
  });

  it('discoverBooks of a folder searches down; of a file, finds its book', () => {
    expect(discoverBooks(top).map((spec) => path.relative(top, spec.root))).toEqual(['book', 'lone']);
    expect(discoverBooks(path.join(top, 'book/01/a.md'))).toEqual([{ root: path.join(top, 'book'), contents: 'SUMMARY.md', grammar: 'auto' }]);
  });
});
