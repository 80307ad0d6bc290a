/**
 * # zh-space-around-fullwidth
 *
 * Full-width punctuation carries its own spacing: no space before or after
 * `，。！？；：、（）「」『』《》【】` (and, with `curlyQuotes`, `“”‘’` next to
 * Chinese). A space that something needs is never reported: after a bare
 * URL (`https://x.y/ ，` — without it the comma joins the link) or beside
 * `**…**` (`**上下文（context）** 目录` — without it the bold no longer
 * renders); each candidate is checked by parsing the block again. Nor is
 * a space between full-width punctuation and a separator symbol spaced on
 * both sides (`**（推荐）** - 说明`, `为什么？ → 因为`), or inline HTML
 * (`用法。 <sup class="badge">3.5+</sup>`: the space sets off an element
 * whose rendering the text does not show).
 *
 * A space after a sentence end (`。！？`) followed by more text on the line
 * is what text translated from English, sentence by sentence, keeps. No
 * guide wants it (AutoCorrect and zhlint remove it), but in a chapter that
 * does it as a habit — after two thirds of its sentence ends inside a line,
 * three times at least — a finding on each is noise that hides the rest.
 * `sentenceSpace: "once"` (the default) then reports it once per chapter,
 * on its first occurrence, with the count, and its fix removes them all;
 * `"each"` reports every one. Counted per chapter, not per book: a rule
 * that reads the whole book runs again on it, which cost a third more CPU
 * on a cold check.
 *
 * ```markdown
 * 使用 `docker run`，然后（可选）查看日志。   <!-- fine -->
 * 使用 `docker run` ，然后 （可选） 查看日志。   <!-- reported three times -->
 * ```
 */
import type { Chapter } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset, type RunCache } from '../lib/types.js';
import { OBJECT, isHanAt, proseStreams, rangeOf, verifiedFixes, type Pending, type Stream } from '../lib/text.js';

const punctuation = '，。！？；：、（）「」『』《》【】〈〉〔〕';
const curly = '“”‘’';
/** Symbols spaced on both sides as separators (`**标题（注）** - 说明`, `问？ → 答`): the space belongs to them. */
const separators = '-–→←↔⇒=|/~+&<>';
/** Marks that end a sentence: a space after one inside a line is the habit `sentenceSpace` judges. */
const stops = '。！？';
const spaces = ' \t\u3000';
/** A habit shows at least this many times in a chapter (and after two thirds of its sentence ends inside a line). */
const habitMinimum = 3;

interface Options {
  curlyQuotes: boolean;
  sentenceSpace: 'once' | 'each';
}

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-space-around-fullwidth',
    family: 'typography',
    scope: 'chapter',
    description: 'Full-width punctuation must not have spaces next to it',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      curlyQuotes: { type: 'boolean', default: false, description: 'Also report spaces next to `“”‘’` when the other side is Chinese (they are shared with Latin text, and many books space them)' },
      sentenceSpace: {
        type: 'string',
        enum: ['once', 'each'],
        default: 'once',
        description: 'A space after `。！？` inside a line, in a chapter that does it as a habit: `once` (one finding per chapter, with the count) or `each` (every one)',
      },
    },
  },
  check({ chapter, options, cache, report }) {
    const pending: Array<Pending & { message: string; start: number; end: number; habit?: boolean }> = [];
    const habit = options.sentenceSpace === 'once' ? sentenceSpaceHabit(chapter, cache) : undefined;
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      for (const match of text.matchAll(/[ \t\u3000]+/g)) {
        const from = match.index!;
        const to = from + match[0].length;
        if (from === 0 || to >= text.length) continue;
        const before = text[from - 1]!;
        const after = text[to]!;
        const full = (char: string, other: number): boolean =>
          punctuation.includes(char) || (options.curlyQuotes && curly.includes(char) && other >= 0 && other < text.length && text[other] !== OBJECT && isHanAt(text, other));
        // Curly quotes count when the other side of the space is Chinese.
        const hit = full(before, to) ? before : full(after, from - 1) ? after : undefined;
        if (!hit) continue;
        if (separators.includes(hit === before ? after : before)) continue;
        if (htmlAt(stream, hit === before ? to : from - 1)) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        const side = hit === before && full(before, to) ? 'after' : 'before';
        const message = `Unexpected space ${side} full-width \`${hit}\`, expected none`;
        // The chapter's habit is reported once, on its first occurrence (whose fix takes them all).
        const inHabit = habit !== undefined && side === 'after' && sentenceSpaceAt(text, from - 1);
        pending.push({ stream, edits: [{ ...range, text: '' }], message, start: range.start, end: range.end, habit: inHabit });
      }
    }
    const kept = verifiedFixes(chapter, pending, cache, true);
    // A space whose removal would change the parsed tree is needed (after a bare URL, beside `**…**`): not reported.
    const habitual = pending.filter((entry) => entry.habit && kept.has(entry));
    for (const entry of pending) {
      if (!kept.has(entry)) continue;
      if (!entry.habit) report({ message: entry.message, start: entry.start, end: entry.end, fix: entry.edits });
      else if (entry === habitual[0]) {
        const message = entry.message.replace(', expected none', ` (a habit of this chapter: ${habitual.length} times, reported here once), expected none`);
        report({ message, start: entry.start, end: entry.end, fix: habitual.flatMap((each) => each.edits) });
      }
    }
  },
});

/** Whether stream unit `i` stands for inline HTML. */
function htmlAt(stream: Stream, i: number): boolean {
  if (stream.text[i] !== OBJECT) return false;
  const item = stream.items[stream.owner[i]!];
  return item?.kind === 'atom' && item.node.type === 'html';
}

/** Whether the sentence end at `i` is followed by spaces and then more text on the line (`。 下一句`, not `。 ` at a line end). */
function sentenceSpaceAt(text: string, i: number): boolean {
  if (!stops.includes(text[i]!) || !spaces.includes(text[i + 1] ?? '\n')) return false;
  let k = i + 1;
  while (k < text.length && spaces.includes(text[k]!)) k++;
  return k < text.length && text[k] !== '\n';
}

/** Whether a chapter writes a space after its sentence ends inside a line as a habit: after two thirds of them, three times at least. */
function sentenceSpaceHabit(chapter: Chapter, cache: RunCache): true | undefined {
  let spaced = 0;
  let total = 0;
  for (const stream of proseStreams(chapter, cache)) {
    const text = stream.text;
    if (!/\p{Script=Han}/u.test(text)) continue;
    for (let i = 0; i < text.length - 1; i++) {
      if (!stops.includes(text[i]!) || text[i + 1] === '\n') continue;
      total++;
      if (sentenceSpaceAt(text, i)) spaced++;
    }
  }
  return spaced >= habitMinimum && spaced * 3 >= total * 2 ? true : undefined;
}
