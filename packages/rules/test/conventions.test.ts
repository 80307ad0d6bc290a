import { activeRules } from '@tongwen/linter';
import { conventionNames, conventions, getRule, presetRules, presets, validateOptions } from '@tongwen/rules';
import { describe, expect, it } from 'vitest';

describe('convention presets', () => {
  it('are presets, each naming existing rules with valid options', () => {
    expect(conventionNames).toEqual(['copywriting', 'mdn-zh-cn', 'vue-zh-cn', 'moe-tw', 'autospace']);
    for (const name of conventionNames) {
      expect(presets).toContain(name);
      for (const [id, setting] of Object.entries(conventions[name])) {
        const rule = getRule(id);
        expect(rule, `${name}: ${id}`).toBeDefined();
        if (setting !== 'off') expect(validateOptions(rule!.meta, { ...setting })).toEqual([]);
      }
    }
  });

  it('build on `recommended` with their options; the configuration still wins', () => {
    const option = (preset: Parameters<typeof activeRules>[0]['preset'], id: string, rules?: Parameters<typeof activeRules>[0]['rules']) =>
      activeRules({ ...(preset ? { preset } : {}), ...(rules ? { rules } : {}) }).find((active) => active.rule.meta.id === id)?.options;
    expect(option('autospace', 'zh-spacing')?.space).toBe('never');
    expect(option('vue-zh-cn', 'zh-punctuation-width')?.parentheses).toBe('consistent');
    expect(option('copywriting', 'zh-quotes')?.style).toBe('corner');
    expect(option('moe-tw', 'zh-spacing')).toBeUndefined();
    expect(option('vue-zh-cn', 'zh-punctuation-width', { 'zh-punctuation-width': ['warn', { parentheses: 'full' }] })?.parentheses).toBe('full');
    expect(presetRules('moe-tw').map((rule) => rule.meta.id)).not.toContain('zh-spacing');
    expect(presetRules('autospace').length).toBe(presetRules('recommended').length);
  });
});
