import { parseChapter } from '@tongwen/book';
import { lintBook } from '@tongwen/linter';
import { optionDefaults, rules } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { proseStreams } from '../../src/lib/text.js';

const headings = '## 为什么要用它？ {#why}\n\n## 你好？ {/*hello*/}\n\n### 深入（进阶） {#deep .tip}\n\n#### 集合？{/* #set */} ####\n';

describe('custom heading ids are not prose', () => {
  it('the shared prose extraction stops where a custom id begins', () => {
    const chapter = parseChapter('a.md', headings);
    expect(proseStreams(chapter).map((stream) => stream.text)).toEqual(['为什么要用它？', '你好？', '深入（进阶）', '集合？']);
  });

  it('no typography or script rule reports anything on them', () => {
    const book = memoryBook({ 'a.md': headings });
    const active = rules.filter((rule) => rule.meta.family !== 'structure').map((rule) => ({ rule, severity: rule.meta.severity, options: optionDefaults(rule.meta) }));
    expect(lintBook(book, { rules: active, settings: { slug: 'github', ignore: [] } })).toEqual([]);
  });
});
