import rule from '../../src/mirror/mirror-untranslated.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'translated', files: { 'zh-hans/a.md': '# 安装\n\n安装 Hexo 只需几分钟。\n', 'zh-tw/a.md': '# 安裝\n\n安裝 Hexo 只需幾分鐘。\n' }, settings },
    { name: 'English in both editions', files: { 'zh-hans/a.md': 'See the Hexo docs for more.\n', 'zh-tw/a.md': 'See the Hexo docs for more.\n' }, settings },
    { name: 'a verbatim copy without Simplified-only characters', files: { 'zh-hans/a.md': '文件名字。\n', 'zh-tw/a.md': '文件名字。\n' }, settings },
  ],
  invalid: [
    {
      name: 'paragraphs and a heading left in English, grouped',
      files: { 'zh-hans/a.md': '# 安装\n\n## 要求\n\n安装 Hexo 只需几分钟。\n\n请先安装 Node.js。\n', 'zh-tw/a.md': '# 安裝\n\n## Requirements List\n\nInstalling Hexo takes only a few minutes.\n\nPlease install Node.js before you start.\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected 2 paragraphs and 1 heading left in English (line 3, 5, 7), expected a translation of `zh-hans/a.md`' }],
    },
    {
      name: 'a paragraph copied in Simplified into the zh-TW mirror',
      files: { 'zh-hans/a.md': '# 安装\n\n这个命令会启动服务器。\n', 'zh-tw/a.md': '# 安裝\n\n这个命令会启动服务器。\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected 1 paragraph copied in Simplified (line 3), expected a translation of `zh-hans/a.md`' }],
    },
  ],
});
