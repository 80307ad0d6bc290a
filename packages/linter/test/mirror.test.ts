import { ConfigError, validateConfig } from '@tongwen/linter';
import { proposeMirrors } from '@tongwen/rules';
import { describe, expect, it } from 'vitest';

describe('the `mirrors` configuration', () => {
  it('accepts human and generated mirrors', () => {
    const config = { mirrors: [{ source: 'source/zh-cn', mirror: 'source/zh-tw', kind: 'human' }, { source: 'zh-hans', mirror: 'zh-tw', kind: 'generated', profile: 'phrases' }] };
    expect(validateConfig(config)).toEqual(config);
  });

  it.each([
    [{ mirrors: {} }, 'Invalid configuration: `mirrors` is {}, expected an array of { source, mirror, kind }'],
    [{ mirrors: ['zh-tw'] }, 'Invalid configuration: `mirrors[0]` is "zh-tw", expected { source, mirror, kind }'],
    [{ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human', from: 'x' }] }, 'Invalid configuration: unknown key `mirrors[0].from`, expected one of `source`, `mirror`, `kind`, `profile`'],
    [{ mirrors: [{ source: '../zh-hans', mirror: 'zh-tw', kind: 'human' }] }, 'Invalid configuration: `mirrors[0].source` is "../zh-hans", expected a folder inside the book'],
    [{ mirrors: [{ source: 'zh-hans', mirror: '', kind: 'human' }] }, 'Invalid configuration: `mirrors[0].mirror` is "", expected a folder inside the book'],
    [{ mirrors: [{ source: 'zh-hans', mirror: 'zh-hans', kind: 'human' }] }, 'Invalid configuration: `mirrors[0].mirror` is "zh-hans", expected a folder other than its source'],
    [{ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'manual' }] }, 'Invalid configuration: `mirrors[0].kind` is "manual", expected `human` or `generated`'],
    [{ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'generated', profile: 'all' }] }, 'Invalid configuration: `mirrors[0].profile` is "all", expected `characters`, `phrases` or `tech`'],
  ])('rejects %j naming the key, the value and what was expected', (raw, message) => {
    expect(() => validateConfig(raw)).toThrow(ConfigError);
    expect(() => validateConfig(raw)).toThrow(message);
  });
});

describe('proposeMirrors (for tongwen init)', () => {
  it('makes the Simplified sibling the source of the other locale folders', () => {
    expect(proposeMirrors(['content/zh-hans', 'content/zh-hant', 'content/zh-tw', 'content/images'], new Set(['content/zh-hant', 'content/zh-tw']))).toEqual([
      { source: 'content/zh-hans', mirror: 'content/zh-hant', kind: 'generated' },
      { source: 'content/zh-hans', mirror: 'content/zh-tw', kind: 'generated' },
    ]);
  });

  it('reads hexo and tldr folder names; English is the source when present', () => {
    expect(proposeMirrors(['source/zh-cn', 'source/zh-tw', 'pages.zh', 'pages.zh_TW', 'docs/en', 'docs/zh-cn'])).toEqual([
      { source: 'pages.zh', mirror: 'pages.zh_TW', kind: 'human' },
      { source: 'docs/en', mirror: 'docs/zh-cn', kind: 'human' },
      { source: 'source/zh-cn', mirror: 'source/zh-tw', kind: 'human' },
    ].sort((a, b) => (a.mirror < b.mirror ? -1 : 1)));
  });

  it('proposes nothing for a lone locale folder', () => {
    expect(proposeMirrors(['zh-hans', 'docs'])).toEqual([]);
  });
});
