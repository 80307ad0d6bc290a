import type { Finding, Severity } from '@tongwen/book';

/** Findings by severity. */
export type Counts = Record<Severity, number>;

export const emptyCounts = (): Counts => ({ error: 0, warning: 0, info: 0 });

export const total = (counts: Counts): number => counts.error + counts.warning + counts.info;

/** Add `b` into `a`. */
export function addCounts(a: Counts, b: Counts): Counts {
  a.error += b.error;
  a.warning += b.warning;
  a.info += b.info;
  return a;
}

/** Counts per key of each finding (`key` may give several keys, or none). */
export function countBy(findings: readonly Finding[], key: (finding: Finding) => string): Map<string, Counts> {
  const map = new Map<string, Counts>();
  for (const finding of findings) {
    const k = key(finding);
    const counts = map.get(k) ?? emptyCounts();
    counts[finding.severity]++;
    map.set(k, counts);
  }
  return map;
}

/** The health of a node: its worst severity, or `ok`. */
export function health(counts: Counts): 'error' | 'warning' | 'info' | 'ok' {
  return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : 'ok';
}

/** Badges with the non-zero counts, or `✓` when there are none. */
export function countsHtml(counts: Counts): string {
  const badges = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `<span class="n ${s}" title="${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}">${counts[s]}</span>`);
  return `<span class="counts">${badges.length ? badges.join('') : '<span class="n ok" title="no findings">✓</span>'}</span>`;
}

/** A stacked bar (inline SVG: no style attribute, so the CSP needs no `unsafe-inline`). */
export function barHtml(counts: Counts, max: number, width = 160): string {
  const scale = max > 0 ? width / max : 0;
  let x = 0;
  const rects = (['error', 'warning', 'info'] as const).map((s) => {
    const w = Math.round(counts[s] * scale * 10) / 10;
    const rect = w > 0 ? `<rect class="${s}" x="${Math.round(x * 10) / 10}" y="0" width="${w}" height="10"/>` : '';
    x += w;
    return rect;
  });
  const label = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`;
  return `<svg class="bar" width="${width}" height="10" viewBox="0 0 ${width} 10" preserveAspectRatio="none" role="img" aria-label="${label}">${rects.join('')}</svg>`;
}
