/**
 * Whether text is already in the script a conversion writes, so that
 * converting converted text changes nothing. A phrase stage may map a word
 * to a target that is itself a key of the same stage (s2twp: 文档 → 文件,
 * and 文件 → 檔案; 进程 → 程序, and 程序 → 程式), and its sense cues are
 * Simplified words (诉讼程序 keeps 程序; 訴訟程序 would not): text it has
 * converted once would change again. Text already in the target script
 * (by its own characters, else by its document's) therefore keeps every
 * word that stage reads or writes as it is (see `Converters` in
 * `engine.ts`), and the sense cues are read on the Simplified form of the
 * text.
 */
import type { TextConverter } from './engine.js';
import type { PhraseTable } from './table.js';

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

/**
 * The script balance of `text`: its Traditional-only characters less its
 * Simplified-only ones. Positive: already in the target script (a
 * Simplified text quoting a Traditional name stays negative); zero: not
 * known (文件 alone), the document decides.
 */
export function scriptBalance(text: string, tables: ScriptTables): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (tables.simplifiedOnly[unit] === 1) balance--;
    else if (tables.simplified[unit] !== 0 && tables.simplified[unit] !== unit) balance++;
  }
  return balance;
}

/**
 * The keys and values (of two characters or more) of phrase stages, each
 * as a term kept as it is: in converted text these stages must change
 * nothing (文件, which 文档 became, is no 檔案 again; 命名空間, which the word
 * boundaries of the Simplified text kept, is no 名稱空間 where the
 * converted text's words fall otherwise), and the character stages must
 * not change what they wrote (the tech profile's 平台 is no 平臺). Mainland
 * words of a Traditional text (數據庫) are therefore kept too.
 */
export function phraseWords(stages: readonly PhraseTable[]): Array<[string, string]> {
  const words = new Set<string>();
  for (const stage of stages) {
    for (const [key, value] of stage.entries()) {
      if (key.length >= 2) words.add(key);
      if (value.length >= 2) words.add(value);
    }
  }
  return [...words].map((word) => [word, word]);
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
