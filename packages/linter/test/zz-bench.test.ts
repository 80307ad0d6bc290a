import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { activeRules, fixBook, lintBook } from '@tongwen/linter';
import { memoryBook } from '@tongwen/test-utils';
it('bench', () => {
  const source = readFileSync('/tmp/w16/dense.md', 'utf8');
  const rules = activeRules({});
  const settings = { slug: 'github' as const, ignore: [] };
  let t = performance.now();
  const book = memoryBook({ 'a.md': source });
  console.log('parse', (performance.now() - t).toFixed(0));
  t = performance.now();
  const findings = lintBook(book, { rules, settings });
  console.log('lint', (performance.now() - t).toFixed(0), 'findings', findings.length, 'withfix', findings.filter((f) => f.fix).length, 'rss', (process.memoryUsage().rss / 1e6).toFixed(0));
  if (process.env.FIX) { t = performance.now(); const r = fixBook(book, { rules, settings }); console.log('fix', (performance.now() - t).toFixed(0), JSON.stringify(r.fixed), r.rounds, 'rss', (process.memoryUsage().rss / 1e6).toFixed(0)); }
});
