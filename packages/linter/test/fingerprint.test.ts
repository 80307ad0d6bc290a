import { lintBook } from '@tongwen/linter';
import { defineChapterRule } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

/** A rule whose message, like a "did you mean", depends on the rest of the book: one finding per `TODO`. */
const todo = defineChapterRule({
  meta: { id: 'contents-orphan', family: 'structure', scope: 'chapter', description: 'test rule', fixable: false, severity: 'warning', presets: [], options: {} },
  check({ chapter, book, report }) {
    for (const match of chapter.source.matchAll(/TODO/g)) {
      report({ start: match.index, end: match.index + 4, message: `Unexpected \`TODO\`, expected one of ${[...(book?.chapters.keys() ?? [])].sort().join(', ')}` });
    }
  },
});
const options = { rules: [{ rule: todo, severity: 'warning' as const, options: {} }], settings: { slug: 'github' as const, ignore: [] } };
const prints = (files: Record<string, string>) => lintBook(memoryBook(files), options).filter((finding) => finding.file === 'a.md').map((finding) => finding.fingerprint);

describe('fingerprints', () => {
  const base = prints({ 'a.md': '# 标题\n\n第一段 TODO 之后。\n\n第二段 TODO 之后。\n' });

  it('are 16 hex digits, and two identical problems in one file get two', () => {
    expect(base).toHaveLength(2);
    expect(base[0]).toMatch(/^[\da-f]{16}$/);
    expect(new Set(prints({ 'a.md': 'TODO\n\nTODO\n' })).size).toBe(2);
  });

  it('do not move when lines are inserted above', () => {
    expect(prints({ 'a.md': '# 标题\n\n新的一段。\n\n另一段。\n\n第一段 TODO 之后。\n\n第二段 TODO 之后。\n' })).toEqual(base);
  });

  it('do not move when an unrelated file is added and the message (the suggestion) changes', () => {
    const book = memoryBook({ 'a.md': '# 标题\n\n第一段 TODO 之后。\n\n第二段 TODO 之后。\n', 'b.md': '# 别的\n' });
    const findings = lintBook(book, options).filter((finding) => finding.file === 'a.md');
    expect(findings[0]!.message).toBe('Unexpected `TODO`, expected one of a.md, b.md');
    expect(findings.map((finding) => finding.fingerprint)).toEqual(base);
  });

  it('move when the flagged text or its file changes', () => {
    expect(prints({ 'a.md': '# 标题\n\n第一段 TODO 以后。\n\n第二段 TODO 之后。\n' })[0]).not.toBe(base[0]);
    const other = lintBook(memoryBook({ 'c.md': '# 标题\n\n第一段 TODO 之后。\n\n第二段 TODO 之后。\n' }), options).map((finding) => finding.fingerprint);
    expect(other[0]).not.toBe(base[0]);
  });
});
