/**
 * Sense cues of the Taiwan phrase profiles (`s2twp`, `s2twt`): OpenCC's
 * Taiwan phrases replace a word by its software sense (程序 → 程式, 对象 →
 * 物件, 项目 → 專案, 支持 → 支援), which is wrong where the word means
 * something else (法律程序, 结婚对象, 体育项目, 我支持你). A sense cue is a
 * class of neighbouring words that marks the other sense; where one is next
 * to the word (in the word's own jieba word or in the word beside it), the
 * Taiwan phrase is not used and the word keeps its character conversion.
 * Each entry is tested in `test/senses.test.ts`.
 */

/** Classes of words that mark a sense other than software. */
export const senseCues = {
  /** Law and administration: 法律程序, 诉讼程序, 审批程序. */
  legal: [
    '法律', '诉讼', '司法', '行政', '法定', '正当', '审判', '立法', '仲裁', '刑事', '民事', '上诉', '审批',
    '审查', '议事', '选举', '表决', '弹劾', '报批', '登记', '入境', '出境', '通关', '海关', '外交',
  ],
  /** Sports and contests: 体育项目, 比赛项目. */
  contest: ['体育', '运动', '比赛', '竞赛', '竞技', '奥运', '奥运会', '田径', '冬奥', '参赛', '夺金', '夺冠', '表演', '考试', '考核', '体检', '检查', '收费', '评分'],
  /** Love and marriage: 结婚对象, 恋爱对象, 找对象. */
  partner: ['结婚', '恋爱', '相亲', '交往', '约会', '暗恋', '择偶', '找', '婚姻', '倾诉', '心仪'],
  /** A person as the object: 我支持你, 支持他们. */
  person: ['你', '您', '我', '他', '她', '你们', '我们', '他们', '她们', '大家', '各位', '朋友', '家人', '球队', '候选人'],
  /** The Windows registry (OpenCC's 登錄檔), the narrow sense of 注册表: Windows 注册表, 注册表编辑器. */
  windows: ['Windows', 'windows', 'regedit', 'HKEY', '编辑', '编辑器', '键', '键值', '子键', '项', '修改', '写入'],
  /** Backing a person or a cause: 大力支持, 感谢支持. */
  backing: ['大力', '鼎力', '热烈', '坚决', '拥护', '感谢', '谢谢', '默默', '全力', '一致', '舆论', '民众', '选民', '群众'],
  /** Words that take a quality (self-control): 很自制, 缺乏自制, 保持自制, 难以自制. */
  temperament: ['很', '非常', '十分', '极', '极其', '极为', '更', '更加', '比较', '相当', '缺乏', '保持', '失去', '学会', '懂得', '难以', '无法', '不能', '不会', '需要', '必须', '应该', '克制', '冷静', '理智', '稍加', '有所', '过分', '过度'],
  /** A faculty or a trait (self-control): 自制力, 自制心. */
  faculty: ['力', '能力', '心', '性', '力量'],
} as const satisfies Record<string, readonly string[]>;

/** A cue class. */
export type SenseCue = keyof typeof senseCues;

/** A word of the Taiwan phrase stage with the cues that keep it out (cues written before or after the word). */
export interface Sense {
  /** The word, Simplified (as the source is written). */
  word: string;
  /** Cue classes that end right before the word. */
  before?: readonly SenseCue[];
  /** Cue classes that start right after the word. */
  after?: readonly SenseCue[];
  /**
   * Cue classes of the Taiwan phrase's own sense when it is the narrow one:
   * the phrase is used only where one of them is beside the word (before or
   * after); elsewhere the word keeps its character conversion.
   */
  only?: readonly SenseCue[];
}

/** The polysemous words of OpenCC's Taiwan phrases and their non-software cues. */
export const senses: readonly Sense[] = [
  { word: '程序', before: ['legal'] },
  { word: '对象', before: ['partner'] },
  { word: '项目', before: ['contest'] },
  { word: '支持', before: ['backing'], after: ['person'] },
  // 注册表 is any registry (npm, crates, container images); 登錄檔 is only Windows'.
  { word: '注册表', only: ['windows'] },
];

/**
 * Words of the character stage (Simplified → Traditional: s2t, s2tw, s2twp …)
 * whose senses take different characters; the phrase (tongwen's correction,
 * see `corrections.ts`) gives the common sense of technical prose, the cues
 * the other one, which keeps the character conversion.
 */
export const characterSenses: readonly Sense[] = [
  // 自製 (self-made: 自制的工具, 中国自制) unless a cue marks 自制 (self-control: 很自制, 缺乏自制, 自制心).
  { word: '自制', before: ['temperament'], after: ['faculty'] },
];

/**
 * Whether the Taiwan phrase of `text[start, end)` may be used there: `false`
 * when the text is a word of {@link senses} and one of its cues is beside
 * it. `text` is the Simplified source; `cuts` its word boundaries (see
 * `wordCuts`): the context before is the rest of the word the phrase
 * starts in, else the word before it (结婚 in 结婚/对象, 体育 in 体育项目);
 * after, likewise.
 */
export function senseAllows(text: string, cuts: Uint8Array | undefined, start: number, end: number, table: readonly Sense[] = senses): boolean {
  const sense = table.find((entry) => entry.word.length === end - start && text.startsWith(entry.word, start));
  if (!sense) return true;
  const before = contextBefore(text, cuts, start);
  const after = contextAfter(text, cuts, end);
  const cued = (classes: readonly SenseCue[] | undefined, test: (cue: string) => boolean): boolean => (classes ?? []).some((name) => senseCues[name].some(test));
  // A one-character cue is the whole neighbouring word (找/对象, not 查找/对象).
  const near = (cue: string): boolean => before === cue || after === cue || (cue.length > 1 && (before.endsWith(cue) || after.startsWith(cue)));
  if (sense.only && !cued(sense.only, near)) return false;
  // After: the cue is the whole next word, not a possessive (支持你, not 支持我们的服务).
  const possessive = text[end + after.length] === '的';
  return !cued(sense.before, (cue) => before === cue || (cue.length > 1 && before.endsWith(cue))) && (possessive || !cued(sense.after, (cue) => after === cue));
}

/** The word of `text` that ends at `end` (the start of the word holding it when `end` is inside one), across one space; Han or Latin only. */
function contextBefore(text: string, cuts: Uint8Array | undefined, end: number): string {
  if (text[end - 1] === ' ' && /[A-Za-z]/.test(text[end - 2] ?? '')) end--;
  let start = end - 1;
  if (cuts) {
    while (start > 0 && cuts[start] !== 1) start--;
  } else start = Math.max(0, end - 2);
  const word = text.slice(Math.max(0, start), end);
  return /^(?:\p{Script=Han}+|[A-Za-z]+)$/u.test(word) ? word : '';
}

/** The word of `text` that starts at `start` (to the end of the word holding it), Han characters only. */
function contextAfter(text: string, cuts: Uint8Array | undefined, start: number): string {
  if (start >= text.length) return '';
  let end = start + 1;
  if (cuts) {
    while (end < text.length && cuts[end] !== 1) end++;
  } else end = Math.min(text.length, start + 2);
  const word = text.slice(start, Math.min(end, text.length));
  return /^\p{Script=Han}+$/u.test(word) ? word : '';
}

/** Whether `text[start, end)` is, as written, a word of a senses table (default {@link senses}; Simplified words: a Traditional 自製 is none of {@link characterSenses}). */
export function senseWordAt(text: string, start: number, end: number, table: readonly Sense[] = senses): boolean {
  return table.some((entry) => entry.word.length === end - start && text.startsWith(entry.word, start));
}
