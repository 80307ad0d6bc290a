import rule from '../../src/typography/zh-ellipsis-dash.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: ['等待……然后——继续。\n', 'Wait... then — go.\n', '运行 `a...b` 和 --rm 选项\n', '见 https://x.y/a--b 页面\n', '使用 `docker run --rm` 命令\n',
    { name: 'a `--` named as a token (git’s `--` before paths)', code: '在参数 -- 之后写路径，用 -- 分隔选项和文件，git checkout -- 文件名 即可。\n' },
    { name: '`——` joining Latin words or numbers', code: '版本 1——10，以及 A——B 和 2018—2020 年。\n' },
  ],
  invalid: [
    {
      name: 'a dash between Chinese and any full-width mark (the shared set: `〔〕`, `～`)',
      code: '详见—〔注一〕\n',
      errors: [{ line: 1, column: 3, endColumn: 4, message: 'Unexpected `—` in Chinese text, expected `——`' }],
      output: '详见——〔注一〕\n',
    },
    {
      code: '等待...然后—继续。。。\n',
      errors: [
        { line: 1, column: 3, endColumn: 6, message: 'Unexpected `...` in Chinese text, expected `……`' },
        { line: 1, column: 8, endColumn: 9, message: 'Unexpected `—` in Chinese text, expected `——`' },
        { line: 1, column: 11, endColumn: 14, message: 'Unexpected `。。。` in Chinese text, expected `……`' },
      ],
      output: '等待……然后——继续……\n',
    },
    {
      name: 'a dash after a closing quote, and before inline code',
      code: '原则是“小而够用”—选择最小的镜像；一对宏 — `assert_eq!` 和 `assert_ne!`。\n',
      errors: [
        { line: 1, column: 10, endColumn: 11, message: 'Unexpected `—` in Chinese text, expected `——`' },
        { line: 1, column: 23, endColumn: 24, message: 'Unexpected `—` in Chinese text, expected `——`' },
      ],
      output: '原则是“小而够用”——选择最小的镜像；一对宏 —— `assert_eq!` 和 `assert_ne!`。\n',
    },
    {
      name: 'a spaced dash and a double hyphen',
      code: '失败 -- 例如没有文件\n',
      errors: [{ line: 1, column: 4, endColumn: 6, message: 'Unexpected `--` in Chinese text, expected `——`' }],
      output: '失败 —— 例如没有文件\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷…\r\n',
      errors: [{ line: 2, column: 3, endColumn: 4, message: 'Unexpected `…` in Chinese text, expected `……`' }],
      output: '第一行\r\n𠮷……\r\n',
    },
  ],
});
