/**
 * A small book written for the tests of the chapter pass (workers, shards):
 * every kind of finding whose computation could differ between one thread
 * and many — book conventions (a level jump most chapters make, quoted
 * headings), a chapter too short for its locale (the book's dominant one),
 * suppressions, fixable typography, dead links and anchors, an orphan, a
 * file that is not UTF-8, a surrogate pair and CRLF line ends.
 */
export function conventionBook(): Record<string, string | Uint8Array> {
  const jump = (title: string, extra = '') =>
    `# ${title}\n\n这是一个关于容器的章节，我们在这里介绍镜像和网络的使用方法。\n\n## 安装\n\n#### 参数\n\n这里说明参数的含义，以及它们之间的关系。${extra}\n`;
  return {
    'SUMMARY.md': '# 目录\n\n* [简介](README.md)\n* [镜像](image.md)\n* [网络](network.md)\n* [数据](data.md)\n* [短章](short.md)\n* [排版](typography.md)\n* [丢失](missing.md)\n',
    'README.md': '# 简介\n\n本书介绍容器技术。请先阅读[镜像](image.md#安装)一章，再看[网络](network.md#不存在)。\n\n> # 引文里的标题\n>\n> #### 引文里的小标题\n',
    'image.md': jump('镜像', '\n\n![图](images/missing.png)'),
    'network.md': jump('网络', '\n\n<!-- tongwen-disable-next-line zh-spacing -->\n使用docker命令连接网络。\n'),
    'data.md': jump('数据').replace(/\n/g, '\r\n') + '\r\n𠮷字在这里出现了，这是一个扩展汉字。\r\n',
    'short.md': '# 短\n\n好。\n\n### 跳级\n',
    'typography.md': '# 排版\n\n这是一段使用docker的文字,中文后面用了半角逗号。这里还有两个标题。\n\n# 第二个标题\n\n更多的内容在这里，这是一段比较长的中文句子。\n',
    'orphan.md': '# 孤立\n\n没有人链接到这一章，它也不在目录里。\n',
    'latin1.md': new Uint8Array([0x23, 0x20, 0xe9, 0x0a]),
  };
}
