import rule from '../../src/typography/zh-punctuation-width.js';
import { testRule } from '@tongwen/test-utils';

const toFull = (a: string, b: string) => `Unexpected half-width \`${a}\` between Chinese characters, expected \`${b}\``;
const parens = 'Unexpected half-width `(…)` around Chinese text, expected `（…）`';
const atEnd = (a: string, b: string) => `Unexpected half-width \`${a}\` at the end of a Chinese clause, expected \`${b}\``;
const afterHan = (a: string, b: string) => `Unexpected half-width \`${a}\` after Chinese text, expected \`${b}\``;

testRule(rule, {
  valid: [
    { name: 'the parentheses of a link that did not render are left to link-not-rendered', code: '见 [镜像创建](../image/create.md#利用 Dockerfile 来创建镜像) 一节。\n' },
    '镜像（`Image`）和容器的关系，就像类和实例。\n',
    '使用 **镜像名:标签** 的方式。\n',
    '| 镜像名:标签 | 说明 |\n| --- | --- |\n| a | b |\n',
    '```\n镜像,容器\n```\n',
    '`镜像,容器` 和 [链接](https://x.y/a,b)\n',
    '使用英文逗号“,”分隔\n',
    'Use the `-d` flag, then run it (in the background).\n',
    '等待...然后\n',
    { name: 'a literal `name:value` after Chinese', code: '拉取镜像:latest 版本，端口:80 开放。\n' },
    { name: 'URLs, paths, versions and times', code: '访问 https://example.com/a,b 或 ./a/b.md 文件，版本 v1.2.3，时间 12:30。\n' },
    { name: 'an English sentence with a company name', code: 'Copyright Facebook, Inc. All rights reserved.\n' },
    { name: 'English quotes inside Chinese text', code: '他说 "Hello, world." 然后离开。\n' },
    { name: 'a Latin sentence ending in a Chinese name', code: 'This book was translated by the team of 张三.\n' },
    { name: 'a file name after Chinese', code: '编辑配置文件.json 即可。\n' },
    { name: 'a scheme named in a Chinese sentence', code: '支持的协议：https：默认端口为 443。\n' },
    { name: 'a Latin word ending a line inside a clause that is not Chinese', code: '注意：Run `make` first.\n\n参见 Best practices for writing Dockerfiles.\n' },
    { name: 'an abbreviation’s own period at the end of a Chinese line', code: '由许多公司和个人共同维护，例如某某公司 Inc.\n\n支持图片、视频、音频等 etc.\n' },
    { name: 'a Latin word in the middle of a line before a half-width mark', code: '安装 Docker. 然后运行它。\n' },
    { name: 'a comma between names in a Chinese enumeration', code: '我们支持 Linux，macOS 和 Windows，以及 Ubuntu 20.04，CentOS 7 等系统。\n' },
    { name: 'a Chinese list whose item holds only names', code: '- 作者：张三\n- GitHub：yeasy\n- 主页：见下文\n' },
    { name: 'a Chinese table whose cells hold only names', code: '| 项目 | 链接 |\n| --- | --- |\n| 主页 | GitHub：yeasy |\n| Vue.js：Evan You | 作者 |\n' },
    { name: 'code-like table cells written without backticks', code: '| 参数 | 说明 |\n| --- | --- |\n| {"t":15,"v":"测试"} | JSON |\n| key=value，a=b | 赋值 |\n| name="张三" | 赋值 |\n| run(a，b) | 调用 |\n' },
    { name: 'a closing mark with nothing open (a numbered list)', code: '1) 第一步（可选）\n' },
    { name: 'a full stop after a number at the end of a sentence', code: '最新版本是 3。\n' },
    { name: 'a sentence ending in a number, then one starting with Latin', code: '版本号是 3。Windows 用户请注意。\n' },
    { name: 'half-width parentheses when the convention is `half`', code: '使用组件 (component) 来构建。\n', options: { parentheses: 'half' } },
    { name: 'the dominant form of the book (`consistent`)', files: { 'a.md': '使用组件 (component) 来构建。\n', 'b.md': '调用函数 (function) 与方法 (method)。\n' }, path: 'a.md', options: { parentheses: 'consistent' } },
    {
      name: 'a chapter that writes no spaced `(…)` is held to `full` without reading the book',
      files: { 'a.md': '使用组件（component）来构建。\n', 'b.md': '调用函数 (function)、方法 (method) 与模块 (module)。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
    },
    {
      name: 'a book whose house style is `(…)` with spaces (`consistent`)',
      files: { 'a.md': '打开设置 (在菜单中) 即可。\n', 'b.md': '调用函数 (即方法) 与模块 (可选)。\n', 'c.md': '保存文件 (按下回车)。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
    },
  ],
  invalid: [
    {
      code: '镜像(`Image`)和容器的关系,就像类和实例.\n',
      errors: [
        { line: 1, column: 3, endColumn: 4, message: 'Unexpected half-width `(…)` after Chinese text, expected `（…）`' },
        { line: 1, column: 18, endColumn: 19, message: toFull(',', '，') },
        { line: 1, column: 25, endColumn: 26, message: atEnd('.', '。') },
      ],
      output: '镜像（`Image`）和容器的关系，就像类和实例。\n',
    },
    {
      name: 'spaces after the mark go with it',
      code: '容器消亡, 数据卷不会消亡; 因此!\n',
      errors: [
        { line: 1, column: 5, message: toFull(',', '，') },
        { line: 1, column: 14, message: toFull(';', '；') },
        { line: 1, column: 18, message: atEnd('!', '！') },
      ],
      output: '容器消亡，数据卷不会消亡；因此！\n',
    },
    {
      name: 'a colon in a sentence, not an identifier',
      code: '- 附录一:常见问题总结\n',
      errors: [{ line: 1, column: 6, message: toFull(':', '：') }],
      output: '- 附录一：常见问题总结\n',
    },
    {
      name: 'parentheses inside link text',
      code: '使用 [数据卷(Volume)](a.md)、或者\n',
      errors: [{ line: 1, column: 8, message: 'Unexpected half-width `(…)` after Chinese text, expected `（…）`' }],
      output: '使用 [数据卷（Volume）](a.md)、或者\n',
    },
    {
      name: 'half-width marks ending a Chinese clause at the end of a line',
      code: '由以下部分组成:\n\n运行时报错.\n\n需要帮助?\n\n* 新增基本內容;\n',
      errors: [
        { line: 1, column: 8, message: atEnd(':', '：') },
        { line: 3, column: 6, message: atEnd('.', '。') },
        { line: 5, column: 5, message: atEnd('?', '？') },
        { line: 7, column: 9, message: atEnd(';', '；') },
      ],
      output: '由以下部分组成：\n\n运行时报错。\n\n需要帮助？\n\n* 新增基本內容；\n',
    },
    {
      name: 'at the end of a line inside a paragraph, before a Latin word, after a closing mark',
      code: '现在可以在 npm 上使用了!\n下一行\n\n附錄三:Docker 命令查詢\n\n例如, npm 会安装它。\n\n注意（重要）:\n',
      errors: [
        { line: 1, column: 15, message: atEnd('!', '！') },
        { line: 4, column: 4, message: afterHan(':', '：') },
        { line: 6, column: 3, message: afterHan(',', '，') },
        { line: 8, column: 7, message: atEnd(':', '：') },
      ],
      output: '现在可以在 npm 上使用了！\n下一行\n\n附錄三：Docker 命令查詢\n\n例如，npm 会安装它。\n\n注意（重要）：\n',
    },
    {
      // Real fixes between the 2018 and 2026 editions of docker_practice (scripts/history.mjs).
      name: 'at the end of a Chinese clause after a Latin word, a link or inline code',
      code: '切勿在没有配置源的情况下直接使用 apt 命令安装 Docker.\n\n提起容器，我们不得不提的就是 [CoreOS](https://coreos.com/).\n\n下面的镜像提供了命令行工具 `s3cmd`:\n',
      errors: [
        { line: 1, column: 33, message: atEnd('.', '。') },
        { line: 3, column: 45, message: atEnd('.', '。') },
        { line: 5, column: 22, message: atEnd(':', '：') },
      ],
      output: '切勿在没有配置源的情况下直接使用 apt 命令安装 Docker。\n\n提起容器，我们不得不提的就是 [CoreOS](https://coreos.com/)。\n\n下面的镜像提供了命令行工具 `s3cmd`：\n',
    },
    {
      // tldr-pages/tldr#2897 (review): a script that made colons full-width broke the URLs too; one is left in tldr-zh.
      name: 'a full-width colon after a URL scheme',
      code: '默认为 <https：//crates.io>。见 http：//example.com。\n\n镜像站 <https：//www.example.com> 可用。\n',
      errors: [
        { line: 1, column: 11, message: 'Unexpected full-width `：` after the URL scheme `https`, expected `:`' },
        { line: 1, column: 31, message: 'Unexpected full-width `：` after the URL scheme `http`, expected `:`' },
        // Before a `www.` literal that GFM's tree transform links: its text has positions since round 9 (book's literal-positions.ts).
        { line: 3, column: 11, message: 'Unexpected full-width `：` after the URL scheme `https`, expected `:`' },
      ],
      // Not fixed: the address would become a link, a change of structure that the fix verifier refuses.
      output: null,
    },
    {
      name: 'a colon between Chinese words that is a sentence, not an identifier',
      code: '他说:你好\n',
      errors: [{ line: 1, column: 3, message: toFull(':', '：') }],
      output: '他说：你好\n',
    },
    {
      name: 'a full-width period in a number',
      code: '#### 3。Windows 环境\n\n圆周率约为 3。14 左右。\n',
      errors: [
        { line: 1, column: 7, message: 'Unexpected full-width `。` in the number `3。`, expected `.`' },
        { line: 3, column: 8, message: 'Unexpected full-width `。` in the number `3。14`, expected `.`' },
      ],
      output: '#### 3.Windows 环境\n\n圆周率约为 3.14 左右。\n',
    },
    {
      name: 'mismatched parentheses: the odd mark takes the width of its context',
      code: '发布日期（2.24)，以及 call (see below）.\n',
      errors: [
        { line: 1, column: 10, message: 'Unexpected `)` paired with `（`, expected `）`' },
        { line: 1, column: 30, message: 'Unexpected `）` paired with `(`, expected `)`' },
      ],
      output: '发布日期（2.24），以及 call (see below).\n',
    },
    {
      name: 'full-width parentheses are the exceptions when the book writes half-width ones (`consistent`)',
      files: { 'a.md': '使用组件（component）来构建，调用函数 (function)。\n', 'b.md': '调用函数 (function)、方法 (method) 与模块 (module)。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
      errors: [{ line: 1, column: 5, message: 'Unexpected full-width `（…）`, expected `(…)` as in the rest of the book' }],
      output: '使用组件(component)来构建，调用函数 (function)。\n',
    },
    {
      name: 'a full-width comma inside a company name, whatever the sentence',
      code: '这是 Docker，Inc 的产品，以及 Example Co.，Ltd。\n',
      errors: [
        { line: 1, column: 10, endColumn: 11, message: 'Unexpected full-width `，` before the company suffix `Inc`, expected `,`' },
        { line: 1, column: 33, endColumn: 34, message: 'Unexpected full-width `，` before the company suffix `Ltd`, expected `,`' },
      ],
      output: '这是 Docker, Inc 的产品，以及 Example Co., Ltd。\n',
    },
    {
      name: 'full-width in an English phrase inside a Chinese sentence',
      code: '如 Use the flag，then run it 所示。\n',
      errors: [{ line: 1, column: 15, endColumn: 16, message: 'Unexpected full-width `，` in an English phrase, expected `,`' }],
      output: '如 Use the flag, then run it 所示。\n',
    },
    {
      name: 'an English sentence in a Chinese list is still Latin',
      code: '- 作者：张三\n- Use the flag：then run it\n- 主页：见下文\n',
      errors: [{ line: 2, column: 15, endColumn: 16, message: 'Unexpected full-width `：` in a Latin sentence, expected `:`' }],
      output: '- 作者：张三\n- Use the flag: then run it\n- 主页：见下文\n',
    },
    {
      name: 'a book that mixes both forms evenly has no house style (`consistent` falls back to `full`)',
      files: { 'a.md': '调用函数(function)与方法。\n', 'b.md': '使用组件（component）来构建。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
      errors: [{ line: 1, column: 5, endColumn: 6, message: 'Unexpected half-width `(…)` after Chinese text, expected `（…）`' }],
      output: '调用函数（function）与方法。\n',
    },
    {
      name: 'two half-width pairs are too few to be a house style (`consistent` falls back to `full`)',
      files: { 'a.md': '打开设置 (在菜单中) 即可。\n', 'b.md': '调用函数 (即方法)。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
      errors: [
        { line: 1, column: 6, endColumn: 7, message: parens },
        { file: 'b.md', line: 1, column: 6, endColumn: 7, message: parens },
      ],
      output: '打开设置 （在菜单中） 即可。\n',
    },
    {
      name: 'pairs in code blocks and inline code do not count towards the book’s convention',
      files: { 'a.md': '使用组件（component）来构建，调用函数 (即方法)。\n', 'b.md': '```\n调用 (甲)、方法 (乙) 与模块 (丙)\n```\n\n见 `调用 (丁)`。\n' },
      path: 'a.md',
      options: { parentheses: 'consistent' },
      errors: [{ line: 1, column: 25, endColumn: 26, message: parens }],
      output: '使用组件（component）来构建，调用函数 （即方法）。\n',
    },
    {
      name: 'full-width in a Latin sentence',
      code: 'Use the flag，then run it.\n',
      errors: [{ line: 1, column: 13, message: 'Unexpected full-width `，` in a Latin sentence, expected `,`' }],
      output: 'Use the flag, then run it.\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷,容器\r\n',
      errors: [{ line: 2, column: 3, endColumn: 4, message: toFull(',', '，') }],
      output: '第一行\r\n𠮷，容器\r\n',
    },
  ],
});
