import path from 'node:path';
import { ConfigFileError, findConfig } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('findConfig: upward, nearest wins', () => {
  const top = tempTree({
    '.git/HEAD': '',
    'tongwen.config.json': '{ "locale": "zh-TW" }',
    'books/a/SUMMARY.md': '',
    'books/b/tongwen.config.jsonc': '{\n  // comment\n  "$schema": "x", /* more */ "preset": "zh-tw"\n}\n',
    'books/c/package.json': '{ "name": "c", "tongwen": { "slug": "mdbook" } }',
    'books/d/package.json': '{ "name": "d" }',
    'books/e/.tongwenrc.json': '{}',
    'books/e/tongwen.config.json': '{}',
    'books/f/tongwen.config.json': '{ "locale": ',
  });
  const at = (dir: string) => findConfig(path.join(top, dir));

  it('finds the configuration of a parent folder', () => {
    expect(at('books/a')).toEqual({ file: path.join(top, 'tongwen.config.json'), raw: { locale: 'zh-TW' } });
    expect(at('books/d')).toEqual({ file: path.join(top, 'tongwen.config.json'), raw: { locale: 'zh-TW' } });
  });

  it('reads .jsonc with comments, and the "tongwen" key of package.json', () => {
    expect(at('books/b')).toEqual({ file: path.join(top, 'books/b/tongwen.config.jsonc'), raw: { $schema: 'x', preset: 'zh-tw' } });
    expect(at('books/c')).toEqual({ file: path.join(top, 'books/c/package.json'), raw: { slug: 'mdbook' } });
  });

  it('fails naming both files when a folder has two', () => {
    expect(() => at('books/e')).toThrow(ConfigFileError);
    expect(() => at('books/e')).toThrow(`Unexpected two configuration files \`${path.join(top, 'books/e/tongwen.config.json')}\` and \`${path.join(top, 'books/e/.tongwenrc.json')}\`, expected one per folder`);
  });

  it('fails naming the file and the place of a syntax error', () => {
    expect(() => at('books/f')).toThrow(`Cannot read configuration \`${path.join(top, 'books/f/tongwen.config.json')}\`: ValueExpected at offset 12`);
  });

  it('stops at the top of the git work tree', () => {
    const outer = tempTree({ 'tongwen.config.json': '{}', 'repo/.git/HEAD': '', 'repo/docs/a.md': '' });
    expect(findConfig(path.join(outer, 'repo/docs'))).toBeUndefined();
  });
});
