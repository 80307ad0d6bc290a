import { activeRules, check, discoverBooks, loadBook } from '@tongwen/linter';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const findingsOf = (book: string, ruleId: string) =>
  check({ paths: [corpusPath(book)], cwd: corpusPath(book), rules: Object.fromEntries(activeRules({}).map((a) => [a.rule.meta.id, a.rule.meta.id === ruleId ? 'error' : 'off'])) })
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.file);

describe.skipIf(!hasShared)(`the book model on the real corpora${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('docker_practice-2018: 158 contents entries, no missing file, exactly four orphans', () => {
    const [spec] = discoverBooks(corpusPath('docker_practice-2018'));
    const book = loadBook(spec!);
    expect(book.contents?.grammar).toBe('gitbook');
    expect(book.contents?.entries.filter((entry) => entry.path !== undefined)).toHaveLength(158);
    expect(book.problems).toEqual([]);
    expect(findingsOf('docker_practice-2018', 'contents-missing-file')).toEqual([]);
    expect(findingsOf('docker_practice-2018', 'contents-orphan')).toEqual([
      'advanced_network/how_connect.md',
      'etcd/etcdctl-v2.md',
      'kubernetes/practice.md',
      'kubernetes/qdvanced.md',
    ]);
  });

  it('docker_practice-2026: 196 contents entries, no missing file', () => {
    const [spec] = discoverBooks(corpusPath('docker_practice-2026'));
    const book = loadBook(spec!);
    expect(book.contents?.entries.filter((entry) => entry.path !== undefined)).toHaveLength(196);
    expect(findingsOf('docker_practice-2026', 'contents-missing-file')).toEqual([]);
  });

  it('trpl-zh-cn is an mdBook whose root is src/', () => {
    const specs = discoverBooks(corpusPath('trpl-zh-cn'));
    expect(specs).toEqual([{ root: corpusPath('trpl-zh-cn/src'), contents: 'SUMMARY.md', grammar: 'mdbook' }]);
  });

  it('a folder without contents list is one book of every Markdown file', () => {
    const specs = discoverBooks(corpusPath('hexo-docs-zh'));
    expect(specs).toEqual([{ root: corpusPath('hexo-docs-zh') }]);
    expect(loadBook(specs[0]!).chapters.size).toBe(90);
  });
});
