#!/usr/bin/env node
// The cost of fix verification on a chapter dense with fixes: a generated book
// (200 sections, each with paragraphs holding `emphasis-not-rendered` and
// `zh-spacing` fixes) is checked, then fixed, in this process. Prints the
// findings, how many Markdown parses ran and how many characters they read
// (the work, independent of the machine's load) and the CPU time.
//
//   node scripts/bench-fix.mjs [--sections 200]
//
// Needs `pnpm build`. Timing lives here, never in tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { sections: { type: 'string', default: '200' } } });

/** A chapter of `sections` sections, each with three dense paragraphs and a code block. */
function chapter(sections) {
  const out = ['# 密集\n'];
  for (let s = 0; s < sections; s++) {
    out.push(`## 第${s}节\n`);
    for (let p = 0; p < 3; p++) {
      out.push(`这是**（配比${s}）**相互，还有**“引号${p}”**说明，以及**[链接](a.md "t")**说明。段落**（第${p}）**结束。\n`);
    }
    out.push('- 列表项**（甲）**说明\n- 列表项**（乙）**说明\n');
    out.push('```js\nconst a = 1;\n```\n');
  }
  return out.join('\n');
}

// Count parses: every parse goes through unified's Processor#parse.
const requireFromBook = createRequire(path.join(root, 'packages/book/package.json'));
const { unified } = await import(requireFromBook.resolve('unified'));
const Processor = Object.getPrototypeOf(unified());
const parse = Processor.parse;
const work = { parses: 0, chars: 0 };
Processor.parse = function (file) {
  work.parses++;
  work.chars += String(file ?? '').length;
  return parse.call(this, file);
};

const { checkFolder } = await import(path.join(root, 'packages/cli/dist/index.js'));
const folder = mkdtempSync(path.join(tmpdir(), 'tongwen-bench-fix-'));
try {
  writeFileSync(path.join(folder, 'SUMMARY.md'), '# 目录\n\n* [密集](chapter.md)\n* [甲](a.md)\n');
  writeFileSync(path.join(folder, 'a.md'), '# 甲\n');
  writeFileSync(path.join(folder, 'chapter.md'), chapter(Number(values.sections)));
  for (const fix of [false, true]) {
    work.parses = 0;
    work.chars = 0;
    const cpu = process.cpuUsage();
    const report = await checkFolder(folder, { fix });
    const used = process.cpuUsage(cpu);
    const byRule = {};
    for (const finding of report.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    console.log(`${fix ? 'check --fix' : 'check'}: ${work.parses} parses, ${work.chars} characters parsed, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; findings left ${JSON.stringify(byRule)}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
