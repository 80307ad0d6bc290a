/**
 * # zh-punctuation-width
 *
 * Punctuation takes the width of the sentence it is in: half-width
 * `, . : ; ! ? ( )` between Chinese characters become full-width
 * (`，。：；！？（）`), and full-width punctuation inside a Latin sentence
 * becomes half-width. A pair of parentheses is changed together. Code,
 * URLs, paths and `镜像名:标签`-style identifiers are never touched.
 *
 * ```markdown
 * 镜像（`Image`）和容器的关系，就像类和实例。   <!-- fine -->
 * 镜像(`Image`)和容器的关系,就像类和实例。      <!-- reported: `(…)` and `,` -->
 * Use the `-d` flag，then run it.              <!-- reported: `，` -->
 * ```
 */
import type { Edit } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { OBJECT, inSpans, isCjkPunctuation, isHanAt, offsetAt, proseStreams, protectedSpans, rangeOf, verifiedFixes, type Pending, type Stream } from '../lib/text.js';

interface Options {
  toFullWidth: boolean;
  toHalfWidth: boolean;
}

const full: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
const quotes = '"\'“”‘’「」『』';
const half: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' };

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-punctuation-width',
    family: 'typography',
    scope: 'chapter',
    description: 'Punctuation must be full-width between Chinese characters and half-width in Latin sentences',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      toFullWidth: { type: 'boolean', default: true, description: 'Report half-width punctuation between Chinese characters' },
      toHalfWidth: { type: 'boolean', default: true, description: 'Report full-width punctuation inside a Latin sentence' },
    },
  },
  check({ chapter, options, cache, report }) {
    const pending: Array<Pending & { message: string; start: number; end: number }> = [];
    const chinese = (text: string, i: number): boolean => i >= 0 && i < text.length && text[i] !== OBJECT && (isHanAt(text, i) || isCjkPunctuation(text[i]));
    const push = (stream: Stream, at: number, length: number, message: string, edits: Edit[] | undefined): void => {
      const start = offsetAt(stream, at);
      if (start === undefined) return;
      pending.push({ stream, edits: edits ?? [], message, start, end: start + length });
    };
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      const spans = protectedSpans(text);
      if (options.toFullWidth && /\p{Script=Han}/u.test(text)) {
        // Parentheses, as pairs.
        const pairs: Array<[number, number]> = [];
        const stack: number[] = [];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '(') stack.push(i);
          else if (text[i] === ')' && stack.length > 0) pairs.push([stack.pop()!, i]);
        }
        for (const [open, close] of pairs) {
          if (inSpans(spans, open) || inSpans(spans, close)) continue;
          const inner = text.slice(open + 1, close);
          let before = open - 1;
          while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
          const innerHan = /\p{Script=Han}/u.test(inner) && !/^[\s\w.,:;!?'"/-]*$/u.test(inner);
          let after = close + 1;
          while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
          const outside = chinese(text, open - 1) || (innerHan && (chinese(text, before) || chinese(text, after)));
          if (!outside) continue;
          const a = rangeOf(stream, open, open + 1);
          const b = rangeOf(stream, close, close + 1);
          const edits = a && b ? [{ ...a, text: '（' }, { ...b, text: '）' }] : undefined;
          push(stream, open, 1, 'Unexpected half-width `(…)` around Chinese text, expected `（…）`', edits);
        }
        // Other punctuation between Chinese characters (spaces after it are dropped).
        for (let i = 1; i < text.length - 1; i++) {
          const char = text[i]!;
          if (!',.:;!?'.includes(char)) continue;
          if (!chinese(text, i - 1)) continue;
          let next = i + 1;
          while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
          if (!chinese(text, next) || text[next] === '…' || text[next] === '—') continue;
          if (inSpans(spans, i)) continue;
          if (char === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue;
          if (char === ':' && next === i + 1 && identifier(text, i)) continue;
          // A punctuation mark quoted as itself (`使用英文逗号“,”分隔`).
          if (quotes.includes(text[i - 1]!) && quotes.includes(text[i + 1]!)) continue;
          const range = rangeOf(stream, i, next);
          const edits = range ? [{ ...range, text: full[char]! }] : undefined;
          push(stream, i, 1, `Unexpected half-width \`${char}\` between Chinese characters, expected \`${full[char]}\``, edits);
        }
      }
      if (options.toHalfWidth) {
        for (let i = 1; i < text.length - 1; i++) {
          const char = text[i]!;
          const ascii = half[char];
          if (!ascii) continue;
          if (!/[A-Za-z0-9]/.test(text[i - 1]!) && !(char === '（' && text[i - 1] === ' ')) continue;
          if (!/[A-Za-z0-9 ]/.test(text[i + 1]!)) continue;
          const sentence = sentenceAround(text, i);
          // A sentence with Chinese in it, or ended by a full-width stop, is Chinese.
          if (/\p{Script=Han}/u.test(sentence) || /[。！？]$/.test(sentence)) continue;
          const range = rangeOf(stream, i, i + 1);
          const replacement = ascii + ('（）'.includes(char) || text[i + 1] === ' ' ? '' : ' ');
          const edits = range ? [{ ...range, text: replacement }] : undefined;
          push(stream, i, 1, `Unexpected full-width \`${char}\` in a Latin sentence, expected \`${ascii}\``, edits);
        }
      }
    }
    const kept = verifiedFixes(chapter, pending, cache);
    for (const entry of pending) {
      report({ message: entry.message, start: entry.start, end: entry.end, ...(kept.has(entry) ? { fix: entry.edits } : {}) });
    }
  },
});

/** `镜像名:标签`: a colon between two short Chinese words standing alone (an identifier, not a sentence). */
function identifier(text: string, i: number): boolean {
  const left = /(?:^|[^\p{Script=Han}])(\p{Script=Han}{1,4})$/u.exec(text.slice(0, i));
  const right = /^(\p{Script=Han}{1,3})(?:$|[^\p{Script=Han}])/u.exec(text.slice(i + 1));
  return left !== null && right !== null;
}

/** The sentence around `i`: up to the nearest sentence end or line break on each side. */
function sentenceAround(text: string, i: number): string {
  const end = (k: number): boolean => /[。！？\n]/.test(text[k]!) || (/[.!?]/.test(text[k]!) && (k + 1 >= text.length || /\s/.test(text[k + 1]!)));
  let from = i;
  while (from > 0 && !end(from - 1)) from--;
  let to = i;
  while (to < text.length && !end(to)) to++;
  return text.slice(from, Math.min(text.length, to + 1));
}
