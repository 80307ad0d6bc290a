import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * edition would be published beside the source. (Idempotence on every corpus
 * book is `packages/convert/test/words.test.ts`'s.)
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

describe.skipIf(!hasShared)('converting every corpus book keeps its links and anchors working', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});
  const temp = hasShared ? mkdtempSync(path.join(tmpdir(), 'tongwen-links-')) : '';
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  test.each(books)('%s to zh-TW: 0 links or anchors broken by the conversion', async (book) => {
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
    // A whole book converted word-aware, then checked twice: minutes on a loaded 2-core machine.
  }, 600_000);
});
