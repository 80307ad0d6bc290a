/**
 * Whether text is already in the script a conversion writes, so that
 * converting converted text changes nothing. A phrase stage may map a word
 * to a target that is itself a key of the same stage (s2twp: 文档 → 文件,
 * and 文件 → 檔案; 进程 → 程序, and 程序 → 程式), and its sense cues are
 * Simplified words (诉讼程序 keeps 程序; 訴訟程序 would not): text it has
 * converted once would change again. Text already in the target script
 * (by its own characters, else by its document's) therefore keeps every
 * value that stage writes as it is (see `Converters` in `engine.ts`); its
 * keys convert (數據庫 → 資料庫, as OpenCC does), with word boundaries and
 * sense cues read on the Simplified form of the text as that stage read it
 * (see {@link phraseBoundaries}), so only where the first pass would have
 * taken them. A document wholly in the target script (no Simplified-only
 * character in its prose) keeps the keys too: its words are its author's
 * (a Taiwan edition's 連接埠 is no 連線埠).
 */
import type { TextConverter } from './engine.js';
import { replacedUnits, simplifiedUnits, unitsText, type Boundaries } from './boundaries.js';
import { fitsWords } from './segmenter.js';
import { PhraseTable, tableArrays } from './table.js';

/** The evidence tables of one configuration (see {@link scriptTables}). */
export interface ScriptTables {
  /** Code unit → 1 where the character is Simplified only: the first stage changes it and no stage ever writes it. */
  simplifiedOnly: Uint8Array;
  /** Code unit → its Simplified character where it is a Traditional or regional variant character (0: none; a Taiwan variant such as 群 or 才 maps to itself, no evidence). */
  simplified: Uint16Array;
}

/**
 * The evidence tables of a configuration whose first stage is `first` and
 * whose stages write `stages`' values: a character the first stage changes
 * (its value is not itself) and that no value of any stage holds is written
 * only in Simplified text (们, 这, 档; not 台, 里, 干, 云, which converted
 * text holds: 平台, 公里, 干擾, 云為).
 */
export function scriptTables(first: PhraseTable, stages: readonly PhraseTable[], simplified: Uint16Array): ScriptTables {
  const simplifiedOnly = new Uint8Array(0x10000);
  // Only a unit some phrase of the first stage starts with can be changed by it (a few thousand of the 51,000).
  const starts = first.firstUnits;
  for (let k = 0; k < starts.length; k++) {
    const unit = starts[k]!;
    if (unit >= 0x3400 && unit < 0xfb00 && first.changesUnit(unit)) simplifiedOnly[unit] = 1;
  }
  for (const stage of stages) {
    // Indexed: a for-of over a typed array steps an iterator object per unit until the loop is optimised.
    const units = stage.valueUnits;
    for (let k = 0; k < units.length; k++) simplifiedOnly[units[k]!] = 0;
  }
  return { simplifiedOnly, simplified };
}

/** How many Traditional-only and Simplified-only characters a text has (see {@link ScriptTables}). */
export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/**
 * The script evidence of `text`, in one scan. More Traditional-only than
 * Simplified-only characters: already in the target script (a Simplified
 * text quoting a Traditional name has fewer); as many (文件 alone): not
 * known, the document decides. A document in the target script with a
 * Simplified-only character is unfinished (mixed script); one without is
 * written in that script as it stands.
 */
export function scriptCounts(text: string, tables: ScriptTables): ScriptCounts {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (tables.simplifiedOnly[unit] === 1) simplified++;
    else if (tables.simplified[unit] !== 0 && tables.simplified[unit] !== unit) traditional++;
  }
  return { traditional, simplified };
}

/**
 * The words of phrase stages (of two characters or more) that converted
 * text keeps as they are, each as a term. In converted text these stages
 * must not change what they wrote (文件, which 文档 became, is no 檔案
 * again), and the character stages must not change it either (the tech
 * profile's 平台 is no 平臺): their values are kept. `'keys'`: their keys
 * too, for a document wholly in the target script, whose words are its
 * author's (a Taiwan edition's 連接埠, 用戶端 stay as written). With
 * `'values'`, a mainland word of converted text is localised as in
 * Simplified text (數據庫, 概率); a key the first pass left as it is
 * (命名空间 where its word boundaries forbade the phrase) stays so because
 * that text is cut into words on its Simplified form as the phrase stage
 * read it (see {@link phraseBoundaries}).
 */
export function phraseWords(stages: readonly PhraseTable[], keys: 'keys' | 'values'): Array<[string, string]> {
  const words = new Set<string>();
  for (const stage of stages) {
    for (const [key, value] of stage.entries()) {
      if (keys === 'keys' && key.length >= 2) words.add(key);
      if (value.length >= 2) words.add(value);
    }
  }
  return [...words].map((word) => [word, word]);
}

/**
 * The word boundaries of converted text as the phrase stages' word
 * boundaries and sense cues read it, on its Simplified form: each value of a
 * phrase stage (網路, 資訊) that is a word of the text's code-unit
 * Simplified form (`boundaries(text)`: its word boundaries) back to the
 * Simplified form of a key of the same length that gives it (网络, 信息),
 * every other code unit to its Simplified character. Converted text is then
 * cut into the words its Simplified source was cut into (网络/命名/空间信息,
 * not 网路/命名/空间/资讯, where 命名空间 would become a phrase the first
 * pass did not take), so converting it again changes nothing. Where no
 * value is read back that way (the form is the code-unit one), the first
 * cut is the answer: the text is cut once.
 */
export function phraseBoundaries(stages: readonly PhraseTable[], simplified: Uint16Array, boundaries: (text: string, form?: string) => Boundaries): (text: string) => Boundaries {
  const back = new Map<string, string>();
  for (const stage of stages) {
    for (const [key, value] of stage.entries()) {
      if (value.length < 2 || key.length !== value.length || key === value || back.has(value)) continue;
      back.set(value, replacedUnits(key, 0, simplified));
    }
  }
  const table = new PhraseTable(tableArrays(back.entries()));
  return (text) => {
    const words = boundaries(text);
    // Only a value that is a word there (建立 in 在/分區/內/建立, not 內建 across 內/建立).
    const fits = (start: number, end: number): boolean => !words.ensure(start, end) || fitsWords(words.cuts, start, end);
    let units: Uint16Array | undefined;
    for (let i = 0; i < text.length; ) {
      const end = table.longest(text, i, fits);
      if (end < 0) {
        i++;
        continue;
      }
      const value = table.lastValue;
      for (let k = 0; k < value.length; k++) {
        const unit = text.charCodeAt(i + k);
        const form = value.charCodeAt(k);
        if (units === undefined && form === (simplified[unit] || unit)) continue;
        units ??= simplifiedUnits(text, simplified);
        units[i + k] = form;
      }
      i = end;
    }
    return units === undefined ? words : boundaries(text, unitsText(units));
  };
}

/**
 * A converter followed by `after` (quotation marks, say), keeping its
 * document mode (see `TextConverter.forDocument`).
 */
export function thenConvert(converter: TextConverter, after: (text: string) => string): TextConverter {
  const piped: TextConverter = (text) => after(converter(text));
  const forDocument = converter.forDocument;
  if (forDocument) piped.forDocument = (prose) => thenConvert(forDocument(prose), after);
  return piped;
}
