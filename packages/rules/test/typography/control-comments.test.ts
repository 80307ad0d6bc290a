/**
 * `<!-- tongwen-disable … -->` comments silence the typography and script
 * rules like any other, and `--fix` leaves silenced lines alone.
 */
import { fixBook, lintBook, type ActiveRule } from '@tongwen/linter';
import { getRule, optionDefaults, type Settings } from '@tongwen/rules';
import { memoryBook } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';

const active: ActiveRule[] = ['zh-spacing', 'zh-punctuation-width', 'zh-script-mixed'].map((id) => ({ rule: getRule(id)!, severity: 'warning', options: optionDefaults(getRule(id)!.meta) }));
const settings: Settings = { slug: 'github', ignore: [] };
const source = [
  '使用Docker运行,然后',
  '',
  '<!-- tongwen-disable zh-spacing -->',
  '',
  '使用Docker运行,然后',
  '',
  '<!-- tongwen-enable zh-spacing -->',
  '',
  '<!-- tongwen-disable-next-line -->',
  '使用Docker運行,然后',
  '',
].join('\n');

describe('control comments with the typography and script rules', () => {
  it('silences what they name, on the lines they cover', () => {
    const findings = lintBook(memoryBook({ 'a.md': source }), { rules: active, settings });
    expect(findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 zh-spacing', '1 zh-spacing', '1 zh-punctuation-width', '5 zh-punctuation-width']);
  });

  it('fixes only what is reported', () => {
    const book = memoryBook({ 'a.md': source });
    fixBook(book, { rules: active, settings });
    const lines = book.chapters.get('a.md')!.source.split('\n');
    expect(lines[0]).toBe('使用 Docker 运行，然后');
    expect(lines[4]).toBe('使用Docker运行，然后');
    expect(lines[9]).toBe('使用Docker運行,然后');
  });
});
