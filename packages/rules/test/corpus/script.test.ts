/**
 * The script rules on the real corpora, each file with the locale the engine
 * gives it (path `zh-tw/`, `pages.zh_TW/`, else detection, else zh-Hans).
 * Snapshot lines were read and judged (counts per rule in the report of
 * issue 5); `zh-tw-vocabulary` (opt-in) is counted, not listed. Issue 12
 * (word-segmented confidence): on hexo zh-tw and tldr zh_TW every finding
 * was read — zh-misconversion 4/4 true (定制 ×2 error, 爲, 关于), the four
 * round-trip accidents of before (並產生, 合併產生, 發生, 並為) gone;
 * zh-script-mixed 4/4 true in zh-TW files, 3/3 in zh-Hans files.
 * zh-conversion-review (opt-in, for converted books) now reviews with the
 * profile `tongwen convert --to zh-TW` uses (tech): on these human editions
 * it lists the Taiwan phrases of several senses with no cue (專案/項目 ×28,
 * 支援/支持 ×14, 程式/程序 ×13, 物件/對象 ×12) — what `convert --review`
 * lists for a tech conversion; a human wrote them here, so they are no
 * defects of these books, and the rule is not meant for human editions.
 */
import { discoverBooks, lintBook, type ActiveRule } from '@tongwen/linter';
import { createRunCache, optionDefaults, rules, type Settings } from '@tongwen/rules';
import { corpusBook, corpusPath, hasShared } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const script = rules.filter((rule) => rule.meta.family === 'script');

function checkCorpus(name: string): { lines: string[]; counts: Record<string, number> } {
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  const cache = createRunCache();
  for (const spec of discoverBooks(corpusPath(name))) {
    const settings: Settings = { slug: 'github', ignore: [] };
    const book = corpusBook(spec);
    const active: ActiveRule[] = script.map((rule) => ({ rule, severity: rule.meta.severity, options: optionDefaults(rule.meta) }));
    const prefix = spec.root.slice(corpusPath(name).length + 1);
    for (const finding of lintBook(book, { rules: active, settings, cache })) {
      if (!script.some((rule) => rule.meta.id === finding.ruleId)) continue;
      counts[`${finding.ruleId} ${finding.severity}`] = (counts[`${finding.ruleId} ${finding.severity}`] ?? 0) + 1;
      if (finding.ruleId === 'zh-tw-vocabulary') continue;
      lines.push(`${prefix ? `${prefix}/` : ''}${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
    }
  }
  return { lines, counts: Object.fromEntries(Object.entries(counts).sort()) };
}

describe.skipIf(!hasShared)('script rules on the corpora', () => {
  for (const name of ['docker_practice-2018', 'docker_practice-2026', 'trpl-zh-cn', 'hexo-docs-zh', 'tldr-zh']) {
    it(name, () => {
      const { lines, counts } = checkCorpus(name);
      expect(counts).toMatchSnapshot('counts');
      expect(lines).toMatchSnapshot();
    });
  }
});
