import rule from '../../src/structure/heading-increment.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '# 镜像\n\n## 获取\n\n### 参数\n\n## 列出\n',
    '## 从二级开始\n\n### 三级\n',
    { name: 'asides in block quotes are not part of the outline', code: '# 概念\n\n> #### 关键字\n> 正文\n' },
    { name: 'an MDX component starts its own levels (react.dev `<DeepDive>`)', path: 'a.mdx', code: '## 甲\n\n<DeepDive>\n\n#### 深入\n\n##### 更深\n\n</DeepDive>\n\n### 乙\n' },
    { name: 'a component written as HTML blocks in Markdown', code: '## 甲\n\n<Challenges>\n\n#### 挑战 1\n\n</Challenges>\n' },
    { name: 'a `:::` container starts its own levels', code: '## 甲\n\n::: tip 提示\n#### 注意\n:::\n\n### 乙\n' },
    { name: 'after a container, the next heading may follow the container', code: '# 甲\n\n::: details\n## 细节\n:::\n\n### 乙\n' },
    { name: 'JSX and ESM in an MDX chapter are not headings', path: 'a.mdx', code: "import X from './x';\n\n# 甲\n\n<X title=\"## 不是标题\" />\n\n## 乙\n" },
    {
      name: 'a book whose chapters write #### under ## follows its convention',
      files: { 'a.md': '## 甲\n\n#### 一\n', 'b.md': '## 乙\n\n#### 二\n', 'c.md': '## 丙\n\n#### 三\n', 'd.md': '## 丁\n\n### 四\n' },
    },
  ],
  invalid: [
    {
      name: 'a jump the book does not make, in a book with a convention',
      files: { 'a.md': '## 甲\n\n#### 一\n', 'b.md': '## 乙\n\n#### 二\n', 'c.md': '## 丙\n\n#### 三\n', 'd.md': '# 丁\n\n### 四\n' },
      errors: [{ file: 'd.md', line: 3, column: 1, endLine: 3, endColumn: 6, message: 'Unexpected heading level 3 after level 1, expected level 2 at most' }],
    },
    {
      name: 'consistent: false reports the convention too',
      files: { 'a.md': '## 甲\n\n#### 一\n', 'b.md': '## 乙\n\n#### 二\n', 'c.md': '## 丙\n\n#### 三\n' },
      options: { consistent: false },
      errors: [
        { file: 'a.md', line: 3, column: 1, endLine: 3, endColumn: 7, message: 'Unexpected heading level 4 after level 2, expected level 3 at most' },
        { file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 7, message: 'Unexpected heading level 4 after level 2, expected level 3 at most' },
        { file: 'c.md', line: 3, column: 1, endLine: 3, endColumn: 7, message: 'Unexpected heading level 4 after level 2, expected level 3 at most' },
      ],
    },
    {
      code: '# 镜像\n\n## 获取\n\n#### 参数\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 8, message: 'Unexpected heading level 4 after level 2, expected level 3 at most' }],
    },
    {
      name: 'a skip inside a container, among its own headings',
      code: '## 甲\n\n<DeepDive>\n\n### 一\n\n##### 二\n\n</DeepDive>\n',
      errors: [{ line: 7, column: 1, endLine: 7, endColumn: 8, message: 'Unexpected heading level 5 after level 3, expected level 4 at most' }],
    },
    {
      name: 'a skip after a container that neither the outline nor the container allows',
      code: '# 甲\n\n::: tip\n## 提示\n:::\n\n#### 乙\n',
      errors: [{ line: 7, column: 1, endLine: 7, endColumn: 7, message: 'Unexpected heading level 4 after level 1, expected level 2 at most' }],
    },
    {
      name: 'setext then ATX (CRLF, 𠮷)',
      code: '𠮷\r\n===\r\n\r\n### 𠮷\r\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 7, message: 'Unexpected heading level 3 after level 1, expected level 2 at most' }],
    },
  ],
});
