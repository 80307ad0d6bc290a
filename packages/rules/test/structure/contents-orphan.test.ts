import rule from '../../src/structure/contents-orphan.js';
import { testRule } from '@tongwen/test-utils';

const summary = '* [安装](install.md)\n';

testRule(rule, {
  valid: [
    { name: 'the GitBook introduction README.md counts as listed', files: { 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n' } },
    { name: 'ignored by the book setting', files: { 'SUMMARY.md': summary, 'install.md': '# 安装\n', 'drafts/x.md': '# x\n' }, settings: { ignore: ['drafts/**'] } },
    { name: 'ignored by the option', files: { 'SUMMARY.md': summary, 'install.md': '# 安装\n', 'drafts/x.md': '# x\n' }, options: { ignore: ['drafts/*.md'] } },
    { name: 'no contents list: nothing to compare', files: { 'a.md': '# a\n', 'b.md': '# b\n' } },
  ],
  invalid: [
    {
      name: 'an unlisted chapter',
      files: { 'SUMMARY.md': summary, 'install.md': '# 安装\n', 'draft.md': '# 草稿\n' },
      errors: [{ file: 'draft.md', line: 1, column: 1, message: 'Unexpected file `draft.md` missing from the contents list `SUMMARY.md`' }],
    },
    {
      name: 'in mdBook the root README.md is not listed unless SUMMARY lists it',
      files: { 'SUMMARY.md': '[前言](foreword.md)\n\n- [安装](install.md)\n', 'foreword.md': '# 前言\n', 'install.md': '# 安装\n', 'README.md': '# 旧目录\n' },
      errors: [{ file: 'README.md', line: 1, column: 1, message: 'Unexpected file `README.md` missing from the contents list `SUMMARY.md`' }],
    },
    {
      name: 'readme: false reports the GitBook README.md too',
      files: { 'SUMMARY.md': summary, 'README.md': '# 简介\n', 'install.md': '# 安装\n' },
      options: { readme: false },
      errors: [{ file: 'README.md', line: 1, column: 1, message: 'Unexpected file `README.md` missing from the contents list `SUMMARY.md`' }],
    },
  ],
});
