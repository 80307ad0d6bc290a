import rule from '../../src/structure/heading-duplicate-id.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '## 安装 {#install}\n\n## 升级 {#upgrade}\n',
    { name: 'repeated heading text without ids (generators number them)', code: '## 示例\n\n## 示例\n' },
    { name: 'id and name of one tag', code: '<a name="install" id="install"></a>\n\n## 安装\n' },
    { name: 'id and name of one tag over two lines (MDX, JSX)', code: '<a name="install"\n   id="install"></a>\n\n## 安装\n' },
    { name: 'ids in two chapters', files: { 'a.md': '## 安装 {#install}\n', 'b.md': '## 安装 {#install}\n' } },
  ],
  invalid: [
    {
      name: 'two headings with prose between them',
      code: '## 企业 {#business}\n\n正文。\n\n## 个人 {#business}\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 18, message: 'Unexpected duplicate id `#business` (already on line 1), expected a unique id' }],
    },
    {
      code: '## 安装 {#install}\n\n## 升级 {#upgrade}\n\n## 卸载 {#install}\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 17, message: 'Unexpected duplicate id `#install` (already on line 1), expected a unique id' }],
    },
    {
      name: 'a heading id repeating an HTML anchor (CRLF, 𠮷)',
      code: '<a id="𠮷"></a>\r\n\r\n## 安装\r\n\r\n### 𠮷 {#𠮷}\r\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 13, message: 'Unexpected duplicate id `#𠮷` (already on line 1), expected a unique id' }],
    },
  ],
});
