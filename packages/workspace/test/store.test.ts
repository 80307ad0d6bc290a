import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashText, isSafePath, openStore, saveStore, storeKey, type StoreKind } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

interface Entry {
  input: string;
}
const kind: StoreKind<Entry> = { tool: 'tongwen test', isEntry: (value): value is Entry => typeof (value as Entry | null)?.input === 'string' };

describe('the content-hash store', () => {
  const root = tempTree({});
  const file = path.join(root, 'sub', 'store.json');
  const key = storeKey('1.0.0', { to: 'zh-TW' });

  it('hashes content with one hash (SHA-256, text as UTF-8)', () => {
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashText('書')).toBe(hashText(new TextEncoder().encode('書')));
  });

  it('keys on the tool version and the configuration', () => {
    expect(storeKey('1.0.0', { to: 'zh-TW' })).toBe(key);
    expect(new Set([key, storeKey('1.0.1', { to: 'zh-TW' }), storeKey('1.0.0', { to: 'zh-HK' }), storeKey('1.0.0', null)]).size).toBe(4);
  });

  it('saves atomically with sorted keys (stable bytes), and opens what it saved under the same key only', () => {
    expect(openStore(file, kind, key)).toEqual({ status: 'missing', data: { key, files: {} } });
    saveStore(file, kind, { key, meta: { list: 'h' }, files: { 'b.md': { input: '2' }, 'a.md': { input: '1' }, '../x.md': { input: '3' } } });
    expect(readFileSync(file, 'utf8')).toBe(`{"tool":"tongwen test","version":1,"options":"${key}","meta":{"list":"h"},"files":{"a.md":{"input":"1"},"b.md":{"input":"2"}}}`);
    expect(openStore(file, kind, key)).toEqual({ status: 'loaded', data: { key, meta: { list: 'h' }, files: { 'a.md': { input: '1' }, 'b.md': { input: '2' } } } });
    const other = storeKey('1.0.1', { to: 'zh-TW' });
    expect(openStore(file, kind, other)).toEqual({ status: 'outdated', data: { key: other, files: {} } });
    // Without a key: the record as it is, whatever wrote it.
    expect(openStore(file, kind).data.files).toEqual({ 'a.md': { input: '1' }, 'b.md': { input: '2' } });
    saveStore(file, { ...kind, pretty: true }, { key, files: {} });
    expect(readFileSync(file, 'utf8')).toBe(`{\n "tool": "tongwen test",\n "version": 1,\n "options": "${key}",\n "files": {}\n}\n`);
  });

  it('ignores a file that is not JSON or not a store of its kind, naming it', () => {
    for (const [text, expected] of [
      ['{"tool":', `Unexpected content in \`${file}\`, expected JSON: ignored`],
      ['[]', `Unexpected content in \`${file}\`, expected a \`tongwen test\` store of version 1: ignored`],
      [JSON.stringify({ tool: 'tongwen other', version: 1, options: key, files: {} }), `Unexpected content in \`${file}\`, expected a \`tongwen test\` store of version 1: ignored`],
      [JSON.stringify({ tool: 'tongwen test', version: 2, options: key, files: {} }), `Unexpected content in \`${file}\`, expected a \`tongwen test\` store of version 1: ignored`],
      [JSON.stringify({ tool: 'tongwen test', version: 1, options: key, files: [] }), `Unexpected content in \`${file}\`, expected a \`tongwen test\` store of version 1: ignored`],
    ] as const) {
      writeFileSync(file, text);
      expect(openStore(file, kind, key)).toEqual({ status: 'invalid', data: { key, files: {} }, problem: expected });
    }
  });

  it('drops entries whose path leaves the folder or whose record is malformed, naming them', () => {
    const files = { 'a.md': { input: '1' }, '../victim.txt': { input: '2' }, '/etc/x': { input: '3' }, 'a/../../b': { input: '4' }, 'c.md': { input: 5 }, 'd\u001b.md': { input: '6' } };
    writeFileSync(file, JSON.stringify({ tool: 'tongwen test', version: 1, options: key, files }));
    const opened = openStore(file, kind, key);
    expect(opened.data.files).toEqual({ 'a.md': { input: '1' }, 'd\u001b.md': { input: '6' } });
    expect(opened.problem).toBe(`Unexpected 4 entries \`../victim.txt\`, \`/etc/x\`, \`a/../../b\` … in \`${file}\`, expected a path inside its folder and a well-formed record: ignored`);
  });

  it('knows a path that stays inside its folder', () => {
    expect(['a.md', 'a/b.md', '.hidden/x', '中文/章.md'].every(isSafePath)).toBe(true);
    expect(['', '..', '../a', 'a/..', 'a//b', './a', '/a', 'C:a', 'a\\b', 'a\0b'].some(isSafePath)).toBe(false);
  });
});
