import rule from '../../src/mirror/mirror-link-target.js';
import { testRule } from '@tongwen/test-utils';

const settings = { mirrors: [{ source: 'zh-cn', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'locale segments normalised', files: { 'zh-cn/a.md': '[文档](/zh-cn/docs/)\n', 'zh-tw/a.md': '[文件](/zh-tw/docs/)\n' }, settings },
    { name: 'fragments differ with translated headings', files: { 'zh-cn/a.md': '[配置](b.md#配置)\n', 'zh-tw/a.md': '[設定](b.md#設定)\n' }, settings },
    { name: 'a link the source has nothing close to', files: { 'zh-cn/a.md': '[文档](/zh-cn/docs/)\n', 'zh-tw/a.md': '[維基](https://zh.wikipedia.org/wiki/Markdown)\n' }, settings },
  ],
  invalid: [
    {
      name: 'the English site where the source links the Chinese one',
      files: { 'zh-cn/a.md': '[文档](/zh-cn/docs/setup)\n', 'zh-tw/a.md': '𠮷 [文件](/docs/setup)\r\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 4, endLine: 1, endColumn: 21, message: 'Unexpected link target `/docs/setup`, expected `/zh-cn/docs/setup` as in `zh-cn/a.md`' }],
    },
  ],
});
