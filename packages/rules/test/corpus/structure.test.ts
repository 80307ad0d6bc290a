/**
 * The structure rules on the real corpora. Each snapshot line is a finding
 * (`file:line:column severity ruleId message`) that was read and judged:
 * see the counts per rule in the expectations below, and the report of the
 * issue that added these rules for the true/false-positive judgement.
 */
import { optionDefaults, rules, type Settings } from '@tongwen/rules';
import { discoverBooks, lintBook, siteSettings, type ActiveRule } from '@tongwen/linter';
import { corpusBook, corpusPath, hasShared } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const structure = rules.filter((rule) => rule.meta.family === 'structure');

function checkCorpus(name: string, settings: Partial<Settings> | 'detect' = {}, options: Record<string, Record<string, unknown>> = {}): string[] {
  const lines: string[] = [];
  for (const spec of discoverBooks(corpusPath(name))) {
    // `detect`: the settings the dialect found from the project's files gives, as `tongwen check` does.
    const full: Settings = settings === 'detect' ? { ...siteSettings({}, spec), ignore: [] } : { slug: 'github', ignore: [], ...settings };
    const book = corpusBook(spec, full.slug);
    const active: ActiveRule[] = structure.map((rule) => ({ rule, severity: rule.meta.severity, options: { ...optionDefaults(rule.meta), ...(options[rule.meta.id] ?? {}) } }));
    const prefix = spec.root.slice(corpusPath(name).length + 1);
    for (const finding of lintBook(book, { rules: active, settings: full })) {
      lines.push(`${prefix ? `${prefix}/` : ''}${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
    }
  }
  return lines;
}

function countByRule(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const rule = line.split(' ')[2]!;
    counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!hasShared)('structure rules on the corpora', () => {
  it('docker_practice-2018', () => {
    const lines = checkCorpus('docker_practice-2018', { repository: 'yeasy/docker_practice' });
    const orphans = lines.filter((line) => line.includes(' contents-orphan ')).map((line) => line.split(':')[0]);
    expect(orphans).toEqual(['advanced_network/how_connect.md', 'etcd/etcdctl-v2.md', 'kubernetes/practice.md', 'kubernetes/qdvanced.md']);
    expect(lines.filter((line) => line.includes(' contents-missing-file '))).toEqual([]);
    expect(lines).toMatchSnapshot();
  });

  it('docker_practice-2026', () => {
    const lines = checkCorpus('docker_practice-2026', { repository: 'yeasy/docker_practice' });
    expect(lines.filter((line) => line.includes(' contents-missing-file '))).toEqual([]);
    expect(lines).toMatchSnapshot();
  });

  it('trpl-zh-cn (mdBook, book root src/)', () => {
    const lines = checkCorpus('trpl-zh-cn', { slug: 'mdbook', repository: 'KaiserY/trpl-zh-cn' });
    expect(lines).toMatchSnapshot();
  });

  it('hexo-docs-zh (a Hexo site: site-absolute links from source/, Hexo-like anchors)', () => {
    // Hexo's anchors (hexo-util slugize) are VitePress's without lower-casing.
    const lines = checkCorpus('hexo-docs-zh', { slug: 'vitepress' }, { 'link-missing-anchor': { ignoreCase: true } });
    expect(lines).toMatchSnapshot();
  });

  it('hexo-docs-zh under GitHub anchors reports the flavour mismatch', () => {
    const counts = countByRule(checkCorpus('hexo-docs-zh'));
    expect(counts['link-missing-anchor']).toBeGreaterThan(40);
  });

  it('vue-docs-zh-cn (VitePress, detected from .vitepress/: {#id} anchors, src/ as the site root)', () => {
    const lines = checkCorpus('vue-docs-zh-cn', 'detect');
    expect(countByRule(lines)).toEqual({ 'definition-unused': 1, 'image-missing': 8, 'link-missing-anchor': 4 });
    expect(lines).toMatchSnapshot();
  });

  it('hexo-docs-zh with the detected dialect (Hexo: case-keeping anchors)', () => {
    const lines = checkCorpus('hexo-docs-zh', 'detect');
    expect(lines).toMatchSnapshot();
  });

  it('tldr-zh', () => {
    const lines = checkCorpus('tldr-zh');
    expect(lines).toMatchSnapshot();
  });
});
