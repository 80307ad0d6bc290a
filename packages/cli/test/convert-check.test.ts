import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { activeRules, check } from '@tongwen/linter';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { tongwen } from './helpers.js';

/** Every structure rule about links, anchors and images: what a conversion must not break. */
const linkRules = ['link-missing-file', 'link-missing-anchor', 'image-missing', 'link-case-mismatch', 'link-outside-book', 'reference-undefined', 'definition-unused', 'contents-missing-file', 'link-to-unlisted'];

function linkFindings(folder: string): string[] {
  const rules = Object.fromEntries(activeRules({}).map((active) => [active.rule.meta.id, linkRules.includes(active.rule.meta.id) ? 'error' : 'off'] as const));
  return check({ paths: [folder], cwd: folder, rules, cache: false })
    .findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)
    .sort();
}

describe.skipIf(!hasShared)(`tongwen check after tongwen convert${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it.each([
    ['docker_practice-2018', 'zh-TW', []],
    ['trpl-zh-cn', 'zh-TW', ['--profile', 'phrases']],
    ['trpl-zh-cn', 'zh-HK', []],
  ])('%s to %s %j: no link, anchor or image finding that the source did not have', async (book, to, extra) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'tongwen-convert-check-')), book);
    const { code, stderr } = await tongwen(['convert', corpusPath(book), '--to', to, ...extra, '--out', out, '--jobs', '1'], repoRoot);
    expect({ code, stderr: stderr.replace(/^.*\d+ files?: .*\n/m, '') }).toEqual({ code: 0, stderr: '' });
    const before = linkFindings(corpusPath(book));
    const after = linkFindings(out);
    expect(after).toEqual(before);
  });
});
