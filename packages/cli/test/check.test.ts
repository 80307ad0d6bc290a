import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { tempBook, tongwen } from './helpers.js';

const summary = '# 书\n\n* [简介](README.md)\n* [安装](install.md)\n';

describe('tongwen check', () => {
  it('prints the JSON contract: version, tool, summary, findings with 1-based positions and fingerprints', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '# 简介\n\n见[安装](instal.md)。\n', 'install.md': '# 安装\n' });
    const { code, stdout, stderr } = await tongwen(['check', '.', '--format', 'json'], root);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'summary', 'findings']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'tongwen', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.summary).toEqual({ files: 3, errors: 1, warnings: 0, infos: 0 });
    expect(report.findings).toEqual([
      {
        ruleId: 'link-missing-file',
        severity: 'error',
        file: 'README.md',
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 16,
        message: 'Unexpected link to missing file `instal.md`, did you mean `install.md`?',
        fingerprint: expect.stringMatching(/^[\da-f]{16}$/),
      },
    ]);
  });

  it('prints a stylish report and exits 0 on a clean book', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n' });
    const { code, stdout } = await tongwen(['check'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('✔ 0 errors, 0 warnings in 3 files checked\n');
  });

  it('prints each finding with a clickable path, its code frame and its cause in the stylish report', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n', 'draft.md': '# 草稿\n\n```sh\nls\n' });
    const { code, stdout } = await tongwen(['check', '--no-color'], root);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'draft.md:1:1  warning  Unexpected file `draft.md` missing from the contents list `SUMMARY.md`  contents-orphan',
        '  1 │ # 草稿',
        '    │ ^',
        '  ↳ SUMMARY.md:1:1',
        '',
        'draft.md:3:1  error  Unexpected unclosed code fence ` ``` `, expected a closing ` ``` ` before the end of its block  fence-unclosed',
        '  3 │ ```sh',
        '    │ ^^^',
        '',
        '✖ 1 error, 1 warning in 4 files checked',
        '',
      ].join('\n'),
    );
    // Run from a parent folder, the paths stay clickable from there.
    const parent = await tongwen(['check', '--no-color', path.basename(root)], path.dirname(root));
    expect(parent.stdout.split('\n')[0]).toBe(`${path.basename(root)}/draft.md:1:1  warning  Unexpected file \`draft.md\` missing from the contents list \`SUMMARY.md\`  contents-orphan`);
  });

  it('reports a chapter that is not UTF-8 by name and still checks the others', async () => {
    const root = tempBook({
      'SUMMARY.md': summary + '* [旧](old.md)\n',
      'README.md': '# 简介\n\n[坏链接](nowhere.md)\n',
      'install.md': '# 安装\n',
      'old.md': Uint8Array.from([0x23, 0x20, 0xe4, 0xbd, 0x0a, 0xff, 0x0a]),
    });
    const { code, stdout } = await tongwen(['check', '--format', 'json'], root);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings.map((f: { ruleId: string; file: string; message: string }) => [f.ruleId, f.file, f.message]);
    expect(findings).toEqual([
      ['link-missing-file', 'README.md', 'Unexpected link to missing file `nowhere.md`'],
      ['file-encoding', 'old.md', 'Unexpected invalid UTF-8 at byte 2 (GBK, Big5 or another legacy encoding?), expected a UTF-8 text file: not checked'],
    ]);
  });

  it('reports a contents entry outside the book and never reads it', async () => {
    const root = tempBook({ 'SUMMARY.md': summary + '* [密码](../../etc/passwd)\n', 'README.md': '# 简介\n', 'install.md': '# 安装\n' });
    const { code, stdout } = await tongwen(['check', '--format', 'json'], root);
    expect(code).toBe(1);
    const [finding, ...rest] = JSON.parse(stdout).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'contents-missing-file', file: 'SUMMARY.md', line: 5, column: 8, message: 'Unexpected entry `../../etc/passwd` outside the book root, expected a file inside the book' });
  });

  it('checks a folder without a contents list, saying so on stderr', async () => {
    const root = tempBook({ 'a.md': '# 甲\n', 'b/c.md': '# 乙\n' });
    const { code, stdout, stderr } = await tongwen(['check'], root);
    expect(code).toBe(0);
    expect(stderr).toBe('tongwen: no contents list (SUMMARY.md) in .: contents rules skipped, 2 Markdown files checked\n');
    expect(stdout).toBe('✔ 0 errors, 0 warnings in 2 files checked\n');
  });

  it('exits 2 on an empty folder', async () => {
    const root = tempBook({});
    const { code, stdout, stderr } = await tongwen(['check'], root);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'tongwen: No Markdown files found in .\n' });
  });

  it('exits 2 on a path that does not exist', async () => {
    const root = tempBook({});
    const { code, stderr } = await tongwen(['check', 'nowhere'], root);
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'tongwen: No such file or folder: nowhere\n' });
  });

  it('exits 2 when the configured contents list is missing, naming it', async () => {
    const root = tempBook({ 'tongwen.config.json': '{"contents": "TOC.md"}', 'a.md': '# 甲\n' });
    const { code, stderr } = await tongwen(['check'], root);
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'tongwen: The configured contents list `TOC.md` does not exist in .\n' });
  });

  it('exits 2 on a bad configuration before reading any chapter, naming the key and value', async () => {
    const root = tempBook({ 'tongwen.config.json': '{"slug": "gitlab"}', 'a.md': '# 甲\n' });
    const { code, stderr } = await tongwen(['check'], root);
    expect(code).toBe(2);
    expect(stderr).toBe(`tongwen: Invalid ${path.join(root, 'tongwen.config.json')}: \`slug\` is "gitlab", expected one of \`github\`, \`gitbook\`, \`vitepress\`, \`mdbook\`, \`hexo\`\n`);
  });

  it('exits 2 on usage mistakes with a hint', async () => {
    const root = tempBook({ 'a.md': '# 甲\n' });
    expect(await tongwen(['check', '--format', 'xml'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tongwen: Unknown format `xml`, expected one of `stylish`, `json`, `sarif`, `junit`, `github`, `markdown`, `rdjson`, `html`\nRun `tongwen check --help` for usage.\n',
    });
    expect((await tongwen(['check', '--bogus'], root)).code).toBe(2);
    expect((await tongwen(['frobnicate'], root)).stderr).toBe('tongwen: Unknown command `frobnicate`\nRun `tongwen --help` for usage.\n');
    expect((await tongwen(['check', '--rule', 'no-such-rule=off'], root)).stderr).toBe('tongwen: Unknown rule `no-such-rule` in --rule\n');
  });

  it('turns rules off from the command line', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n', 'draft.md': '# 草稿\n' });
    expect((await tongwen(['check', '--rule', 'contents-orphan=off'], root)).code).toBe(0);
    const { code, stdout } = await tongwen(['check', '--rule', 'contents-orphan=error', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary).toEqual({ files: 4, errors: 1, warnings: 0, infos: 0 });
  });

  it('fails with --max-warnings when there are more warnings', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n', 'draft.md': '# 草稿\n' });
    expect((await tongwen(['check', '--max-warnings', '1'], root)).code).toBe(0);
    expect((await tongwen(['check', '--max-warnings', '0'], root)).code).toBe(1);
  });

  it('--fix writes the fixed chapter with its BOM and CRLF, and says what it fixed', async () => {
    const root = tempBook({ 'SUMMARY.md': summary, 'README.md': '\uFEFF# 简介\r\n\r\n使用Docker运行,然后停止。\r\n\r\n```sh\ndocker run,x\n```\r\n', 'install.md': '# 安装\n' });
    const { code, stdout, stderr } = await tongwen(['check', '--fix', '--no-color'], root);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '✔ 0 errors, 0 warnings in 3 files checked\n', stderr: 'tongwen: fixed 3 findings in 1 file\n' });
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toBe('\uFEFF# 简介\r\n\r\n使用 Docker 运行，然后停止。\r\n\r\n```sh\ndocker run,x\n```\r\n');
    expect((await tongwen(['check', '--fix'], root)).stderr).toBe('tongwen: fixed 0 findings in 0 files\n');
  });

  it('passes clean on the project’s own content/', async () => {
    const { code, stdout, stderr } = await tongwen(['check', 'content'], repoRoot);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^✔ 0 errors, 0 warnings in \d+ files checked\n$/);
    expect(code).toBe(0);
  });
});

describe.skipIf(!hasShared)(`tongwen check on the corpora${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('prints valid JSON of the contract for docker_practice-2026', async () => {
    const { stdout } = await tongwen(['check', corpusPath('docker_practice-2026'), '--format', 'json'], repoRoot);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.summary.files).toBe(202);
    for (const finding of report.findings) {
      expect(Object.keys(finding).slice(0, 9)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint']);
      expect(existsSync(path.join(corpusPath('docker_practice-2026'), finding.file))).toBe(true);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
  });
});
