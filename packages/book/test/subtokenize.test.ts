/**
 * micromark's subtokenize, as patched by this repository
 * (patches/micromark-util-subtokenize@2.1.0.patch): its jumps and gaps are Maps, not objects with
 * integer keys, and it gives the same events as the published code (`published-micromark.ts`: the
 * installed file with the patch taken back, loaded as a module of its own); both run on the same
 * tokenizer output. Every corpus chapter: `micromark-patches.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEvents, described, documentEvents, patchedSubtokenize as patched, publishedSource, publishedSubtokenize, type Subtokenize } from './published-micromark.js';

function eventsAgree(subtokenize: Subtokenize, text: string): void {
  const reference = documentEvents(text);
  while (!subtokenize(reference)) {
    // As micromark's postprocess does.
  }
  expect(described(allEvents(text))).toEqual(described(reference));
}

/** Texts with every construct that holds content or text (written for this test). */
const texts = [
  '# 标题\n\n段落 *强调* **加粗** `代码` [链接](/a) ![图](/i.png)\n第二行\n',
  '- 一\n- 二\n  - 嵌套 [引用]\n\n    续段\n\n1. 甲\n2. 乙\n\n> 引用\n> - 列表\n懒续行\n\n[引用]: /ref "标题"\n',
  '| a | b |\n| - | - |\n| `x|y` | **z** |\n\n- [ ] 待办\n- [x] 完成\n\n脚注[^1] ~~删除~~ www.example.com\n\n[^1]: 注释\n    续行\n',
  '---\ntitle: 标题\n---\n\n$$\nx\n$$\n\n<div>\n块\n</div>\n\n设置\n===\n\n    缩进\n',
  '[a [b [c\n\n* a\n\n  > b\n*\n* c\n\r\n𠮷 &amp; \\*\n',
];

describe('micromark-util-subtokenize as patched', () => {
  it('gives the events of the published code on texts with every content construct', async () => {
    const subtokenize = await publishedSubtokenize();
    for (const text of texts) eventsAgree(subtokenize, text);
  });

  it('takes the patch back to a different text (the patch is applied)', () => {
    expect(publishedSource(patched)).not.toBe(readFileSync(patched.installed, 'utf8'));
    expect(publishedSource(patched)).toMatch(/Object\.assign\(jumps, subcontent\(events, index\)\)/);
  });
});
