/**
 * The seed: one chapter of a machine-converted zh-TW edition (read as
 * Markdown, locale zh-TW). Every mis-converted character the user named is
 * reported with the right suggestion, every ASCII comma and parenthesis
 * between Chinese characters is reported, and after `--fix` a re-check
 * finds none of them.
 */
import { readFileSync } from 'node:fs';
import { fixBook, lintBook, type ActiveRule } from '@tongwen/linter';
import { getRule, optionDefaults, type Settings } from '@tongwen/rules';
import { hasShared, memoryBook, seedsPath } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const ids = ['zh-punctuation-width', 'zh-misconversion', 'zh-script-mixed', 'zh-spacing', 'zh-space-around-fullwidth'];
const rules: ActiveRule[] = ids.map((id) => ({
  rule: getRule(id)!,
  severity: getRule(id)!.meta.severity,
  // The seed is machine-converted text: warnings (one-to-many characters) are fixed too.
  options: { ...optionDefaults(getRule(id)!.meta), ...(id === 'zh-misconversion' ? { fixWarnings: true } : {}) },
}));
const settings: Settings = { slug: 'github', ignore: [] };

describe.skipIf(!hasShared)('the seed chapter (zh-TW)', () => {
  const source = hasShared ? readFileSync(seedsPath('000_d38a50e54dc71e11.txt'), 'utf8') : '';
  const lint = (text: string) => lintBook(memoryBook({ 'seed.md': text }), { rules, settings, locale: 'zh-TW' });

  it('reports every mis-converted character with its suggestion', () => {
    const messages = lint(source).map((finding) => finding.message);
    for (const [wrong, right] of [['系', '係'], ['于', '於'], ['里', '裡'], ['后', '後'], ['云', '雲'], ['志', '誌'], ['制', '製'], ['復制', '複製'], ['么', '麼']]) {
      expect(messages.some((m) => m.includes(`\`${wrong}\``) && m.endsWith(`expected \`${right}\``)), `${wrong} → ${right}`).toBe(true);
    }
    // The user's examples, each reported where it is in the text.
    const findings = lint(source).filter((f) => f.ruleId === 'zh-misconversion');
    for (const [word, at] of [['關系', 1], ['運行于', 2], ['環境里', 2], ['之后', 1], ['云計算', 0], ['日志', 1], ['定制', 1]] as const) {
      const position = source.indexOf(word) + at;
      expect(source.indexOf(word), word).toBeGreaterThanOrEqual(0);
      expect(findings.some((f) => f.offset! <= position && position < f.endOffset!), word).toBe(true);
    }
  });

  it('reports every ASCII comma and parenthesis between Chinese characters', () => {
    const findings = lint(source).filter((f) => f.ruleId === 'zh-punctuation-width');
    const commas = [...source.matchAll(/\p{Script=Han},\p{Script=Han}/gu)].map((m) => m.index! + 1);
    const reported = new Set(findings.map((f) => f.offset));
    for (const offset of commas) expect(reported.has(offset), `comma at ${offset}`).toBe(true);
    const parens = [...source.matchAll(/(?<!\])\(/g)].map((m) => m.index!);
    expect(parens.length).toBe(4);
    for (const offset of parens) expect(reported.has(offset), `parenthesis at ${offset}`).toBe(true);
  });

  it('is clean after the fix loop', () => {
    const book = memoryBook({ 'seed.md': source });
    const result = fixBook(book, { rules, settings, locale: 'zh-TW' });
    const fixed = book.chapters.get('seed.md')!.source;
    expect(result.changed.has('seed.md')).toBe(true);
    const left = lint(fixed).filter((f) => f.ruleId === 'zh-punctuation-width' || f.ruleId === 'zh-misconversion' || f.ruleId === 'zh-script-mixed');
    expect(left.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    expect(fixed).not.toMatch(/\p{Script=Han}[,(]\p{Script=Han}/u);
    for (const word of ['關係', '運行於', '環境裡', '之後', '雲計算', '日誌', '定製', '複製']) expect(fixed).toContain(word);
    // Idempotent.
    expect(fixBook(book, { rules, settings, locale: 'zh-TW' }).changed.size).toBe(0);
  });
});
