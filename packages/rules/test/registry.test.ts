import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { presets, rules } from '@tongwen/rules';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));

describe('the rule registry', () => {
  it('has unique ids', () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of rules) {
    const { id, family, description, options } = rule.meta;
    describe(id, () => {
      it('has one id everywhere: file name, docs, tests', () => {
        expect(id).toMatch(/^[a-z]+(-[a-z\d]+)+$/);
        expect(existsSync(`${packageRoot}src/${family}/${id}.ts`)).toBe(true);
        expect(existsSync(`${packageRoot}docs/${id}.md`)).toBe(true);
        expect(existsSync(`${packageRoot}test/${family}/${id}.test.ts`)).toBe(true);
      });

      it('has docs that start with its id and name every option', () => {
        const docs = readFileSync(`${packageRoot}docs/${id}.md`, 'utf8');
        expect(docs.startsWith(`# ${id}\n`)).toBe(true);
        for (const name of Object.keys(options)) expect(docs).toContain(`\`${name}\``);
      });

      it('has valid meta', () => {
        expect(description).toMatch(/^[A-Z][^\n]*[^.]$/);
        expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
        for (const preset of rule.meta.presets) expect(presets).toContain(preset);
        for (const option of Object.values(options)) {
          expect(option.description.length).toBeGreaterThan(0);
          expect(option).toHaveProperty('default');
        }
      });
    });
  }
});
