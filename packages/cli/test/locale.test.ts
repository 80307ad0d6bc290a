import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { tempBook, tongwen } from './helpers.js';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});
const scriptFindings = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.filter((finding) => finding.ruleId.startsWith('zh-script') || finding.ruleId === 'zh-misconversion').map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('the locale of each file', () => {
  it('a short file takes the book\'s dominant locale; an English file gets no script rule', async () => {
    const root = tempBook({
      'SUMMARY.md': '# 目錄\n\n* [資源](links.md)\n* [說明](guide.md)\n* [English](README.md)\n',
      'links.md': '# 資源鏈接\n',
      'guide.md': '# 說明\n\n這個工具會檢查書裡的連結與圖片，並且說明應該怎麼修正。請先閱讀後續章節。\n',
      'README.md': '# tongwen\n\nA toolkit for Chinese technical books; its name is 書同文 (one script for every book). It checks links and anchors.\n',
    });
    made.push(root);
    const result = await tongwen(['check', '.', '--format', 'json', '--no-cache'], root);
    expect(scriptFindings(result.stdout)).toEqual([]);
  });
});

describe.skipIf(!hasShared)(`check after convert${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('check on the output of convert --to zh-TW has no script finding (docker_practice-2018)', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'tongwen-locale-'));
    made.push(work);
    cpSync(corpusPath('docker_practice-2018'), path.join(work, 'src'), { recursive: true });
    expect((await tongwen(['convert', 'src', '--to', 'zh-TW', '--out', 'out'], work)).code).toBe(0);
    const result = await tongwen(['check', 'out', '--format', 'json', '--no-cache'], work);
    expect(scriptFindings(result.stdout)).toEqual([]);
  });
});
