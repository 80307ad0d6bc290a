import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, ConfigError, configSchema, loadConfig, rulesByFile } from '@tongwen/linter';
import { afterEach, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder with these files (JSON values are written as JSON). */
function folder(files: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongwen-extends-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const problemsOf = (dir: string): readonly string[] => {
  try {
    loadConfig(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('extends', () => {
  it('takes presets and files (relative to the configuration), in order, the file itself on top', () => {
    const root = folder({
      'shared/base.json': { extends: './strict.json', rules: { 'zh-quotes': 'off' }, ignore: ['drafts/**'] },
      'shared/strict.json': { rules: { 'contents-orphan': 'error', 'zh-quotes': 'error' }, slug: 'gitbook' },
      'book/tongwen.config.json': { extends: ['zh-tw', '../shared/base.json'], rules: { 'contents-orphan': 'warn' }, ignore: ['x.md'] },
    });
    expect(loadConfig(path.join(root, 'book')).config).toEqual({
      preset: 'zh-tw',
      slug: 'gitbook',
      rules: { 'contents-orphan': 'warn', 'zh-quotes': 'off' },
      ignore: ['drafts/**', 'x.md'],
    });
  });

  it('reports a cycle, a missing file and a bad entry, each naming the file, the entry and what was expected', () => {
    const root = folder({
      'a.json': { extends: './tongwen.config.json' },
      'tongwen.config.json': { extends: ['./a.json', './missing.json', 'strict'] },
    });
    const file = path.join(root, 'tongwen.config.json');
    expect(problemsOf(root)).toEqual([
      `Invalid ${path.join(root, 'a.json')}: \`extends\` entry "./tongwen.config.json" makes a cycle (tongwen.config.json → a.json → tongwen.config.json), expected a file that does not extend this one`,
      `Invalid ${file}: \`extends\` entry "./missing.json" cannot be read (no such file), expected an existing file relative to this configuration`,
      `Invalid ${file}: \`extends\` entry "strict" is neither a preset nor a \`.json\` file, expected one of \`recommended\`, \`zh-hans\`, \`zh-hant\`, \`zh-tw\`, \`zh-hk\`, \`copywriting\`, \`mdn-zh-cn\`, \`vue-zh-cn\`, \`moe-tw\`, \`autospace\` or a path such as \`./base.json\``,
    ]);
  });

  it('reports the problems of an extended file under its own name', () => {
    const root = folder({ 'base.json': { rules: { 'no-such-rule': 'off' } }, 'tongwen.config.json': { extends: './base.json' } });
    expect(problemsOf(root)).toEqual([`Invalid ${path.join(root, 'base.json')}: \`rules.no-such-rule\` names an unknown rule \`no-such-rule\`, expected a rule id (see \`tongwen rules\`)`]);
  });
});

describe('every configuration problem in one run', () => {
  it('lists the unknown rule, the wrong severity, the bad option, the bad glob and the bad extends together, before any file is read', () => {
    const root = folder({
      'tongwen.config.json': {
        $schema: './node_modules/tongwen/tongwen.config.schema.json',
        extends: 7,
        rules: { 'no-such-rule': 'warn', 'zh-quotes': 'loud', 'zh-spacing': ['warn', { space: 'sometimes' }] },
        ignore: ['drafts/[a-'],
        overrides: [{ files: ['/abs/*.md'], rules: { 'zh-spacing': 'of' } }, { rules: {} }],
      },
      // A chapter that cannot be read: it is never reached.
      'a.md': Buffer.from([0xff, 0xfe, 0x00]).toString('latin1'),
    });
    const file = path.join(root, 'tongwen.config.json');
    const expected = [
      '`extends` is 7, expected a preset name, a file or an array of them',
      '`ignore[0]` is "drafts/[a-", expected a valid glob (every `[` and `(` closed)',
      '`rules.no-such-rule` names an unknown rule `no-such-rule`, expected a rule id (see `tongwen rules`)',
      '`rules.zh-quotes` is "loud", expected one of `off`, `info`, `warning`, `warn`, `error` or [level, options]',
      '`rules.zh-spacing`: rule `zh-spacing` option `space` is "sometimes", expected one of `always`, `never`, `consistent`',
      '`overrides[0].files[0]` is "/abs/*.md", expected a glob relative to the book root (no leading `/`)',
      '`overrides[0].rules.zh-spacing` is "of", expected one of `off`, `info`, `warning`, `warn`, `error` or [level, options]',
      '`overrides[1]` has no `files`, expected a glob or an array of globs',
    ].map((problem) => `Invalid ${file}: ${problem}`);
    expect(problemsOf(root)).toEqual(expected);
    expect(() => check({ paths: ['.'], cwd: root, cache: false })).toThrow(expected.join('\n'));
  });
});

describe('overrides', () => {
  it('set rule levels for the files matching a glob, later entries winning, book rules included', () => {
    const root = folder({
      'SUMMARY.md': '# 目录\n\n* [甲](a.md)\n',
      'a.md': '# 甲\n\n使用Docker运行。\n',
      'drafts/b.md': '# 乙\n\n使用Docker运行。\n',
      'drafts/keep/c.md': '# 丙\n\n使用Docker运行。\n',
      'tongwen.config.json': {
        overrides: [
          { files: 'drafts/**', rules: { 'zh-spacing': 'off', 'contents-orphan': 'off' } },
          { files: ['drafts/keep/*.md'], rules: { 'zh-spacing': 'error' } },
        ],
      },
    });
    const findings = check({ paths: ['.'], cwd: root, cache: false }).findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`);
    expect(findings).toEqual(['a.md zh-spacing warning', 'a.md zh-spacing warning', 'drafts/keep/c.md zh-spacing error', 'drafts/keep/c.md zh-spacing error']);
  });

  it('are undefined without entries, and the command line wins over them', () => {
    expect(rulesByFile({})).toBeUndefined();
    const rulesFor = rulesByFile({ overrides: [{ files: '*.md', excludedFiles: 'x.md', rules: { 'zh-quotes': 'error' } }] }, { 'zh-quotes': 'off' })!;
    expect(rulesFor('a.md').some((active) => active.rule.meta.id === 'zh-quotes')).toBe(false);
  });
});

describe('configSchema', () => {
  it('is generated from the rules meta: every rule, its levels and its options', () => {
    const schema = configSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const rules = schema.properties.rules!.properties!;
    expect(rules['zh-spacing']).toMatchObject({
      oneOf: [
        { enum: ['off', 'info', 'warning', 'warn', 'error'] },
        { type: 'array', items: [{ enum: ['off', 'info', 'warning', 'warn', 'error'] }, { type: 'object', additionalProperties: false, properties: { space: { type: 'string', enum: ['always', 'never', 'consistent'], default: 'always' } } }] },
      ],
    });
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'extends', 'root', 'contents', 'grammar', 'locale', 'slug', 'dialect', 'publicDir', 'siteBase', 'ignore', 'preset', 'rules', 'overrides', 'repository', 'external', 'mirrors']);
  });
});
