/**
 * The opencc-js converters of a run, for the script rules: built on first
 * use (only when a script rule runs) and kept in the run's cache, never at
 * module level.
 */
import type { Converters, OpenccConfig, TextConverter, WordSegmenter } from '@tongwen/convert';
import { createConvertersSync, createSegmenter } from '../lib/convert.js';
import type { Locale, RunCache } from '../lib/types.js';

/** The converters of this run (built lazily, one per configuration). */
export function converters(cache: RunCache): Converters {
  // Plain OpenCC (no word segmentation): the rules compare with OpenCC's own round trip.
  return cache.memo('tongwen:opencc:converters', () => createConvertersSync({ segmentation: false }));
}

/** The word-aware converters of this run (jieba segmentation, as `tongwen convert` converts): for the conversion's review list. */
export function wordAwareConverters(cache: RunCache): Converters {
  return cache.memo('tongwen:opencc:word-aware', () => createConvertersSync());
}

/** One converter of this run. */
export function converter(cache: RunCache, config: OpenccConfig): TextConverter {
  return converters(cache).get(config);
}

/** The round trip that rebuilds a Traditional locale's text from Simplified: `[to Simplified, back]`. */
export function roundTrip(locale: Exclude<Locale, 'zh-Hans'>): [OpenccConfig, OpenccConfig] {
  return locale === 'zh-TW' ? ['tw2s', 's2tw'] : locale === 'zh-HK' ? ['hk2s', 's2hk'] : ['t2s', 's2t'];
}

/**
 * Simplified characters that are also standard Traditional characters of
 * another word (系 in 系統, 后 in 皇后, 里 in 公里, 于 as a surname): left
 * in Traditional text they may be right, so they are reported as warnings.
 */
export const ambiguousSimplified: ReadonlySet<string> = new Set([
  ...'系于里后云制志周余台布了注卷并干面松板范冲谷只向出斗胡回划伙克困累蒙朴仆秋曲舍沈术咸叶游御愿岳折征症致种朱筑准占采丑党吊家表刮辟杰托凶借姜价郁涂丰几卜千合扎挨拐搜夸奸吁荐虫才万蜡腊痴雕咨席帘秘熏冬梁尸凄修欲烟据',
]);

/** Pairs of characters that Taiwan usage accepts either way (`台`/`臺`…): never a mis-conversion. */
export const acceptedPairs: readonly string[] = ['台臺', '布佈', '盡儘', '占佔', '了瞭', '註注', '覆復', '鑒鑑'];

/** Whether Taiwan usage accepts both `a` and `b`. */
export function isAcceptedPair(a: string, b: string): boolean {
  return acceptedPairs.includes(a + b) || acceptedPairs.includes(b + a);
}


/** The word segmenter of this run (its dictionary is loaded on first use). */
export function segmenter(cache: RunCache): WordSegmenter {
  return cache.memo('tongwen:segmenter', () => createSegmenter());
}
