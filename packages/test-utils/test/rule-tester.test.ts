import { defineChapterRule } from '@tongwen/rules';
import * as utils from '@tongwen/test-utils';
import { assertSoundCase, memoryBook, oncePerWorker } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const meta = { id: 'heading-empty', family: 'structure', scope: 'chapter', description: 'Test rule', severity: 'error', presets: [], options: {} } as const;
const fixable = defineChapterRule({ meta: { ...meta, fixable: true }, check: () => undefined });
const plain = defineChapterRule({ meta: { ...meta, fixable: false }, check: () => undefined });
const error = { line: 1, column: 1, message: 'Unexpected x' };

describe('@tongwen/test-utils', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(utils).sort()).toEqual(['assertSoundCase', 'conventionBook', 'corpusBook', 'corpusPath', 'hasShared', 'memoryBook', 'oncePerWorker', 'repoRoot', 'seedsPath', 'sharedDir', 'sharedSkipReason', 'testRule', 'testdataPath']);
  });

  it('oncePerWorker makes a value once per key and gives the same one after', () => {
    const made: string[] = [];
    const make = (value: string) => () => {
      made.push(value);
      return { value };
    };
    const first = oncePerWorker('test-utils once a', make('a'));
    expect(oncePerWorker('test-utils once a', make('again'))).toBe(first);
    expect(oncePerWorker('test-utils once b', make('b'))).toEqual({ value: 'b' });
    expect(made).toEqual(['a', 'b']);
  });

  it('rejects an invalid case without an expected finding', () => {
    expect(() => assertSoundCase(plain, { code: 'x', errors: [] })).toThrow('An invalid case must expect at least one finding');
  });

  it('rejects a fixable rule’s case without an output', () => {
    expect(() => assertSoundCase(fixable, { code: 'x', errors: [error] })).toThrow('Rule `heading-empty` is fixable: give `output` (or `null` for no fix)');
  });

  it('rejects an output for a rule that cannot fix', () => {
    expect(() => assertSoundCase(plain, { code: 'x', errors: [error], output: 'y' })).toThrow('Rule `heading-empty` is not fixable, yet the case has an output');
  });

  it('rejects a fix that changes nothing', () => {
    expect(() => assertSoundCase(fixable, { code: 'x', errors: [error], output: 'x' })).toThrow('The expected output equals the input: a fix that changes nothing');
  });

  it('accepts a sound case', () => {
    expect(() => assertSoundCase(fixable, { code: 'x', errors: [error], output: 'y' })).not.toThrow();
    expect(() => assertSoundCase(fixable, { code: 'x', errors: [error], output: null })).not.toThrow();
  });

  it('builds an in-memory book with its contents list', () => {
    const book = memoryBook({ 'SUMMARY.md': '* [甲](a.md)\n', 'a.md': '# 甲\n', 'img/x.png': '' });
    expect([...book.chapters.keys()]).toEqual(['SUMMARY.md', 'a.md']);
    expect([...book.files]).toEqual(['SUMMARY.md', 'a.md', 'img/x.png']);
    expect(book.contents?.entries.map((entry) => entry.path)).toEqual(['a.md']);
  });
});
