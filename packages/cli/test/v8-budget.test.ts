/**
 * The bin raises V8's interrupt budget before the CLI's code loads (bin/tongwen.js says why): a
 * cold check of a book of 20 generated chapters makes TurboFan compile fewer than half the
 * functions it compiles when the same bundle runs with V8's default budget. Counted from
 * `--trace-opt` (each compilation prints one line), not timed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { tempBook } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/tongwen.js', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const built = existsSync(bundle);

/** A chapter with the constructs every book has (written for this test). */
function chapter(index: number): string {
  const sections = Array.from({ length: 30 }, (_, section) =>
    [
      `## 节 ${index}.${section}`,
      `这是**加粗**与*强调*的段落，见[下一章](c${(index + 1) % 20}.md)，还有\`代码 ${section}\`和 https://example.com/${section} 。`,
      `- 列表项 ${section}\n  - 子项 [本章](c${index}.md)`,
      `| 甲 | 乙 |\n| - | - |\n| ${section} | ~~删~~ |`,
      '```sh\necho a | grep b\n```',
      `> 引用 ${section}`,
    ].join('\n\n'),
  );
  return `# 第 ${index} 章\n\n${sections.join('\n\n')}\n`;
}

/** TurboFan compilations in a run of `args` (node's own options, then the script and its arguments). */
function compilations(root: string, args: string[]): number {
  const result = spawnSync(process.execPath, ['--trace-opt', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.match(/^\[completed compiling .*\(target TURBOFAN\)/gm)?.length ?? 0;
}

describe.skipIf(!built)('V8 interrupt budget of the bin', () => {
  if (!built) test.skip('packages/cli/dist is not built: run `pnpm build` first (the root test script does)', () => {});
  const files: Record<string, string> = { 'SUMMARY.md': `# 书\n\n${Array.from({ length: 20 }, (_, index) => `* [第 ${index} 章](c${index}.md)`).join('\n')}\n` };
  for (let index = 0; index < 20; index++) files[`c${index}.md`] = chapter(index);
  const root = tempBook(files);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const check = ['check', '.', '--no-cache', '--format', 'json'];

  test('a cold check compiles fewer than half the functions of a run with the default budget', () => {
    const withBudget = compilations(root, [bin, ...check]);
    // The same bundle and arguments, without the bin's flag.
    const script = `const { run } = await import(${JSON.stringify(bundle)}); process.exitCode = await run(${JSON.stringify(check)}, { stdout: { write() {} }, stderr: process.stderr, cwd: process.cwd(), env: {} });`;
    const byDefault = compilations(root, ['--input-type=module', '-e', script]);
    expect(byDefault).toBeGreaterThan(50);
    expect(withBudget).toBeLessThan(byDefault / 2);
  });
});
