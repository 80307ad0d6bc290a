import rule from '../../src/mirror/mirror-command-mismatch.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'placeholders translated', files: { 'zh-hans/tar.md': '- 归档：\n\n`tar cf {{目标.tar}} {{文件}}`\n', 'zh-tw/tar.md': '- 歸檔：\n\n`tar cf {{目標.tar}} {{檔案}}`\n' }, settings },
    { name: 'a shell prompt and CJK placeholders', files: { 'zh-hans/a.md': '运行 `$ hexo server <你的端口>`。\n', 'zh-tw/a.md': '執行 `hexo server <連接埠>`。\n' }, settings },
    { name: 'a single name is not a command', files: { 'zh-hans/a.md': '用 `hexo`。\n', 'zh-tw/a.md': '用 `npm`。\n' }, settings },
  ],
  invalid: [
    {
      name: 'an en dash in a command',
      files: { 'zh-hans/git.md': '`git commit -m {{消息}}`\n', 'zh-tw/git.md': '𠮷 `git commit –m {{訊息}}`\r\n' },
      settings,
      errors: [{ file: 'zh-tw/git.md', line: 1, column: 4, endLine: 1, endColumn: 26, message: 'Unexpected command `git commit –m {{訊息}}`, expected `git commit -m {{消息}}` as in `zh-hans/git.md`' }],
    },
  ],
});
