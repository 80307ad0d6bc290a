import rule from '../../src/structure/heading-increment.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '# 镜像\n\n## 获取\n\n### 参数\n\n## 列出\n',
    '## 从二级开始\n\n### 三级\n',
    { name: 'asides in block quotes are not part of the outline', code: '# 概念\n\n> #### 关键字\n> 正文\n' },
  ],
  invalid: [
    {
      code: '# 镜像\n\n## 获取\n\n#### 参数\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 8, message: 'Unexpected heading level 4 after level 2, expected level 3 at most' }],
    },
    {
      name: 'setext then ATX (CRLF, 𠮷)',
      code: '𠮷\r\n===\r\n\r\n### 𠮷\r\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 7, message: 'Unexpected heading level 3 after level 1, expected level 2 at most' }],
    },
  ],
});
