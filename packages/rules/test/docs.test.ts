import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionsSection, rules, withOptionsSection, writtenOptionsSection } from '@tongwen/rules';
import { describe, expect, it } from 'vitest';

const docsFolder = fileURLToPath(new URL('../docs/', import.meta.url));

describe('the options table of each rule docs file', () => {
  for (const rule of rules) {
    it(`${rule.meta.id}: is the one generated from the rule meta (run \`pnpm generate\` after changing an option)`, () => {
      const docs = readFileSync(`${docsFolder}${rule.meta.id}.md`, 'utf8');
      expect(writtenOptionsSection(docs)).toBe(optionsSection(rule.meta));
    });
  }
});

describe('optionsSection', () => {
  const meta = { ...rules[0]!.meta, options: { style: { type: 'string', enum: ['a', 'b'], default: 'a', description: 'Style `a|b`' }, on: { type: 'boolean', default: true, description: 'On' } } } as const;

  it('writes one row per option with type, default and description', () => {
    expect(optionsSection(meta)).toBe(
      '## Options\n\n| option | type | default | description |\n| --- | --- | --- | --- |\n| `style` | string (`a`, `b`) | `"a"` | Style `a\\|b` |\n| `on` | boolean | `true` | On |',
    );
    expect(optionsSection({ ...meta, options: {} })).toBe('## Options\n\nNone.');
  });

  it('replaces only the options section of a docs file', () => {
    const docs = '# x\n\nText.\n\n## Options\n\nold\n\n## Facts\n\n- f\n';
    expect(withOptionsSection(docs, { ...meta, options: {} })).toBe('# x\n\nText.\n\n## Options\n\nNone.\n\n## Facts\n\n- f\n');
    expect(withOptionsSection('# x\n', { ...meta, options: {} })).toBe('# x\n\n## Options\n\nNone.\n');
  });
});
