import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { tempBook, tongwen as fromSources } from './helpers.js';

// The bundle loads the Markdown parser (`dist/tongwen-parser.cjs`) on the first parse: this test runs the built CLI.
const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const built = existsSync(bundle) && existsSync(fileURLToPath(new URL('../dist/tongwen-parser.cjs', import.meta.url)));

/**
 * Run `tongwen ARGS` in a process of its own; its report, exit code, and
 * whether the parser and the conversion engine (`dist/tongwen-convert.cjs`,
 * what the script rules call) were loaded (the CommonJS module cache holds them).
 */
function tongwen(root: string, ...args: string[]): { code: number; report: string; parserLoaded: boolean; engineLoaded: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    import { run } from ${JSON.stringify(bundle)};
    let report = '';
    const code = await run(${JSON.stringify(args)}, { stdout: { write: (s) => (report += s) }, stderr: { write: () => {} }, cwd: process.cwd(), env: {} });
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    const parserLoaded = loaded.some((file) => file.endsWith('tongwen-parser.cjs'));
    const engineLoaded = loaded.some((file) => file.endsWith('tongwen-convert.cjs'));
    process.stdout.write(JSON.stringify({ code, report, parserLoaded, engineLoaded }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { code: number; report: string; parserLoaded: boolean; engineLoaded: boolean };
}

describe.skipIf(!built)('the Markdown parser of the built CLI', () => {
  if (!built) test.skip('packages/cli/dist is not built: run `pnpm build` first (the root test script does)', () => {});
  const root = tempBook({ 'SUMMARY.md': '# 书\n\n* [甲](a.md)\n* [乙](b.md)\n', 'a.md': '# 甲\n\n见[乙](b.md#丙)。\n', 'b.md': '# 乙\n\n正文,还有。\n' });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const cache = path.join(root, '.cache');
  const check = (...more: string[]) => tongwen(root, 'check', '.', '--format', 'json', '--cache-location', cache, ...more);

  test('is not loaded by a warm run, which reports what a run without the store reports', () => {
    const fresh = check('--no-cache');
    expect([fresh.parserLoaded, fresh.engineLoaded]).toEqual([true, true]);
    expect(fresh.code).toBe(1);
    expect((JSON.parse(fresh.report) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['link-missing-anchor', 'zh-punctuation-width']);
    expect(check().parserLoaded).toBe(true);
    const warm = check();
    expect(warm).toEqual({ ...fresh, parserLoaded: false, engineLoaded: false });
  });

  test('is loaded when a chapter or the contents list changed, and not by `--staged` when the store knows both sides', () => {
    writeFileSync(path.join(root, 'b.md'), '# 乙\n\n## 丙\n\n正文,还有。\n');
    const changed = check();
    expect(changed.parserLoaded).toBe(true);
    expect((JSON.parse(changed.report) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['zh-punctuation-width']);
    writeFileSync(path.join(root, 'SUMMARY.md'), '# 书\n\n* [甲](a.md)\n');
    expect(check().parserLoaded).toBe(true);
    expect(check().parserLoaded).toBe(false);

    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(path.join(root, '.gitignore'), '.cache/\n');
    git('add', '-A');
    git('commit', '-qm', 'book');
    writeFileSync(path.join(root, 'a.md'), '# 甲\n\n见[乙](b.md#丁)。\n');
    git('add', 'a.md');
    const staged = () => tongwen(root, 'check', '--staged', '--format', 'json', '--cache-location', cache);
    const first = staged();
    expect(first.parserLoaded).toBe(true);
    expect((JSON.parse(first.report) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['link-missing-anchor', 'link-to-unlisted']);
    expect(staged()).toEqual({ ...first, parserLoaded: false, engineLoaded: false });
  });

  test('loads the conversion engine when a script rule runs, with the findings of the sources', async () => {
    const hant = tempBook({ 'a.md': '# 繁體\n\n這是一個測試，内容里有简体字。\n', 'b.md': '# 說明\n\n這個軟體的設定檔案很簡單。\n' });
    try {
      const args = ['check', '.', '--format', 'json', '--no-cache', '--locale', 'zh-Hant', '--rule', 'zh-conversion-review=warn'];
      const built = tongwen(hant, ...args);
      expect(built.engineLoaded).toBe(true);
      expect((JSON.parse(built.report) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toContain('zh-script-mixed');
      const sources = await fromSources(args, hant);
      expect({ code: built.code, report: built.report }).toEqual({ code: sources.code, report: sources.stdout });
    } finally {
      rmSync(hant, { recursive: true, force: true });
    }
  });

  test('reads MDX (imports, JSX, expressions, one acorn cannot parse) as the sources do', async () => {
    const mdx = tempBook({
      'a.mdx': "import Tabs from '@theme/Tabs';\nexport const x = { a: 1 };\n\n# 标题\n\n<Tabs values={[{ label: 'A' }]}>\n  <Note>正文 {x.a} 个。</Note>\n</Tabs>\n\n{/* 注释 */}\n\n见[乙](b.mdx#不存在)。\n",
      'b.mdx': '# 乙\n\n<div>\n  {1 +}\n</div>\n',
    });
    try {
      const built = tongwen(mdx, 'check', '.', '--format', 'json', '--no-cache');
      expect((JSON.parse(built.report) as { findings: Array<{ ruleId: string; file: string }> }).findings.map((finding) => `${finding.ruleId} ${finding.file}`)).toEqual(['link-missing-anchor a.mdx', 'chapter-unchecked b.mdx']);
      const sources = await fromSources(['check', '.', '--format', 'json', '--no-cache'], mdx);
      expect({ code: built.code, report: built.report }).toEqual({ code: sources.code, report: sources.stdout });
    } finally {
      rmSync(mdx, { recursive: true, force: true });
    }
  });
});
