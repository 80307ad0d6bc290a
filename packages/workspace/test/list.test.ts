import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { listFiles, tempPrefix } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('listFiles: one listing policy', () => {
  it('skips .git, node_modules, _book, mdBook output beside book.toml, temporary and lock files; lists dot-folder files', () => {
    const root = tempTree({
      'book.toml': '',
      'book/index.html': '',
      'src/SUMMARY.md': '',
      'src/book/chapter.md': '',
      '_book/x.md': '',
      'node_modules/p/x.md': '',
      '.git/HEAD': '',
      '.images/a.png': '',
      [`src/${tempPrefix}123-x-a.md`]: '',
      '.tongwen-lock': '1',
    });
    expect(listFiles(root, { gitignore: false })).toEqual(['.images/a.png', 'book.toml', 'src/SUMMARY.md', 'src/book/chapter.md']);
  });

  it('honours .gitignore (nested, negated) and .git/info/exclude in a git work tree, also above the root', () => {
    const top = tempTree({
      '.git/info/exclude': 'secret.md\n',
      '.gitignore': '*.log\ndocs/drafts/\n',
      'docs/a.md': '',
      'docs/a.log': '',
      'docs/secret.md': '',
      'docs/drafts/d.md': '',
      'docs/sub/.gitignore': '*.tmp.md\n!keep.tmp.md\n',
      'docs/sub/x.tmp.md': '',
      'docs/sub/keep.tmp.md': '',
    });
    expect(listFiles(path.join(top, 'docs'))).toEqual(['a.md', 'sub/.gitignore', 'sub/keep.tmp.md']);
    expect(listFiles(path.join(top, 'docs'), { gitignore: false })).toEqual(['a.log', 'a.md', 'drafts/d.md', 'secret.md', 'sub/.gitignore', 'sub/keep.tmp.md', 'sub/x.tmp.md']);
  });

  it('leaves out what the configuration ignores (files and whole folders)', () => {
    const root = tempTree({ 'a.md': '', 'drafts/x.md': '', 'drafts/deep/y.md': '', 'CHANGELOG.md': '' });
    expect(listFiles(root, { ignore: ['drafts/**', 'CHANGELOG.md'] })).toEqual(['a.md']);
    expect(listFiles(root, { ignore: ['drafts'] })).toEqual(['CHANGELOG.md', 'a.md']);
  });

  it('follows symbolic links only inside the root, and ends loops', () => {
    const top = tempTree({ 'outside/secret.md': '', 'book/a.md': '', 'book/real/b.md': '' });
    const root = path.join(top, 'book');
    symlinkSync(path.join(top, 'outside'), path.join(root, 'out-dir'));
    symlinkSync(path.join(top, 'outside/secret.md'), path.join(root, 'out-file.md'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    symlinkSync(root, path.join(root, 'real/loop'));
    symlinkSync(path.join(root, 'a.md'), path.join(root, 'same.md'));
    mkdirSync(path.join(root, 'empty'));
    expect(listFiles(root, { gitignore: false })).toEqual(['a.md', 'real/b.md', 'same.md']);
  });

  it('leaves out excluded folders and skipped names', () => {
    const root = tempTree({ 'a.md': '', 'out/a.md': '', 'out/.tongwen-convert.json': '' });
    expect(listFiles(root, { excludeFolders: [path.join(root, 'out')], skipNames: ['.tongwen-convert.json'] })).toEqual(['a.md']);
  });
});
