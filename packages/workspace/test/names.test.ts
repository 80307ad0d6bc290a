import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { folderNames, subfolders } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('folderNames', () => {
  const root = tempTree({ 'hugo.toml': '', 'content/_index.md': '', 'content/docs/a.md': '', 'other/b.md': '', '.vitepress/config.ts': '' });

  it('lists files one level, and the folders asked for one level down', () => {
    expect(folderNames(root, (name) => name === 'content' || name === '.vitepress').sort()).toEqual(['.vitepress/.', '.vitepress/config.ts', 'content/.', 'content/_index.md', 'content/docs/.', 'hugo.toml']);
  });

  it('gives [] for a folder that cannot be read', () => {
    expect(folderNames(path.join(root, 'absent'), () => true)).toEqual([]);
  });
});

describe('subfolders', () => {
  const root = tempTree({ 'zh-hans/a.md': '', 'zh-tw/a.md': '', 'zh-hk.md': '', 'en/a.md': '' });
  symlinkSync(path.join(root, 'en'), path.join(root, 'en-link'));

  it('lists the folders (links to folders too), sorted, never files', () => {
    expect(subfolders(root)).toEqual(['en', 'en-link', 'zh-hans', 'zh-tw']);
    expect(subfolders(path.join(root, 'absent'))).toEqual([]);
  });
});
