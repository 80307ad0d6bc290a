/**
 * Every typography and script chapter rule is a plain `unified-lint-rule`
 * plugin: another project runs it with `remark` + `remark-lint`.
 */
import { remark } from 'remark';
import remarkLint from 'remark-lint';
import { describe, expect, it } from 'vitest';
import zhMisconversion from '../src/script/zh-misconversion.js';
import zhPunctuationWidth from '../src/typography/zh-punctuation-width.js';
import zhSpacing from '../src/typography/zh-spacing.js';
import { rules, toLintPlugin } from '@tongwen/rules';

describe('typography and script rules as remark-lint plugins', () => {
  it('reports through remark-lint with positions, rule id and source', async () => {
    const file = await remark().use(remarkLint).use(toLintPlugin(zhSpacing)).use(toLintPlugin(zhPunctuationWidth)).process('使用Docker运行,然后\n');
    const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.source}:${m.ruleId} ${m.reason}`).sort();
    expect(messages).toEqual([
      '1:11 tongwen:zh-punctuation-width Unexpected half-width `,` between Chinese characters, expected `，`',
      '1:2 tongwen:zh-spacing Unexpected missing space between `用` and `D`, expected a space',
      '1:8 tongwen:zh-spacing Unexpected missing space between `r` and `运`, expected a space',
    ]);
  });

  it('takes the locale and options as plugin options', async () => {
    const file = await remark().use(remarkLint).use(toLintPlugin(zhMisconversion), { locale: 'zh-TW', ignore: [] }).process('鏡像和容器的關系\n');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(['1:8 Unexpected `系` in zh-TW text, expected `係`']);
  });

  it('every chapter rule of the two families runs as a plugin on Chinese text', async () => {
    for (const rule of rules.filter((r) => (r.meta.family === 'typography' || r.meta.family === 'script') && r.meta.scope === 'chapter')) {
      const file = await remark().use(remarkLint).use(toLintPlugin(rule as never), { locale: 'zh-TW' }).process('# 標題\n\n使用Docker運行于環境里, 「引號」 等...\n');
      expect(Array.isArray(file.messages), rule.meta.id).toBe(true);
    }
  });
});

describe('the severity of a plugin message', () => {
  it('follows the rule meta (error: fatal, warning: not fatal) unless the setting names a level', async () => {
    const { plugins } = await import('@tongwen/rules');
    const fatal = async (setting?: unknown) => {
      const processor = remark().use(remarkLint);
      if (setting === undefined) processor.use(plugins['fence-unclosed']!).use(plugins['zh-spacing']!);
      else processor.use(plugins['fence-unclosed']!, setting as never).use(plugins['zh-spacing']!, setting as never);
      const file = await processor.process('使用Docker\n\n```sh\nls\n');
      return file.messages.map((m) => `${m.ruleId} ${m.fatal}`).sort();
    };
    expect(await fatal()).toEqual(['fence-unclosed true', 'zh-spacing false']);
    expect(await fatal(['warn'])).toEqual(['fence-unclosed false', 'zh-spacing false']);
    expect(await fatal(['error'])).toEqual(['fence-unclosed true', 'zh-spacing true']);
    expect(await fatal({})).toEqual(['fence-unclosed true', 'zh-spacing false']);
  });
});
