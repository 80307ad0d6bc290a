/**
 * tongwen's small correction table: what OpenCC's dictionaries and jieba's
 * segmentation get wrong in technical prose, each entry tested in
 * `test/corrections.test.ts`.
 */

/**
 * Words added to jieba's dictionary with a frequency, so that the word
 * boundaries of technical prose come out right (注册/表单, not 注册表/单).
 */
export const segmentationWords: ReadonlyArray<readonly [string, number]> = [
  ['表单', 2000], // 注册表单 is 注册 + 表单 (a form), not 注册表 + 单 (s2twp made 登錄檔單)
  ['周线', 1000], // 周线图 is 周线 + 图 (週線圖, a weekly chart), not 周 + 线图
  ['乙太网', 1000], // Taiwan's 乙太網 (Ethernet) is one word: 乙太網絡 → 以太网络
];

/**
 * Phrases of the Simplified → Traditional stage (all of s2t, s2tw, s2twp,
 * s2hk, s2hkp) that OpenCC's STPhrases lacks or gets wrong.
 */
export const simplifiedToTraditional: ReadonlyArray<readonly [string, string]> = [];

/** Phrases of the Taiwan phrase stage (s2twp) that OpenCC's TWPhrases gets wrong. */
export const taiwanPhrases: ReadonlyArray<readonly [string, string]> = [];
