/**
 * The typography rules on the real corpora. Each snapshot line is a finding
 * (`file:line:column severity ruleId message`); a sample of at least 20 per
 * rule and book was read and judged (see the counts below and the report of
 * issue 5 for the true/false-positive judgement). Issue 12: every new
 * zh-punctuation-width line (clause ends, mismatched pairs: 16 on docker and
 * hexo) was read, all true; on tldr-zh 20 sampled lines of every rule were
 * read, all true; vue-docs-zh-cn with `parentheses: consistent` reports its one
 * full-width exception (its zh-space-around-fullwidth lines are heading ids
 * `{#id}`, left to the dialects work). Issue 12, second round: about 190
 * sampled lines over every rule and book read again, all true (docker 2026's
 * 315 are all half-width `(…)` pairs: a book that mixes both widths evenly, so
 * `consistent` holds it to `full`); the new classes (company suffixes, English
 * phrases, `--` named as a token, code-like cells, names-only list items and
 * cells) changed no count on these books. Round 8: zh-punctuation-repeated, 4
 * findings, all read and true (`。：`, `%:：` twice, `，：`); the marks listed as
 * such in vue's translation guide (`：，。；：！？`) are not reported. Round 9
 * (real fixes between docker_practice 2018 and 2026, scripts/history.mjs): a
 * clause-ending `.`/`:`/`?` after a Latin word, link or inline code; 7 new on
 * docker 2018 and 3 on hexo zh-tw, all read and true (`安装 Docker.`,
 * `工具 \`s3cmd\`:`, `使用已經註冊的 helper?`); and a full-width colon after a
 * URL scheme, 1 on tldr-zh (`<https：//crates.io>`, cargo-yank.md), true. And
 * (false-positive audit) hexo's habit of a space after `。` inside a line
 * (564 times in 75 files) is one finding per chapter that has the habit (54)
 * and each elsewhere (28):
 * 635 -> 153; vue's space between `。` and a `<sup>` badge is no longer
 * reported (inline HTML).
 */
import { discoverBooks, lintBook, type ActiveRule } from '@tongwen/linter';
import { optionDefaults, rules, type Settings } from '@tongwen/rules';
import { corpusBook, corpusPath, hasShared } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const typography = rules.filter((rule) => rule.meta.family === 'typography');

function checkCorpus(name: string, options: Record<string, Record<string, unknown>> = {}): string[] {
  const lines: string[] = [];
  for (const spec of discoverBooks(corpusPath(name))) {
    const settings: Settings = { slug: 'github', ignore: [] };
    const book = corpusBook(spec);
    const active: ActiveRule[] = typography.map((rule) => ({ rule, severity: rule.meta.severity, options: { ...optionDefaults(rule.meta), ...options[rule.meta.id] } }));
    const prefix = spec.root.slice(corpusPath(name).length + 1);
    for (const finding of lintBook(book, { rules: active, settings })) {
      if (finding.ruleId !== undefined && typography.some((rule) => rule.meta.id === finding.ruleId)) {
        lines.push(`${prefix ? `${prefix}/` : ''}${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
      }
    }
  }
  return lines;
}

export function countByRule(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const rule = line.split(' ')[2]!;
    counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort());
}

describe.skipIf(!hasShared)('typography rules on the corpora', () => {
  for (const name of ['docker_practice-2018', 'docker_practice-2026', 'trpl-zh-cn', 'hexo-docs-zh', 'tldr-zh']) {
    it(name, () => {
      const lines = checkCorpus(name);
      expect(countByRule(lines)).toMatchSnapshot('counts');
      expect(lines).toMatchSnapshot();
    });
  }
  // A VitePress book with a house style (half-width parentheses with spaces, 306 to 1): with the
  // `consistent` conventions only the exception is reported (as the default now does for parentheses); its
  // quotes and its spacing (text, inline code and links counted apart) have no exception.
  it('vue-docs-zh-cn (parentheses: consistent)', () => {
    const lines = checkCorpus('vue-docs-zh-cn', { 'zh-punctuation-width': { parentheses: 'consistent' }, 'zh-quotes': { style: 'consistent' }, 'zh-spacing': { space: 'consistent' } });
    expect(countByRule(lines)).toMatchSnapshot('counts');
    expect(lines.filter((line) => line.includes('zh-punctuation-width'))).toEqual([
      'src/about/translation.md:198:24 warning zh-punctuation-width Unexpected full-width `（…）`, expected `(…)` as in the rest of the book',
    ]);
    expect(lines).toMatchSnapshot();
  });
});
