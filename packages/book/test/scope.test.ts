import { parseChapter } from '@tongwen/book';
import { describe, expect, it } from 'vitest';

const scopes = (path: string, source: string) => parseChapter(path, source).headings.map((heading) => [heading.depth, heading.text, heading.scope]);

describe('heading scopes', () => {
  it('puts the headings of an MDX component in its scope, not those of a plain element', () => {
    const source = '## 甲\n\n<DeepDive>\n\n#### 深入\n\n</DeepDive>\n\n<div>\n\n### 乙\n\n</div>\n';
    expect(scopes('a.mdx', source)).toEqual([
      [2, '甲', undefined],
      [4, '深入', 'DeepDive@6'],
      [3, '乙', undefined],
    ]);
  });

  it('reads components from HTML blocks in Markdown (Vue components, `<details>`)', () => {
    const source = '## 甲\n\n<Challenges>\n\n#### 挑战\n\n</Challenges>\n\n<details>\n<summary>更多</summary>\n\n##### 细节\n\n</details>\n\n### 乙\n';
    expect(scopes('a.md', source)).toEqual([
      [2, '甲', undefined],
      [4, '挑战', 'Challenges@6'],
      [5, '细节', 'details@44'],
      [3, '乙', undefined],
    ]);
  });

  it('reads `:::` containers, nested ones too, and leaves a one-paragraph container alone', () => {
    const source = '## 甲\n\n::: tip 提示\n#### 注意\n\n:::: details\n##### 里面\n::::\n\n###### 外层\n:::\n\n::: info\n说明\n:::\n\n### 乙\n';
    expect(scopes('a.md', source)).toEqual([
      [2, '甲', undefined],
      [4, '注意', ':::@6'],
      [5, '里面', ':::@26'],
      [6, '外层', ':::@6'],
      [3, '乙', undefined],
    ]);
  });

  it('puts the headings of a block quote in its scope', () => {
    expect(scopes('a.md', '# 甲\n\n> #### 注意\n> 正文\n')).toEqual([
      [1, '甲', undefined],
      [4, '注意', 'blockquote@5'],
    ]);
  });
});
