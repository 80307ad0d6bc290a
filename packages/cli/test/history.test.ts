/**
 * Recall on real fixes (`scripts/history.mjs`): the 2018 and 2026 editions of
 * docker_practice, chapters and lines paired, each change that is a pure
 * instance of one class of fix counted (whole lines, and single edits inside
 * lines that changed in other ways too). A hit is a 2018 line flagged by the
 * class's rules (at the edit's columns); a false alarm is the fixed 2026 line
 * still flagged. The counts are pinned exactly, so that a rule that stops
 * finding a fix the maintainers made, or starts flagging their fixed text,
 * fails here. Each edition is checked once (`--no-cache`).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it, test } from 'vitest';

interface Row {
  pairs: number;
  hits: number;
  misses: number;
  falseAlarms: number;
  reverse: number;
}

interface Pair {
  scope: 'line' | 'edit';
  cls: string;
  reverse: boolean;
  old: { file: string; line: number; column?: number };
  oldFlags: string[];
  newFlags: string[];
}

interface History {
  totals: Record<string, number>;
  table: Record<string, { rules: string[]; line: Row; edit: Row }>;
  pairs: Pair[];
}

const row = (r: Row): string => `${r.pairs} pairs, ${r.hits} hits, ${r.misses} misses, ${r.falseAlarms} false alarms, ${r.reverse} other direction`;

describe.skipIf(!hasShared)('recall of real fixes between docker_practice 2018 and 2026', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});

  it('finds the fixes its rules cover, per class, and does not flag the fixed lines', async () => {
    const script = pathToFileURL(path.join(repoRoot, 'scripts/history.mjs')).href;
    const { history } = (await import(script)) as { history: () => History };
    const result = history();

    expect(result.totals).toEqual({ chapters: 163, paired: 117, changed: 3133, code: 1150, rewrite: 705, removed: 1132, 'typography-mixed': 1, pure: 145 });
    const table = Object.fromEntries(Object.entries(result.table).map(([name, r]) => [name, { line: row(r.line), edit: row(r.edit) }]));
    expect(table).toEqual({
      // Covered classes, in tongwen's direction.
      spacing: { line: '5 pairs, 5 hits, 0 misses, 0 false alarms, 1 other direction', edit: '7 pairs, 7 hits, 0 misses, 0 false alarms, 10 other direction' },
      'space-around-fullwidth': { line: '1 pairs, 1 hits, 0 misses, 0 false alarms, 0 other direction', edit: '2 pairs, 2 hits, 0 misses, 0 false alarms, 5 other direction' },
      // The 7 edits missed: `,` between Latin names in a Chinese enumeration (`Create, Read, Update, Delete，是`,
      // `(bash, Python, perl 等)`), left alone on purpose; `报错“Error: No public port…”` is an English message.
      'punctuation-width': { line: '1 pairs, 1 hits, 0 misses, 0 false alarms, 0 other direction', edit: '11 pairs, 4 hits, 7 misses, 0 false alarms, 0 other direction' },
      'term-case': { line: '1 pairs, 1 hits, 0 misses, 0 false alarms, 0 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction' },
      quotes: { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 1 other direction' },
      // Headings shifted by a restructure, links and images that followed a moved file, emphasis added: not fixes.
      'heading-level': { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 40 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction' },
      'link-path': { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 3 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction' },
      image: { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 13 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction' },
      emphasis: { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 2 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 9 other direction' },
      // House conventions that changed (`（…）` → `(…)`, spaces around links and `**`), and URLs: not scored.
      parentheses: { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 53 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 34 other direction' },
      'emphasis-spacing': { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 1 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 2 other direction' },
      'link-external': { line: '7 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction', edit: '5 pairs, 0 hits, 0 misses, 0 false alarms, 0 other direction' },
      whitespace: { line: '0 pairs, 0 hits, 0 misses, 0 false alarms, 17 other direction', edit: '0 pairs, 0 hits, 0 misses, 0 false alarms, 15 other direction' },
    });

    // The whole-line fixes found, by place and rule: a regression names the line it lost.
    const hits = result.pairs.filter((p) => p.scope === 'line' && !p.reverse && p.oldFlags.length > 0).map((p) => `${p.cls} ${p.old.file}:${p.old.line} ${[...new Set(p.oldFlags)].join(',')}`);
    expect(hits).toEqual([
      'spacing CHANGELOG.md:16 zh-spacing',
      'spacing appendix/best_practices.md:25 zh-spacing',
      'punctuation-width appendix/best_practices.md:251 zh-punctuation-width',
      'spacing appendix/faq/README.md:146 zh-spacing',
      'spacing appendix/repo/nginx.md:37 zh-spacing',
      'term-case cases/ci/drone.md:93 proper-noun-case',
      'space-around-fullwidth repository/nexus3_registry.md:20 zh-space-around-fullwidth',
      'spacing underly/README.md:10 zh-spacing',
    ]);
  }, 600_000);
});
