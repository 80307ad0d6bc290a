import { createHash } from 'node:crypto';
import { html, type ReportBook } from '@tongwen/report';
import { describe, expect, it } from 'vitest';
import { context, findings } from './fixtures.js';

const books: ReportBook[] = [
  {
    prefix: '',
    title: '<b>书</b>',
    contents: 'SUMMARY.md',
    nodes: [{ kind: 'part', title: '第一部分', children: [{ kind: 'chapter', title: '"><img src=x onerror=alert(1)>', file: 'a/章节.md', children: [{ kind: 'text', title: '草稿', children: [] }] }] }],
    orphans: ['b.md'],
  },
];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('html', () => {
  const page = html({ findings, files: 7 }, { ...context, books, linkBase: 'https://example.org/r/blob/abc', mirrors: [{ file: 'a/章节.md', mirror: 'tw/a.md', label: 'zh-TW', state: 'stale' }] });

  it('allows only its own stylesheet and script, by their hashes', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${sha256(style)}'; script-src 'sha256-${sha256(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/ style="/);
  });

  it('escapes every value from content and links files to the host and line', () => {
    expect(page).toContain('<title>&lt;b&gt;书&lt;/b&gt; — tongwen report</title>');
    expect(page).toContain('>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(page).not.toContain('<img');
    expect(page).toContain('<a class="loc" href="https://example.org/r/blob/abc/a/%E7%AB%A0%E8%8A%82.md#L3">a/章节.md:3:2</a>');
    expect(page).toContain('<pre class="src"><span class="ln">3</span><code>见<mark>[安装](instal.md)</mark>。</code></pre>');
    expect(page).toContain('<code>𠮷野家說：<mark>數據</mark></code>');
    expect(page).toContain('<span class="mirror stale" title="tw/a.md">zh-TW stale</span>');
    expect(page).toContain('Not in the contents (1)');
  });

  it('drops links whose base is not http(s) or relative', () => {
    const unsafe = html({ findings, files: 7 }, { ...context, linkBase: 'javascript:alert(1)//' });
    expect(unsafe).not.toContain('javascript:');
    expect(unsafe).not.toContain('class="loc" href');
  });

  it('keeps the findings that were there before behind a toggle (the gate)', () => {
    const gate = html({ findings: [findings[0]!], files: 7 }, { ...context, previous: [findings[1]!, findings[2]!] });
    expect(gate).toContain('<h2>New findings (1)</h2>');
    expect(gate).toContain('<section id="previous"><details><summary>2 findings that were there before</summary><ol class="findings old"><li class="finding warning"');
    expect(gate).toContain('<strong>1</strong> error</span><span class="warning"><strong>0</strong> warnings');
  });

  it('is deterministic', () => {
    expect(html({ findings, files: 7 }, { ...context, books })).toBe(html({ findings, files: 7 }, { ...context, books }));
  });
});
