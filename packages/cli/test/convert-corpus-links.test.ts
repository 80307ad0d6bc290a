import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectDialect } from '@tongwen/linter';
import { rules } from '@tongwen/rules';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { tongwen } from './helpers.js';

/**
 * Every Simplified corpus book converted to zh-TW by the command line, then
 * checked by it: the links, anchors, images and contents entries that worked
 * in the source work in the output (the findings of those rules in the output
 * are the source's, none more). The output is checked under the source's
 * site dialect (its slug flavour and static folders), as the converted
 * edition would be published beside the source.
 */
const books = ['docker_practice-2018', 'docker_practice-2026', 'trpl-zh-cn/src', 'hexo-docs-zh/source/zh-cn', 'tldr-zh/pages.zh', 'vue-docs-zh-cn/src'] as const;

/** The rules of links, anchors, images and contents entries that lead nowhere (not titles, which conversion may bring in step). */
const targetRules = /^(?:link-(?!external)|image-|contents-(?:missing-file|target-not-file)$)/;

/** Every other rule off: the checks below read only the target rules' findings (typography and script rules cost most of a check). */
const otherRulesOff = rules.filter((rule) => !targetRules.test(rule.meta.id)).flatMap((rule) => ['--rule', `${rule.meta.id}=off`]);

/** Findings of the link rules in one book: `rule file:line` → how many. */
async function linkFindings(book: string): Promise<Map<string, number>> {
  const result = await tongwen(['check', book, '--format', 'json', '--no-cache', ...otherRulesOff], book);
  expect(result.code, result.stderr).toBeLessThan(2);
  const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
  const counts = new Map<string, number>();
  for (const finding of report.findings) {
    if (!targetRules.test(finding.ruleId)) continue;
    const key = `${finding.ruleId} ${finding.file}:${finding.line}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Chapters that a second conversion changes, by book: OpenCC's classical
 * phrase 云为 (云爲) used where jieba cuts 阿里/云/为, whose 云 converts again
 * (the known exception of `packages/convert/test/words.test.ts`).
 */
const idempotenceExceptions: Partial<Record<(typeof books)[number], string[]>> = { 'docker_practice-2026': ['16_cloud/16.3_alicloud.md'] };

/** Markdown files of `a` whose bytes differ in `b`. */
function changedFiles(a: string, b: string, dir = ''): string[] {
  const changed: string[] = [];
  for (const entry of readdirSync(path.join(a, dir), { withFileTypes: true })) {
    const file = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) changed.push(...changedFiles(a, b, file));
    else if (/\.mdx?$/.test(entry.name) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) changed.push(file);
  }
  return changed;
}

describe.skipIf(!hasShared)('converting every corpus book keeps its links and anchors working, and converting it again changes nothing', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});
  const temp = hasShared ? mkdtempSync(path.join(tmpdir(), 'tongwen-links-')) : '';
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  test.each(books)('%s to zh-TW: 0 links or anchors broken by the conversion; a second characters-profile conversion changes nothing', async (book) => {
    const source = corpusPath(book);
    const out = path.join(temp, book.replace(/\//g, '_'));
    const converted = await tongwen(['convert', source, '--to', 'zh-TW', '--out', out], temp);
    expect(converted.code, converted.stderr).toBe(0);
    const dialect = projectDialect(source);
    if (dialect) writeFileSync(path.join(out, 'tongwen.config.json'), `${JSON.stringify({ dialect })}\n`);
    const before = await linkFindings(source);
    const after = await linkFindings(out);
    const broken = [...after].filter(([key, count]) => count > (before.get(key) ?? 0)).map(([key]) => key);
    expect(broken).toEqual([]);
    // Conversion never repairs a link either: the same findings, one for one.
    expect([...before].filter(([key, count]) => count > (after.get(key) ?? 0)).map(([key]) => key)).toEqual([]);
    // Idempotence of the characters profile: converting the converted book again changes nothing. (The
    // Taiwan phrase profiles are not idempotent: 参考文档 → 參考文件, whose 文件 reads as zh-Hans "file" → 檔案.)
    const once = path.join(temp, `${book.replace(/\//g, '_')}-characters`);
    const again = `${once}-again`;
    for (const [from, to] of [[source, once], [once, again]] as const) {
      const run = await tongwen(['convert', from, '--to', 'zh-TW', '--profile', 'characters', '--out', to], temp);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(changedFiles(once, again)).toEqual(idempotenceExceptions[book] ?? []);
    // A whole book converted word-aware, then checked twice: minutes on a loaded 2-core machine.
  }, 600_000);
});
