import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openRecords, saveRecords, storeKey, StoredRecord, type RecordKind } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

interface Entry {
  hash: string;
  input: string;
}
interface Summary {
  state: string;
}
const kind: RecordKind<Entry, Summary> = {
  tool: 'tongwen test',
  tag: (entry) => entry.hash,
  isEntry: (value): value is Entry => typeof (value as Entry | null)?.hash === 'string' && typeof (value as Entry).input === 'string',
  isSummary: (value): value is Summary => typeof (value as Summary | null)?.state === 'string',
};

/** Every record of a load, read. */
const readAll = (records: ReadonlyMap<string, StoredRecord<Entry>>) => Object.fromEntries([...records].map(([name, record]) => [name, [record.tag, record.read()]]));

describe('the records layout of the store', () => {
  const root = tempTree({});
  const file = path.join(root, 'sub', 'store.bin');
  const key = storeKey('1.0.0', { rules: 'all' });
  const entries = { 'b.md': { hash: 'h2', input: '乙' }, 'a.md': { hash: 'h1', input: '甲' }, '../x.md': { hash: 'h3', input: 'x' } };
  const header = (records: unknown[], summary?: number) => JSON.stringify({ tool: 'tongwen test', version: 2, options: key, meta: { list: 'l' }, ...(summary !== undefined ? { summary } : {}), records });

  it('saves a header line, then the summary and the records, paths sorted (stable bytes); reads back what it saved', () => {
    expect(openRecords(file, kind, key)).toEqual({ status: 'missing', data: { key, records: new Map() } });
    saveRecords(file, kind, { key, meta: { list: 'l' }, summary: { state: 's' }, records: entries });
    const a = '{"hash":"h1","input":"甲"}';
    const b = '{"hash":"h2","input":"乙"}';
    const bytes = (text: string) => Buffer.byteLength(text);
    expect(readFileSync(file, 'utf8')).toBe(`${header([['a.md', 'h1', bytes(a)], ['b.md', 'h2', bytes(b)]], bytes('{"state":"s"}'))}\n{"state":"s"}${a}${b}`);
    const opened = openRecords(file, kind, key);
    expect([opened.status, opened.problem, opened.data.key, opened.data.meta, opened.data.summary?.read()]).toEqual(['loaded', undefined, key, { list: 'l' }, { state: 's' }]);
    expect(readAll(opened.data.records)).toEqual({ 'a.md': ['h1', entries['a.md']], 'b.md': ['h2', entries['b.md']] });
    // Another key: nothing; no key: the records as they are.
    expect(openRecords(file, kind, storeKey('1.0.1', { rules: 'all' })).status).toBe('outdated');
    expect(readAll(openRecords(file, kind).data.records)).toEqual(readAll(opened.data.records));
  });

  it('writes a record read from the store back as its bytes, unread, and reads each record once', () => {
    saveRecords(file, kind, { key, records: { 'a.md': entries['a.md'], 'b.md': entries['b.md'] } });
    const before = readFileSync(file);
    const opened = openRecords(file, kind, key).data;
    const kept = opened.records.get('a.md')!;
    saveRecords(file, kind, { key, records: { 'a.md': kept, 'b.md': entries['b.md'] } });
    expect(readFileSync(file)).toEqual(before);
    expect(kept.read()).toBe(kept.read());
  });

  it('ignores a torn file, a file of another kind or layout, naming it', () => {
    saveRecords(file, kind, { key, summary: { state: 's' }, records: entries });
    const good = readFileSync(file);
    const unexpected = `Unexpected content in \`${file}\`, expected a \`tongwen test\` store of version 2`;
    for (const [content, problem] of [
      [good.subarray(0, good.length - 1), `${unexpected} of ${good.length} bytes (a torn or foreign file): ignored`],
      [Buffer.concat([good, Buffer.from('{}')]), `${unexpected} of ${good.length} bytes (a torn or foreign file): ignored`],
      [good.subarray(0, good.indexOf(0x0a)), `${unexpected}: ignored`],
      [good.subarray(0, 20), `${unexpected}: ignored`],
      [JSON.stringify({ tool: 'tongwen test', version: 2, options: key, files: {} }), `${unexpected}: ignored`],
      [JSON.stringify({ tool: 'tongwen other', version: 1, options: key, files: {} }), `${unexpected}: ignored`],
      [`${JSON.stringify({ tool: 'tongwen other', version: 2, options: key, records: [] })}\n`, `${unexpected}: ignored`],
      [`${JSON.stringify({ tool: 'tongwen test', version: 2, options: key, records: [['a.md', 'h', -1]] })}\n`, `${unexpected}: ignored`],
      [`${JSON.stringify({ tool: 'tongwen test', version: 2, options: key, meta: { a: 1 }, records: [] })}\n`, `${unexpected}: ignored`],
    ] as const) {
      writeFileSync(file, content);
      expect(openRecords(file, kind, key)).toEqual({ status: 'invalid', data: { key, records: new Map() }, problem });
    }
  });

  it('takes a store of the JSON layout (version 1, what earlier versions saved) as outdated: replaced without a note', () => {
    writeFileSync(file, JSON.stringify({ tool: 'tongwen test', version: 1, options: key, files: { 'a.md': entries['a.md'] } }));
    expect(openRecords(file, kind, key)).toEqual({ status: 'outdated', data: { key, records: new Map() } });
  });

  it('drops records whose path leaves the folder (named), and reads a malformed record as absent', () => {
    const texts = ['{"hash":"h1","input":"甲"}', '{"hash":"h2","input":"乙"}', '{"hash":"h3","input":3}', '{"hash":"h4",'];
    const rows = [['a.md', 'h1'], ['../victim.txt', 'h2'], ['c.md', 'h3'], ['d.md', 'h4']].map(([name, tag], index) => [name, tag, Buffer.byteLength(texts[index]!)]);
    writeFileSync(file, `${header(rows)}\n${texts.join('')}`);
    const opened = openRecords(file, kind, key);
    expect(opened.problem).toBe(`Unexpected entry \`../victim.txt\` in \`${file}\`, expected a path inside its folder: ignored`);
    expect(readAll(opened.data.records)).toEqual({ 'a.md': ['h1', entries['a.md']], 'c.md': ['h3', undefined], 'd.md': ['h4', undefined] });
    expect([...opened.data.records].filter(([, record]) => record.broken).map(([name]) => name)).toEqual(['c.md', 'd.md']);
  });
});
