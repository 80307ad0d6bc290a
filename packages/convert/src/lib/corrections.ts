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
  ['字节', 3000], // 逐字节 is 逐 + 字节 (byte by byte: 逐位元組 under s2twp), not 逐字 + 节
];

/**
 * Phrases of the Simplified → Traditional stage (all of s2t, s2tw, s2twp,
 * s2hk, s2hkp) that OpenCC's STPhrases lacks or gets wrong.
 */
export const simplifiedToTraditional: ReadonlyArray<readonly [string, string]> = [
  // 并 before a one-character word is the conjunction "and" (并为其创建, 并为容器命名: 並為, as tldr's
  // zh_TW edition writes); OpenCC's 并为 → 併爲 is the literary "merge into", which modern text writes
  // 合并为 (its own phrase). Every other 併 phrase of OpenCC's (并入, 并发, 并成, 并到…) already yields to
  // the word boundaries where 并 is the conjunction (并/成为, 并/到达).
  ['并为', '並爲'],
  // 自制 is self-made (自製: 自制的工具, 中国自制) as often as self-control (自制), and self-made in technical
  // prose; OpenCC's 自制 → 自制 takes the other sense. The cues of `characterSenses` (senses.ts) keep 自制
  // where they mark self-control (很自制, 缺乏自制, 自制心), and OpenCC's longer phrases (自制力, 不能自制) stay.
  ['自制', '自製'],
];

/**
 * A reduplicated measure word (一只只, 一出出, 一坛坛: "one after another")
 * takes the form the measure word takes after 一 (一只 → 一隻, so 一只只 →
 * 一隻隻, not 一隻只): for every phrase 一 + one character of `phrases`
 * (OpenCC's STPhrases) that converts the character, the phrase 一 + the
 * character twice. Word boundaries keep it out where the second character
 * starts another word (一只/只能). The same entries whether a stage has
 * OpenCC's characters or not (一种种 → 一種種 is their conversion too): the
 * first stage of s2tw, s2twp, s2hk, s2hkp then holds every phrase of their
 * segmentation (`ConfigPlan.segmentationHeld`), so a phrase segment takes its
 * value without a second walk of the first stage's table.
 */
export function reduplicatedMeasures(phrases: Iterable<readonly [string, string]>): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const [from, to] of phrases) {
    if (from.length !== 2 || to.length !== 2 || from[0] !== '一' || to[0] !== '一') continue;
    const measure = from[1]!;
    const form = to[1]!;
    if (form !== measure) entries.push([`一${measure}${measure}`, `一${form}${form}`]);
  }
  return entries;
}

/** Phrases of the Taiwan phrase stage (s2twp) that OpenCC's TWPhrases gets wrong. */
export const taiwanPhrases: ReadonlyArray<readonly [string, string]> = [];

/**
 * The zh-TW technical-writing profile (`s2twt`, `--profile tech`): OpenCC's
 * Taiwan phrases (s2twp) with these entries of the Taiwan phrase stage
 * replaced or added. Keys are Traditional (what the first stage gives).
 * The reasons are in `packages/convert/docs/tech-profile.md`.
 */
export const taiwanTechPhrases: ReadonlyArray<readonly [string, string]> = [
  // OpenCC's TWPhrases where the software sense is wrong
  ['權限', '權限'], // permission: 權限; 許可權 is a mechanical artifact
  ['腳本', '腳本'], // script: 腳本 in Taiwan tech writing; 指令碼 is one vendor's term
  ['實例', '實例'], // instance: 實例; 例項 is an artifact
  ['擴展', '擴充'], // extend/extension: 擴充; 擴充套件 is an artifact
  ['回調', '回呼'], // callback: 回呼, not 回撥 (to dial back)
  ['參數', '參數'], // parameter: 參數; 引數 is an argument
  ['鏡像', '映像'], // (container, disk) image: 映像
  ['註冊表', '註冊表'], // a registry (container, package): 註冊表; 登錄檔 is only the Windows registry
  ['進程', '行程'], // process: 行程; OpenCC's 程序 reads back as program (and converts again to 程式)
  // common zh-TW tech terms where OpenCC has none
  ['示例', '範例'], // example
  ['當前', '目前'], // current (目前目錄, 目前分支)
  ['獲取', '取得'], // get, fetch
  ['令牌', '權杖'], // token
  ['憑據', '憑證'], // credentials
  ['生成', '產生'], // generate
  ['平臺', '平台'], // platform: 平台 in Taiwan tech writing
  ['配置文件', '設定檔'], // configuration file
  ['配置項', '設定項'], // configuration item
];
