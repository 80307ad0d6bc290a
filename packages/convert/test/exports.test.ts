import { existsSync, readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { expect, test } from 'vitest';
import * as convert from '@tongwen/convert';

test('the package exports exactly this', () => {
  expect(Object.keys(convert).sort()).toEqual([
    'Converters',
    'GlossaryError',
    'UnsupportedDirectionError',
    'anchorMaps',
    'anchorsAfter',
    'anchorsKey',
    'codeModes',
    'commentSyntax',
    'configFor',
    'convertBook',
    'convertChapter',
    'convertMarkdown',
    'createConverters',
    'createConvertersSync',
    'createSegmenter',
    'defaultFrontmatterKeys',
    'defaultProfile',
    'defaultQuoteStyle',
    'finishChapter',
    'finishPlan',
    'finishQueue',
    'followingAnchors',
    'fragmentEdits',
    'fragmentRefs',
    'fragmentTargets',
    'glossaryPairs',
    'hasDocumentMode',
    'linkCandidates',
    'linkedChapter',
    'locales',
    'localesOf',
    'openccConfigs',
    'parseGlossary',
    'parseLocale',
    'planChapter',
    'planConversion',
    'planTexts',
    'profiles',
    'quoteConverter',
    'reviewMessage',
    'thenConvert',
    'toWords',
    'wordsAround',
  ]);
});

test('directions map to OpenCC configurations', () => {
  expect(convert.configFor({ from: 'zh-Hans', to: 'zh-Hant' })).toBe('s2t');
  expect(convert.configFor({ from: 'zh-Hans', to: 'zh-TW' })).toBe('s2tw');
  expect(convert.configFor({ from: 'zh-Hans', to: 'zh-TW', phrases: true })).toBe('s2twp');
  expect(convert.configFor({ from: 'zh-Hans', to: 'zh-HK' })).toBe('s2hk');
  expect(convert.configFor({ from: 'zh-Hans', to: 'zh-HK', phrases: true })).toBe('s2hkp');
  expect(convert.configFor({ from: 'zh-Hant', to: 'zh-Hans' })).toBe('t2s');
  expect(convert.configFor({ from: 'zh-TW', to: 'zh-Hans' })).toBe('tw2s');
  expect(convert.configFor({ from: 'zh-TW', to: 'zh-Hans', phrases: true })).toBe('tw2sp');
  expect(convert.configFor({ from: 'zh-HK', to: 'zh-Hans' })).toBe('hk2s');
  expect(() => convert.configFor({ from: 'zh-TW', to: 'zh-HK' })).toThrow(convert.UnsupportedDirectionError);
  expect(convert.localesOf('s2twp')).toEqual({ from: 'zh-Hans', to: 'zh-TW' });
  // Measured closest to the human zh-TW editions (scripts/agreement.mjs): the tech profile for zh-TW.
  expect([['zh-Hans', 'zh-TW'], ['zh-Hans', 'zh-Hant'], ['zh-Hans', 'zh-HK'], ['zh-TW', 'zh-Hans']].map(([from, to]) => convert.defaultProfile(from as convert.Locale, to as convert.Locale))).toEqual(['tech', 'characters', 'characters', 'characters']);
  expect(convert.parseLocale('zh_tw')).toBe('zh-TW');
  // One parser with `check --locale`: region tags are accepted by `convert --to` too.
  expect(convert.parseLocale('zh-cn')).toBe('zh-Hans');
  expect(convert.parseLocale('zh-Hant-TW')).toBe('zh-TW');
});

const bundleFile = new URL('../dist/lib/engine-bundle.js', import.meta.url);

test.skipIf(!existsSync(bundleFile))('`@tongwen/convert/engine` is the engine in one module (the build bundles it), converting as the sources do', async () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, { default: string }> };
  expect(manifest.exports['./engine']?.default).toBe('./dist/lib/engine-bundle.js');
  // One module: no relative import left (opencc-js and @node-rs/jieba are loaded with `require` where needed).
  expect(readFileSync(bundleFile, 'utf8').match(/^import .* from ['"]\.{1,2}\//gm)).toBeNull();
  // No top-level `await` (which would stop `require()` of the bundle on Node 22+): esbuild refuses one in a CommonJS module.
  const code = readFileSync(bundleFile, 'utf8');
  expect(() => transformSync(code, { format: 'cjs', loader: 'js' })).not.toThrow();
  expect(() => transformSync('await 0;', { format: 'cjs', loader: 'js' })).toThrow(/Top-level await/);
  // Node's modules: `node:module` alone (src/lib/node.ts), `node:fs` taken without its ES module facade.
  expect([...code.matchAll(/\bimport\s*(?:[\w$*{},\s]+from\s*)?"([^"]+)"/g)].map((match) => match[1])).toEqual(['node:module']);
  const bundled = (await import(bundleFile.href)) as typeof convert;
  const text = '这个软件的程序支持多种文件格式。';
  const outputs = (['s2t', 's2twp', 't2s'] as const).map((config) => bundled.createConvertersSync().get(config)(text));
  expect(outputs).toEqual(['這個軟件的程序支持多種文件格式。', '這個軟體的程式支援多種檔案格式。', '这个软件的程序支持多种文件格式。']);
  expect(outputs).toEqual((['s2t', 's2twp', 't2s'] as const).map((config) => convert.createConvertersSync().get(config)(text)));
});
