import rule from '../../src/script/zh-script-mixed.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '镜像和容器的关系。\n',
    '乾隆年间的皇后\n',
    { code: '鏡像和容器的關係，系統。\n', locale: 'zh-TW' },
    '```\n關係\n```\n\n`關係`\n',
    { code: '镜像和容器的關係\n', options: { allow: ['關係'] } },
    { name: 'language names in their own script are not mixing', code: '其他译本：[正體中文](https://example.com/tw)、[日本語](https://example.com/ja)。\n' },
  ],
  invalid: [
    {
      code: '镜像和容器的關係。\n',
      errors: [{ line: 1, column: 7, endColumn: 9, message: 'Unexpected Traditional `關係` in a zh-Hans file, expected `关系`' }],
      output: '镜像和容器的关系。\n',
    },
    {
      code: '- 什么是 Docker\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 4, endColumn: 5, message: 'Unexpected Simplified `么` in a zh-TW file, expected `麼`' }],
      output: '- 什麼是 Docker\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷這個\r\n',
      errors: [{ line: 2, column: 3, endColumn: 5, message: 'Unexpected Traditional `這個` in a zh-Hans file, expected `这个`' }],
      output: '第一行\r\n𠮷这个\r\n',
    },
  ],
});

testRule(rule, {
  valid: [],
  invalid: [
    {
      name: 'a protected word does not hide the same characters elsewhere',
      code: '正體中文版的語法\n',
      errors: [{ line: 1, column: 7, endColumn: 8, message: 'Unexpected Traditional `語` in a zh-Hans file, expected `语`' }],
      output: '正體中文版的语法\n',
    },
  ],
});
