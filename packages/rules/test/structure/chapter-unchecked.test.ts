import rule from '../../src/structure/chapter-unchecked.js';
import { testRule } from '@tongwen/test-utils';

const list = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- 第${i}层`).join('\n') + '\n';

testRule(rule, {
  valid: ['> > > 三层引用，没有问题\n', { name: '20 nested lists', code: list(20) }, { name: 'quotes in a fence', code: '```\n' + '> '.repeat(100) + '代码里的引用\n```\n' }, { name: '10,000 asterisks', code: '*'.repeat(10_000) + '\n' }, { name: 'a valid MDX chapter', path: 'a.mdx', code: "import X from './x';\n\n# 标题 {/*title*/}\n\n<X a={1}>正文</X>\n" }],
  invalid: [
    {
      name: 'an MDX chapter that MDX cannot parse: one finding where MDX stops',
      path: 'a.mdx',
      code: '# 标题\n\n换行<br>正文\n',
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 1,
          message: 'Expected a closing tag for `<br>` (3:3-3:7) before the end of `paragraph` (MDX does not compile this chapter; the rest of it is not checked)',
        },
      ],
    },
    {
      name: '5,000 nested block quotes',
      code: '>'.repeat(5000) + ' 深\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected chapter that cannot be checked: block quotes and lists are nested more than 32 levels deep on line 1, expected at most 32; expected a chapter within the limits (split it, or flatten its nesting)' }],
    },
    {
      name: '200 nested lists',
      code: list(200),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected chapter that cannot be checked: block quotes and lists are nested more than 32 levels deep on line 65, expected at most 32; expected a chapter within the limits (split it, or flatten its nesting)' }],
    },
    {
      name: 'emphasis nested 600 deep',
      code: '*'.repeat(600) + '深' + '*'.repeat(600) + '\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected chapter that cannot be checked: its syntax tree is more than 256 levels deep, expected at most 256; expected a chapter within the limits (split it, or flatten its nesting)' }],
    },
  ],
});
