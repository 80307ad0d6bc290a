import { activeRules, fixBook, lintBook } from '@tongwen/linter';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const settings = { slug: 'github' as const, ignore: [] };

describe('fixing with every rule of the preset', () => {
  it('lets each rule fix its own part of a line and converges', () => {
    const book = memoryBook({
      'a.md': '# 标题\n\n使用Docker运行3个服务,然后见 [镜像创建](../image/create.md#利用 Dockerfile 来创建镜像) 一节。\n',
    });
    const rules = activeRules({});
    const result = fixBook(book, { rules, settings });
    expect(result.changed.get('a.md')).toBe('# 标题\n\n使用 Docker 运行 3 个服务，然后见 [镜像创建](<../image/create.md#利用 Dockerfile 来创建镜像>) 一节。\n');
    expect(result.fixed).toEqual({ 'link-not-rendered': 1, 'zh-punctuation-width': 1, 'zh-spacing': 4 });
    expect(lintBook(book, { rules, settings, fixableOnly: true }).filter((finding) => finding.fix)).toEqual([]);
  });
});
