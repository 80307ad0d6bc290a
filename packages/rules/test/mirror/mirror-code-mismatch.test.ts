import rule from '../../src/mirror/mirror-code-mismatch.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

const code = (body: string, lang = 'js'): string => '# 标题\n\n' + '\`\`\`' + lang + '\n' + body + '\n' + '\`\`\`' + '\n';

testRule(rule, {
  valid: [
    { name: 'identical code', files: { 'zh-hans/a.md': code('url_for(path, [option])'), 'zh-tw/a.md': code('url_for(path, [option])') }, settings },
    { name: 'CJK strings translated', files: { 'zh-hans/a.md': code('echo "你好，世界"', 'sh'), 'zh-tw/a.md': code('echo "妳好，世界"', 'sh') }, settings },
    { name: 'comments translated', files: { 'zh-hans/a.md': code('run() // run it now\n/* block */', 'js'), 'zh-tw/a.md': code('run() // 立即執行\n/* 區塊 */', 'js') }, settings },
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
      name: 'a missing block',
      files: { 'zh-hans/a.md': code('a()') + code('b()'), 'zh-tw/a.md': code('a()') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected 1 code blocks, expected 2 as in `zh-hans/a.md`' }],
    },
  ],
});
