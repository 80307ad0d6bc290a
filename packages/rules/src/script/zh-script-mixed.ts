/**
 * # zh-script-mixed
 *
 * A file is written in one script: Traditional-only characters (關, 這, 後)
 * in a zh-Hans file, and Simplified-only characters (关, 这, 么) in a
 * zh-Hant, zh-TW or zh-HK file, are reported, a run of adjacent ones as one
 * finding with the converted span. Characters used in both scripts (乾 in
 * 乾隆, 系 in 系統, 后 in 皇后) are never reported here (`zh-misconversion`
 * judges those in Traditional text). Image alt text is read too. The locale of a file comes from
 * `--locale`, the configuration, front matter, its path, then detection.
 *
 * ```markdown
 * 镜像和容器的关系。     <!-- fine (zh-Hans) -->
 * 镜像和容器的關係。     <!-- reported: `關係`, expected `关系` -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { reportPending, type PendingFinding } from '../lib/text.js';
import { ambiguousSimplified, converter } from './opencc.js';
import { diffSpans, scriptStreams, spanEdit } from './shared.js';

interface Options {
  allow: string[];
  words: string[];
}

/** Names of languages and scripts written in their own script (a link to another edition: `[正體中文](…)`). */
const endonyms = ['正體中文', '繁體中文', '简体中文', '簡體中文', '正體', '繁體', '日本語', '國語', '粵語', '漢語', '汉语'];

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-script-mixed',
    family: 'script',
    scope: 'chapter',
    description: 'A file must not mix Simplified-only and Traditional-only characters',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {
      allow: { type: 'string[]', default: [], description: 'Characters never reported (names, quotations)' },
      words: { type: 'string[]', default: endonyms, description: 'Words never reported, wherever they stand: by default the names of languages in their own script (`正體中文`, `日本語`)' },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    const s2t = converter(cache, 's2t');
    const t2s = converter(cache, 't2s');
    const allowed = new Set(options.allow.flatMap((word) => [...word]));
    const hans = locale === 'zh-Hans';
    const forward = hans ? t2s : converter(cache, locale === 'zh-TW' ? 's2tw' : locale === 'zh-HK' ? 's2hk' : 's2t');
    // Traditional-only: its Simplified form converts back to it. Simplified-only: the converse, and not a Traditional character of another word.
    const foreign = hans
      ? (c: string): boolean => { const s = t2s(c); return s !== c && s2t(s) === c; }
      : (c: string): boolean => { const t = s2t(c); return t !== c && t2s(t) === c && !ambiguousSimplified.has(c); };
    const pending: PendingFinding[] = [];
    for (const stream of scriptStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      const converted = forward(text);
      if (converted === text) continue;
      // Runs of converted characters, reported when one of them belongs to the other script only (關係: 關 is, 係 joins it).
      const spans = diffSpans(text, converted, (a) => !allowed.has(a));
      if (!spans) continue;
      const protectedRanges: [number, number][] = [];
      for (const word of options.words) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) protectedRanges.push([at, at + word.length]);
      for (const span of spans) {
        if (!span.chars.some(foreign)) continue;
        if (protectedRanges.some(([from, to]) => span.from >= from && span.to <= to)) continue;
        const edit = spanEdit(stream, span);
        if (!edit) continue;
        pending.push({
          stream,
          edits: [edit],
          message: `Unexpected ${hans ? 'Traditional' : 'Simplified'} \`${span.actual}\` in a ${locale} file, expected \`${span.expected}\``,
          start: edit.start,
          end: edit.end,
        });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});
