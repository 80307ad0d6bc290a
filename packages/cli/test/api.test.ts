import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as api from '../src/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBook } from './helpers.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the programmatic API of `tongwen`', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(['ConfigError', 'InputError', 'checkFolder', 'checkMarkdown', 'convertFolder', 'convertText', 'run']);
  });

  it('checkMarkdown checks a string with a locale, chapter rules only', async () => {
    const result = await api.checkMarkdown('# 标题\n\n使用Docker运行,然后见[别处](other.md)。\n', { locale: 'zh-Hans' });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['3:2 zh-spacing', '3:8 zh-spacing', '3:11 zh-punctuation-width']);
    expect(result).toMatchObject({ files: 1, errors: 0, warnings: 3, infos: 0 });
    const tw = await api.checkMarkdown('# 標題\n\n鏡像和容器的關系。\n', { locale: 'zh-TW' });
    expect(tw.findings.map((f) => f.message)).toContain('Unexpected `系` in zh-TW text, expected `係`');
  });

  it('convertText converts prose only', async () => {
    expect(await api.convertText('# 软件\n\n“运行” `软件` [链接](软件.md)\n', { to: 'zh-TW', phrases: true })).toBe('# 軟體\n\n「執行」 `软件` [連結](软件.md)\n');
  });

  it('checkFolder and convertFolder work on a folder', async () => {
    const root = tempBook({ 'SUMMARY.md': '# 目录\n\n* [简介](README.md)\n', 'README.md': '# 简介\n\n使用Docker。\n' });
    folders.push(root);
    const checked = await api.checkFolder(root);
    expect(checked.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['README.md:3 zh-spacing']);
    const out = path.join(root, 'out');
    expect(await api.convertFolder(root, { to: 'zh-Hant', out })).toMatchObject({ code: 0 });
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('# 簡介\n\n使用Docker。\n');
  });
});
