import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { activeRules, check, ConfigError, validateConfig } from '@tongwen/linter';
import { describe, expect, it } from 'vitest';

describe('validateConfig', () => {
  it('accepts a full configuration', () => {
    const config = { contents: 'SUMMARY.md', grammar: 'gitbook', locale: 'zh-TW', slug: 'gitbook', ignore: ['drafts/**'], preset: 'recommended', external: true, rules: { 'contents-orphan': ['warn', { ignore: ['x.md'] }], 'fence-unclosed': 'off' }, repository: 'yeasy/docker_practice' };
    expect(validateConfig(config)).toEqual(config);
  });

  it.each([
    [[], 'Invalid configuration: expected an object, got []'],
    [{ slugs: 'github' }, 'Invalid configuration: unknown key `slugs`, expected one of `$schema`, `root`, `extends`, `contents`, `grammar`, `locale`, `slug`, `dialect`, `publicDir`, `siteBase`, `ignore`, `preset`, `rules`, `overrides`, `repository`, `external`, `mirrors`'],
    [{ external: 'yes' }, 'Invalid configuration: `external` is "yes", expected true or false'],
    [{ locale: 'zh-SG' }, 'Invalid configuration: `locale` is "zh-SG", expected one of `zh-Hans`, `zh-Hant`, `zh-TW`, `zh-HK`'],
    [{ ignore: 'drafts' }, 'Invalid configuration: `ignore` is "drafts", expected an array of globs'],
    [{ repository: 'docker_practice' }, 'Invalid configuration: `repository` is "docker_practice", expected `owner/repo`'],
    [{ rules: { 'no-such-rule': 'off' } }, 'Invalid configuration: `rules.no-such-rule` names an unknown rule `no-such-rule`, expected a rule id (see `tongwen rules`)'],
    [{ rules: { 'fence-unclosed': 'loud' } }, 'Invalid configuration: `rules.fence-unclosed` is "loud", expected one of `off`, `info`, `warning`, `warn`, `error` or [level, options]'],
    [{ rules: { 'contents-orphan': ['warn', { ignore: 'x.md' }] } }, 'Invalid configuration: `rules.contents-orphan`: rule `contents-orphan` option `ignore` is "x.md", expected an array of strings'],
    [{ rules: { 'contents-orphan': ['warn', { ignores: [] }] } }, 'Invalid configuration: `rules.contents-orphan`: rule `contents-orphan` has no option `ignores`, expected one of `ignore`, `readme`'],
  ])('rejects %j naming the key, the value and what was expected', (raw, message) => {
    expect(() => validateConfig(raw)).toThrow(ConfigError);
    expect(() => validateConfig(raw)).toThrow(message);
  });
});

describe('activeRules', () => {
  it('takes the preset, then the configuration, then the command line', () => {
    const byId = (config: Parameters<typeof activeRules>[0], overrides = {}) =>
      Object.fromEntries(activeRules(config, overrides).map((active) => [active.rule.meta.id, active.severity]));
    expect(byId({})['contents-orphan']).toBe('warning');
    expect(byId({ rules: { 'contents-orphan': 'error' } })['contents-orphan']).toBe('error');
    expect(byId({ rules: { 'contents-orphan': 'error' } }, { 'contents-orphan': 'off' })['contents-orphan']).toBeUndefined();
  });

  it('merges rule options over the defaults of the rule', () => {
    const [active] = activeRules({ rules: { 'contents-orphan': ['warn', { ignore: ['drafts/**'] }] } }).filter((a) => a.rule.meta.id === 'contents-orphan');
    expect(active?.options).toEqual({ ignore: ['drafts/**'], readme: true });
  });
});

describe('external links from the configuration', () => {
  it('are collected when the configuration asks, as with --external', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongwen-config-'));
    writeFileSync(path.join(root, 'a.md'), '# 甲\n\n见[官网](https://docs.docker.com/engine/)。\n');
    expect(check({ paths: ['.'], cwd: root, cache: false }).externalLinks).toBeUndefined();
    writeFileSync(path.join(root, 'tongwen.config.json'), '{"external": true}');
    expect(check({ paths: ['.'], cwd: root, cache: false }).externalLinks?.map((link) => link.url)).toEqual(['https://docs.docker.com/engine/']);
    // `--no-external` on the command line wins over the configuration.
    expect(check({ paths: ['.'], cwd: root, cache: false, external: false }).externalLinks).toBeUndefined();
    rmSync(root, { recursive: true, force: true });
  });
});

describe('the slug flavour of an mdBook', () => {
  // Headings `A`, `A`, `A-1`: GitHub makes a, a-1, a-1-1; mdBook numbers per text only: a, a-1, a-1.
  const book = (config?: string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongwen-mdbook-'));
    writeFileSync(path.join(root, 'book.toml'), '[book]\ntitle = "书"\n');
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src/SUMMARY.md'), '# 目录\n\n[甲](a.md)\n');
    writeFileSync(path.join(root, 'src/a.md'), '# A\n\n## A\n\n## A-1\n\n见[第三节](#a-1-1)。\n');
    if (config) writeFileSync(path.join(root, 'src/tongwen.config.json'), config);
    return root;
  };
  const anchors = (root: string) => check({ paths: ['.'], cwd: root, cache: false, rules: { 'zh-spacing': 'off' } }).findings.filter((finding) => finding.ruleId === 'link-missing-anchor').map((finding) => finding.message);

  it('is mdbook when the book is found through book.toml', () => {
    expect(anchors(book())).toEqual(['Unexpected link to missing anchor `#a-1-1` in this file, did you mean `#a-1`?']);
  });

  it('is what the configuration says', () => {
    expect(anchors(book('{"slug": "github"}'))).toEqual([]);
  });
});
