import rule from '../../src/mirror/mirror-code-mismatch.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

const code = (body: string, lang = 'js'): string => '# 标题\n\n' + '\`\`\`' + lang + '\n' + body + '\n' + '\`\`\`' + '\n';

testRule(rule, {
  valid: [
    { name: 'identical code', files: { 'zh-hans/a.md': code('url_for(path, [option])'), 'zh-tw/a.md': code('url_for(path, [option])') }, settings },
    { name: 'CJK strings translated', files: { 'zh-hans/a.md': code('echo "你好，世界"', 'sh'), 'zh-tw/a.md': code('echo "妳好，世界"', 'sh') }, settings },
    { name: 'comments translated', files: { 'zh-hans/a.md': code('run() // run it now\n/* block */', 'js'), 'zh-tw/a.md': code('run() // 立即執行\n/* 區塊 */', 'js') }, settings },
    { name: 'a text block whose notes are worded again', files: { 'zh-hans/a.md': code('layout.ejs   - 使用 EJS\nlayout.njk   - 使用 Nunjucks', 'plain'), 'zh-tw/a.md': code('layout.ejs   - uses EJS\nlayout.njk   - uses Nunjucks', 'plain') }, settings },
    { name: 'a block without language whose sentence is translated', files: { 'zh-hans/a.md': code('$ hexo server\nINFO  Hexo 正在运行，按 Ctrl+C 停止。', ''), 'zh-tw/a.md': code('$ hexo server\nINFO  Hexo is running, press Ctrl+C to stop.', '') }, settings },
    { name: 'shell comments translated', files: { 'zh-hans/a.md': code('# install it\nnpm i hexo', 'sh'), 'zh-tw/a.md': code('# 安裝\nnpm i hexo', 'sh') }, settings },
  ],
  invalid: [
    {
      name: 'a stale signature',
      files: { 'zh-hans/a.md': code('url_for(path, [option])'), 'zh-tw/a.md': code('url_for(path)') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected code `url_for(path)` in code block 1, expected `url_for(path, [option])` as in `zh-hans/a.md`' }],
    },
    {
      name: 'a text block with a file name changed: a single word is a name, not prose',
      files: { 'zh-hans/a.md': code('layout.ejs   - 使用 EJS', 'text'), 'zh-tw/a.md': code('layout.pug   - 使用 EJS', 'text') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected code `layout.pug   - 使用 EJS` in code block 1, expected `layout.ejs   - 使用 EJS` as in `zh-hans/a.md`' }],
    },
    {
      name: 'a text block with a sentence repeated',
      files: { 'zh-hans/a.md': code("FATAL Something's wrong. Maybe you can find the solution here", ''), 'zh-tw/a.md': code("FATAL Something's wrong. FATAL Something's wrong. Maybe you can find the solution here", '') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: "Unexpected code `FATAL Something's wrong. FATAL Something's wrong. Maybe you…` in code block 1, expected `FATAL Something's wrong. Maybe you can find the solution he…` as in `zh-hans/a.md`" }],
    },
    {
      name: 'a missing block',
      files: { 'zh-hans/a.md': code('a()') + code('b()'), 'zh-tw/a.md': code('a()') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected 1 code blocks, expected 2 as in `zh-hans/a.md`' }],
    },
  ],
});
