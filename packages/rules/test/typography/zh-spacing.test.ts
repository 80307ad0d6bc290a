import rule from '../../src/typography/zh-spacing.js';
import { testRule } from '@tongwen/test-utils';

const missing = (a: string, b: string) => `Unexpected missing space between ${a} and ${b}, expected a space`;

testRule(rule, {
  valid: [
    { name: 'a book that writes no space (`consistent`)', files: { 'a.md': '使用Docker运行\n', 'b.md': '在Linux和macOS上\n' }, path: 'a.md', options: { space: 'consistent' } },
    '使用 Docker 运行 3 个服务，占用 50% 内存。\n',
    '运行 `docker ps` 命令，见 [Docker](https://docker.com) 文档。\n',
    '```sh\n使用Docker运行\n```\n',
    '见 https://docker.com/中文 页面。\n',
    '<p>使用Docker运行</p>\n',
    '| 名称 | 说明 |\n| --- | --- |\n| 镜像 ID | 使用 Docker |\n',
    '**粗体** 文字 *强调* 内容\n',
    { code: '第1章\n', options: { ignore: ['第\\d+章'] } },
    { code: '使用Docker运行\n', options: { space: 'never' } },
    { code: '运行`docker ps`命令\n', options: { inlineCode: false } },
  ],
  invalid: [
    {
      name: 'inline code follows the book’s own habit for inline code (`consistent`), apart from text',
      files: { 'a.md': '使用Docker运行`ls`命令，用 `cd` 进入。\n', 'b.md': '使用Git和Vue，运行 `cd` 与 `pwd` 命令。\n' },
      path: 'a.md',
      options: { space: 'consistent' },
      errors: [
        { line: 1, column: 10, endColumn: 15, message: 'Unexpected missing space between `行` and inline code, expected a space' },
        { line: 1, column: 11, endColumn: 16, message: 'Unexpected missing space between inline code and `命`, expected a space' },
      ],
      output: '使用Docker运行 `ls` 命令，用 `cd` 进入。\n',
    },
    {
      name: 'the edges of links follow the book’s own habit for links (`consistent`), apart from text',
      files: { 'a.md': '使用Docker，见 [Vue](v.md) 和[Git](g.md)文档。\n', 'b.md': '使用Git和Vue，见 [npm](n.md) 与 [Node](d.md) 文档。\n' },
      path: 'a.md',
      options: { space: 'consistent' },
      errors: [
        { line: 1, column: 24, endColumn: 27, message: 'Unexpected missing space between `和` and `G`, expected a space' },
        { line: 1, column: 28, endColumn: 37, message: 'Unexpected missing space between `t` and `文`, expected a space' },
      ],
      output: '使用Docker，见 [Vue](v.md) 和 [Git](g.md) 文档。\n',
    },
    {
      name: 'the exceptions to the book’s dominant spacing (`consistent`)',
      files: { 'a.md': '使用Docker运行\n', 'b.md': '在 Linux 和 macOS 上，用 npm 安装\n' },
      path: 'a.md',
      options: { space: 'consistent' },
      errors: [
        { line: 1, column: 2, endColumn: 4, message: 'Unexpected missing space between `用` and `D`, expected a space' },
        { line: 1, column: 8, endColumn: 10, message: 'Unexpected missing space between `r` and `运`, expected a space' },
      ],
      output: '使用 Docker 运行\n',
    },
    {
      code: '使用Docker运行3个服务\n',
      errors: [
        { line: 1, column: 2, endLine: 1, endColumn: 4, message: missing('`用`', '`D`') },
        { line: 1, column: 8, endLine: 1, endColumn: 10, message: missing('`r`', '`运`') },
        { line: 1, column: 10, endLine: 1, endColumn: 12, message: missing('`行`', '`3`') },
        { line: 1, column: 11, endLine: 1, endColumn: 13, message: missing('`3`', '`个`') },
      ],
      output: '使用 Docker 运行 3 个服务\n',
    },
    {
      name: 'inline code and links: the space goes outside',
      code: '运行`docker ps`命令，见[Docker](https://docker.com)文档。\n',
      errors: [
        { line: 1, column: 2, message: missing('`行`', 'inline code') },
        { line: 1, column: 3, message: missing('inline code', '`命`') },
        { line: 1, column: 17, message: missing('`见`', '`D`') },
        { line: 1, column: 24, message: missing('`r`', '`文`') },
      ],
      output: '运行 `docker ps` 命令，见 [Docker](https://docker.com) 文档。\n',
    },
    {
      name: 'emphasis: the space goes outside the delimiters',
      code: '使用**Docker**运行\n',
      errors: [
        { line: 1, column: 2, message: missing('`用`', '`D`') },
        { line: 1, column: 10, message: missing('`r`', '`运`') },
      ],
      output: '使用 **Docker** 运行\n',
    },
    {
      name: 'table cells',
      code: '| 名称 | 说明 |\n| --- | --- |\n| 镜像ID | 使用Docker |\n',
      errors: [
        { line: 3, column: 4, message: missing('`像`', '`I`') },
        { line: 3, column: 11, message: missing('`用`', '`D`') },
      ],
      output: '| 名称 | 说明 |\n| --- | --- |\n| 镜像 ID | 使用 Docker |\n',
    },
    {
      name: 'digits and percent',
      code: '占用50%内存\n',
      errors: [
        { line: 1, column: 2, message: missing('`用`', '`5`') },
        { line: 1, column: 5, message: missing('`%`', '`内`') },
      ],
      output: '占用 50% 内存\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷Docker\r\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: missing('`𠮷`', '`D`') }],
      output: '第一行\r\n𠮷 Docker\r\n',
    },
    {
      name: 'text after emphasis that does not render',
      code: '**粗体（注）**中文Docker\n',
      errors: [{ line: 1, column: 11, message: missing('`文`', '`D`') }],
      output: '**粗体（注）**中文 Docker\n',
    },
    {
      name: 'a bare URL after Chinese (a GFM autolink): the space goes before it, the link is unchanged',
      code: '访问https://docker.com 页面\n',
      errors: [{ line: 1, column: 2, message: missing('`问`', 'a link') }],
      output: '访问 https://docker.com 页面\n',
    },
    {
      name: 'never',
      code: '使用 Docker 运行\n',
      options: { space: 'never' },
      errors: [
        { line: 1, column: 3, endColumn: 4, message: 'Unexpected space between `用` and `D`, expected none' },
        { line: 1, column: 10, endColumn: 11, message: 'Unexpected space between `r` and `运`, expected none' },
      ],
      output: '使用Docker运行\n',
    },
  ],
});
