import rule from '../../src/structure/contents-title-mismatch.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'same title', files: { 'SUMMARY.md': '* [使用镜像](image.md)\n', 'image.md': '# 使用镜像\n' } },
    { name: 'whitespace and full/half width do not count', files: { 'SUMMARY.md': '* [Docker（容器）](a.md)\n', 'a.md': '# Docker (容器)\n' } },
    { name: 'an abbreviated title', files: { 'SUMMARY.md': '* [使用镜像](image.md)\n* [启动](run.md)\n', 'image.md': '# 使用 Docker 镜像\n', 'run.md': '## 启动容器\n' } },
    { name: 'the GitBook introduction README.md carries the book title', files: { 'SUMMARY.md': '* [前言](README.md)\n', 'README.md': '# Docker — 从入门到实践\n' } },
    { name: 'numbering differences turned off', files: { 'SUMMARY.md': '* [1.2 镜像](image.md)\n', 'image.md': '# 镜像\n' }, options: { numbering: false } },
    { name: 'an entry with an anchor is compared with that heading', files: { 'SUMMARY.md': '* [列出镜像](image.md#列出镜像)\n', 'image.md': '# 镜像\n\n## 列出镜像\n' } },
    { name: 'a page without a level-1 heading is compared by its front-matter title', files: { 'SUMMARY.md': '* [安装](install.md)\n', 'install.md': '---\ntitle: 安装\n---\n\n## 下载\n' } },
    { name: 'a Hugo page with TOML front matter', files: { 'SUMMARY.md': '* [配置](config.md)\n', 'config.md': '+++\ntitle = "配置"\n+++\n\n## 选项\n' } },
    { name: 'missing headings turned off', files: { 'SUMMARY.md': '* [镜像](image.md)\n', 'image.md': '正文\n' }, options: { missingHeading: false } },
  ],
  invalid: [
    {
      name: 'an entry of a second contents list',
      files: { 'TOC.md': '* [概览](overview.md)\n', 'TOC-cloud.md': '* [云服务](cloud.mdx)\n', 'overview.md': '# 概览\n', 'cloud.mdx': "import X from './x';\n\n# 本地部署\n" },
      contents: 'TOC.md',
      moreContents: ['TOC-cloud.md'],
      errors: [{ file: 'TOC-cloud.md', line: 1, column: 4, endLine: 1, endColumn: 7, message: 'Unexpected entry title `云服务` for `cloud.mdx`, expected its heading `本地部署`' }],
    },
    {
      name: 'another title',
      files: { 'SUMMARY.md': '* [守护态运行](daemon.md)\n', 'daemon.md': '# 后台运行\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 4, endLine: 1, endColumn: 9, message: 'Unexpected entry title `守护态运行` for `daemon.md`, expected its heading `后台运行`' }],
    },
    {
      name: 'numbering only, reported as info',
      files: { 'SUMMARY.md': '* [附录一：常见问题](faq.md)\n* [1.2 镜像](image.md)\n', 'faq.md': '# 常见问题\n', 'image.md': '# 镜像\n' },
      errors: [
        { file: 'SUMMARY.md', line: 1, column: 4, endLine: 1, endColumn: 12, severity: 'info', message: 'Unexpected numbering difference between the entry title `附录一：常见问题` and the heading `常见问题` of `faq.md`, expected the same numbering in both' },
        { file: 'SUMMARY.md', line: 2, column: 4, endLine: 2, endColumn: 10, severity: 'info', message: 'Unexpected numbering difference between the entry title `1.2 镜像` and the heading `镜像` of `image.md`, expected the same numbering in both' },
      ],
    },
    {
      name: 'a chapter without a heading (CRLF, 𠮷)',
      files: { 'SUMMARY.md': '* [𠮷](a.md)\r\n* [镜像](image.md)\r\n', 'a.md': '# 𠮷\n', 'image.md': '正文\r\n' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 4, endLine: 2, endColumn: 6, message: 'Unexpected chapter `image.md` without a heading, expected a heading `镜像` as in the contents list' }],
    },
    {
      name: 'a front-matter title that differs',
      files: { 'SUMMARY.md': '* [安装](install.md)\n', 'install.md': '---\ntitle: 部署\n---\n\n## 下载\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 4, endColumn: 6, message: 'Unexpected entry title `安装` for `install.md`, expected its heading `部署`' }],
    },
    {
      name: 'titles that differ only in spaces (info)',
      files: { 'SUMMARY.md': '* [第二章 基本概念](concepts.md)\n', 'concepts.md': '# 第二章基本概念\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 4, endColumn: 12, severity: 'info', message: 'Unexpected entry title `第二章 基本概念` for `concepts.md`, expected its heading `第二章基本概念` (they differ only in spaces)' }],
    },
    {
      name: 'titles that differ by a bracketed part (info)',
      files: { 'SUMMARY.md': '* [挂载主机目录](bind.md)\n', 'bind.md': '# 挂载主机目录（Bind Mounts）\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 4, endColumn: 10, severity: 'info', message: 'Unexpected entry title `挂载主机目录` for `bind.md`, expected its heading `挂载主机目录（Bind Mounts）` (one adds a bracketed part to the other)' }],
    },
    {
      name: 'abbreviations: false',
      files: { 'SUMMARY.md': '* [启动](run.md)\n', 'run.md': '# 启动容器\n' },
      options: { abbreviations: false },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 4, endLine: 1, endColumn: 6, message: 'Unexpected entry title `启动` for `run.md`, expected its heading `启动容器`' }],
    },
  ],
});
